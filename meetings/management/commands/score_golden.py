"""`manage.py score_golden`: score the extraction engine against the
project's golden articles and store the figures that /about/data/ shows."""
from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from meetings.quality import FIELDS, score_golden, write_scores


class Command(BaseCommand):
    help = "Score extraction against fixtures/articles + tests/golden and store the result for /about/data/."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=Path, default=settings.BASE_DIR / "fixtures" / "articles")
        parser.add_argument("--golden", type=Path, default=settings.BASE_DIR / "tests" / "golden")
        parser.add_argument("--out", type=Path, default=Path(settings.CHANCERY_QUALITY_FILE))

    def handle(self, *args, articles, golden, out, **options):
        report = score_golden(articles, golden)
        if not report["articles"]:
            raise CommandError(f"no golden answer in {golden} has its article in {articles}")
        write_scores(out, report)
        for row in report["articles"]:
            self.stdout.write(f"{row['article']}: " + ", ".join(f"{f} {row[f]:.2f}" for f in FIELDS))
        self.stdout.write("mean: " + ", ".join(f"{f} {report['mean'][f]:.2f}" for f in FIELDS))
        self.stdout.write(f"stored in {out}")
