"""`manage.py prune_uploads [--stale-minutes N] [--keep-days N] [--dry-run]`: end the admin
uploads a dead task worker left in progress, and remove old finished uploads and task results.
Meant to run daily (cron)."""
from __future__ import annotations

from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.services.uploads import uploads_prune, uploads_recover


def at_least(minimum: int):
    def whole_number(value: str) -> int:
        number = int(value)
        if number < minimum:
            raise ArgumentTypeError(f"must be {minimum} or more")
        return number
    return whole_number


class Command(BaseCommand):
    help = ("Mark uploads stuck extracting or storing (their task worker stopped) failed, or done when their "
            "article was stored; remove done and failed uploads and finished task results older than "
            "--keep-days. --dry-run only counts.")

    def add_arguments(self, parser):
        parser.add_argument("--stale-minutes", type=at_least(1), default=settings.CHANCERY_UPLOAD_STALE_MINUTES,
                            help="An upload extracting or storing unchanged for this long is stuck "
                                 "(default: CHANCERY_UPLOAD_STALE_MINUTES, %(default)s).")
        parser.add_argument("--keep-days", type=at_least(0), default=30,
                            help="Keep finished uploads and task results this many days; 0 removes them all "
                                 "(default: %(default)s).")
        parser.add_argument("--dry-run", action="store_true", help="Count what would change; change nothing.")

    def handle(self, *args, stale_minutes, keep_days, dry_run, **options):
        recovered = uploads_recover(stale_minutes=stale_minutes, dry_run=dry_run)
        pruned = uploads_prune(keep_days=keep_days, dry_run=dry_run)
        would = "Would mark" if dry_run else "Marked"
        self.stdout.write(f"{would} {recovered.failed} stuck upload(s) failed and {recovered.done} done "
                          f"(their article was stored).")
        would = "Would remove" if dry_run else "Removed"
        self.stdout.write(f"{would} {pruned.uploads} finished upload(s) and {pruned.task_results} finished "
                          f"task result(s) older than {keep_days} days.")
