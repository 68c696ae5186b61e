"""`manage.py rekey_names`: recompute the stored matching keys of people's and
organisations' names after the key function (resolution.name_key) changes."""
from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from meetings.services.resolution import names_rekey


class Command(BaseCommand):
    help = "Recompute the stored matching keys of every person's and organisation's names."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="Change nothing; exit 1 when some stored key is out of date.")

    def handle(self, *args, check, **options):
        counts = names_rekey(dry_run=check)
        for label in ["person names", "organisation names"]:
            self.stdout.write(f"{label}: {counts[f'{label} re-keyed']} re-keyed, "
                              f"{counts[f'{label} merged']} merged into a name with the same key")
        if check and sum(counts.values()):
            raise CommandError("stored name keys are out of date: run `manage.py rekey_names`")
