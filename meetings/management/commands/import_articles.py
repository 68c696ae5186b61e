"""`manage.py import_articles PATH...`: import article files and folders."""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meetings.services.bulk_import import articles_import
from meetings.services.importing import article_files


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = "Import articles (files or folders, recursively): extract and store their people, meetings and statements."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--published", type=dt.date.fromisoformat,
                            help="Publication date (YYYY-MM-DD) for articles that do not state one.")
        parser.add_argument("--source", default="", help="Outlet name for articles that do not state one.")
        parser.add_argument("--update", action="store_true",
                            help="Re-extract articles already imported and replace what they gave.")
        parser.add_argument("--workers", type=positive, default=1,
                            help="Processes that run the extraction (default 1: in this process); "
                                 "the database writes stay in this process.")
        parser.add_argument("--batch", type=positive, default=16,
                            help="Articles parsed in one spaCy batch (default 16; 1 parses each on its own).")

    def handle(self, *args, paths, published, source, update, workers, batch, verbosity, **options):
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        # Counted by a walk that keeps nothing: the import itself reads the files as it goes.
        total = sum(1 for _ in article_files(paths))
        if not total:
            raise CommandError("no article files found")
        totals, created, matched, failures, flagged = Counter(), Counter(), Counter(), [], []
        show_bar = verbosity >= 1 and sys.stderr.isatty()
        started = time.perf_counter()
        results = articles_import(article_files(paths), published=published, source=source, update=update,
                                  workers=workers, batch=batch)
        for n, result in enumerate(results, 1):
            totals[result.status] += 1
            created.update(result.created)
            matched.update(result.matched)
            flagged.extend(result.flagged)
            if result.status == "failed":
                failures.append(result.error)
            if show_bar:
                done = int(30 * n / total)
                rate = n / max(time.perf_counter() - started, 1e-9)
                self.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {n}/{total} {rate:5.1f}/s "
                                  f"{result.name[:40]:40}", ending="")
            elif verbosity >= 2:
                self.stdout.write(f"{n}/{total} {result.name}: {result.status}")
        elapsed = time.perf_counter() - started
        if show_bar:
            self.stderr.write("")
        self.stdout.write(
            f"articles: {totals['imported']} imported, {totals['updated']} updated, "
            f"{totals['duplicate']} skipped as duplicates, {totals['failed']} failed"
        )
        self.stdout.write(f"time: {elapsed:.1f} s, {sum(totals.values()) / max(elapsed, 1e-9):.2f} articles/s "
                          f"({workers} worker{'s' if workers > 1 else ''}, spaCy batches of {batch})")
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
