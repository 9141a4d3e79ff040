"""Remove search log rows (and their clicks) older than the retention period."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from curation.analytics.models import SearchClick, SearchLog

MAX_DAYS = 36_500


def days_value(raw) -> int:
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit()):
        raise CommandError(f"--days must be a whole number of days, 1 or more, not {text[:40]!r}.")
    days = int(text)
    if not 1 <= days <= MAX_DAYS:
        raise CommandError(f"--days must be between 1 and {MAX_DAYS}, not {days}.")
    return days


class Command(BaseCommand):
    help = "Delete search log rows older than SEARCH_LOG_RETENTION_DAYS (or --days), with their clicks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", help="Keep this many days instead of SEARCH_LOG_RETENTION_DAYS (a whole number, 1 or more)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        keep = days_value(settings.SEARCH_LOG_RETENTION_DAYS if days is None else days)
        cutoff = timezone.now() - timedelta(days=keep)
        old = SearchLog.objects.filter(created_at__lt=cutoff)
        when = timezone.localtime(cutoff).strftime("%Y-%m-%d %H:%M")
        if dry_run:
            searches, clicks = old.count(), SearchClick.objects.filter(search__in=old).count()
            self.stdout.write(f"Would delete {searches} search log rows and {clicks} clicks from before {when}.")
            self.stdout.write("Dry run: nothing was deleted.")
            return
        _total, deleted = old.delete()
        searches, clicks = deleted.get(SearchLog._meta.label, 0), deleted.get(SearchClick._meta.label, 0)
        self.stdout.write(f"Deleted {searches} search log rows and {clicks} clicks from before {when}.")
