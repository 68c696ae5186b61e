"""`manage.py generate_data --meetings N`: fill an empty database with synthetic records."""
from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from meetings.services.synthetic import synthetic_generate


class Command(BaseCommand):
    help = ("Fill an empty database with synthetic meetings, people, organisations, articles, participations "
            "and statements (about N/5 people, N/2 articles, 3N participations, 10N statements), for benchmarks.")

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, required=True, help="How many meetings (100000 for research scale).")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same records.")

    def handle(self, *args, meetings, seed, verbosity, **options):
        if meetings < 1:
            raise CommandError("--meetings must be at least 1")
        started = time.monotonic()

        def progress(done, total):
            if verbosity >= 2 or (verbosity >= 1 and done % 20000 < 2000):
                self.stderr.write(f"{done}/{total} meetings, {time.monotonic() - started:.0f} s")

        try:
            counts = synthetic_generate(meetings=meetings, seed=seed, progress=progress)
        except ValueError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(f"Generated {summary} in {time.monotonic() - started:.1f} s.")
