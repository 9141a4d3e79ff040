"""Signals other apps may listen to; themes itself knows nothing of who listens."""

from django.dispatch import Signal

# Sent once a term (or tag) has been merged into another: sender is the term's model,
# with source_pk, source_slug and target (the surviving term). Every use already points at target.
term_merged = Signal()
