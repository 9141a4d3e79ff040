"""python manage.py clean_tags [--dry-run]: one tag per word, and no unused tags."""

from django.core.management.base import BaseCommand

from themes.merging import clean_tags


class Command(BaseCommand):
    help = "Merge tags written differently (case, spaces, hyphens) into the most used one; delete unused tags."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list what would change, change nothing")

    def handle(self, dry_run=False, **options):
        cleanup = clean_tags(dry_run=dry_run)
        verb = "Would merge" if dry_run else "Merged"
        for duplicate, kept in cleanup.merged:
            self.stdout.write(f"{verb} “{duplicate}” into “{kept}”")
        verb = "Would delete" if dry_run else "Deleted"
        for name in cleanup.deleted:
            self.stdout.write(f"{verb} unused tag “{name}”")
        self.stdout.write(
            f"{len(cleanup.merged)} merged, {len(cleanup.deleted)} unused removed" + (" (dry run)" if dry_run else "")
        )
