"""Send the saved searches' email digests that are due: from cron or a scheduled worker, as often as you like."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from network.digests import send_due_digests
from search.engines import get_engine


class Command(BaseCommand):
    help = (
        "Email each due saved search its new matches (pages first published since its last digest). "
        "Idempotent: a second run sends nothing new. Exits 1 if any digest failed (they are tried again next run)."
    )

    def handle(self, *args, **options) -> None:
        verbosity = options["verbosity"]
        progress = self.stdout.write if verbosity >= 1 else None
        outcome = send_due_digests(get_engine(), progress=progress)
        summary = f"Digests: {outcome.sent} sent, {outcome.nothing_new} with nothing new, {outcome.failed} failed."
        if outcome.failed:
            self.stderr.write(summary)
            raise SystemExit(1)
        self.stdout.write(summary)
