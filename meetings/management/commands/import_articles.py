"""`manage.py import_articles PATH...`: import article files and folders."""
from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.services.importing import article_import, import_paths


class Command(BaseCommand):
    help = "Import articles (files or folders, recursively): extract and store their people, meetings and statements."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--published", type=dt.date.fromisoformat,
                            help="Publication date (YYYY-MM-DD) for articles that do not state one.")
        parser.add_argument("--source", default="", help="Outlet name for articles that do not state one.")
        parser.add_argument("--update", action="store_true",
                            help="Re-extract articles already imported and replace what they gave.")

    def handle(self, *args, paths, published, source, update, verbosity, **options):
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        files = import_paths(paths)
        if not files:
            raise CommandError("no article files found")
        totals, created, matched, failures, flagged = Counter(), Counter(), Counter(), [], []
        show_bar = verbosity >= 1 and sys.stderr.isatty()
        for n, path in enumerate(files, 1):
            result = article_import(path=path, published=published, source=source, update=update)
            totals[result.status] += 1
            created.update(result.created)
            matched.update(result.matched)
            flagged.extend(result.flagged)
            if result.status == "failed":
                failures.append(result.error)
            if show_bar:
                done = int(30 * n / len(files))
                self.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {n}/{len(files)} {path.name[:40]:40}", ending="")
            elif verbosity >= 2:
                self.stdout.write(f"{n}/{len(files)} {path}: {result.status}")
        if show_bar:
            self.stderr.write("")
        self.stdout.write(
            f"articles: {totals['imported']} imported, {totals['updated']} updated, "
            f"{totals['duplicate']} skipped as duplicates, {totals['failed']} failed"
        )
        self.stdout.write("created: " + _counts(created))
        self.stdout.write("matched to existing records: " + _counts(matched))
        if flagged:
            self.stdout.write(f"flagged for review: {len(flagged)}")
            for note in flagged[:20]:
                self.stdout.write(f"  - {note}")
        for error in failures:
            self.stderr.write(f"failed: {error}")
        if failures:
            raise CommandError(f"{len(failures)} article(s) failed")


def _counts(counter: Counter) -> str:
    keys = ["meetings", "people", "organisations", "participations", "statements"]
    return ", ".join(f"{counter[k]} {k}" for k in keys if counter[k]) or "nothing"
