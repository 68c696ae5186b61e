"""`manage.py recount [--check]`: recompute the counts stored on people and organisations."""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetings.services.counters import counters_refresh_all, counters_stale


class Command(BaseCommand):
    help = ("Recount the meetings and statements stored on each person and the meetings and people stored on "
            "each organisation (after loading data in bulk or by hand). --check changes nothing and exits 1 "
            "when some count is out of date.")

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Report stale counts; change nothing.")

    def handle(self, *args, check, **options):
        stale = counters_stale()
        summary = ", ".join(f"{n} {name}" for name, n in stale.items())
        if check:
            if any(stale.values()):
                raise CommandError(f"Stale counts: {summary}.")
            self.stdout.write("Every stored count is up to date.")
            return
        with transaction.atomic():
            counters_refresh_all()
        self.stdout.write(f"Recounted ({summary} were out of date).")
