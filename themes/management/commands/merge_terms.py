"""python manage.py merge_terms KIND OLD_SLUG NEW_SLUG: what the admin's "Merge into…" does, from a shell."""

from django.core.management.base import BaseCommand, CommandError

from themes.merging import MergeRefused, merge, term_models
from themes.usage import describe, term_uses


class Command(BaseCommand):
    help = "Merge a taxonomy term or tag into another: every use moves, the old slug redirects, the term goes."

    def add_arguments(self, parser):
        parser.add_argument("kind", help=f"one of: {', '.join(term_models())}")
        parser.add_argument("old_slug", help="the term that goes")
        parser.add_argument("new_slug", help="the term that stays")
        parser.add_argument("--dry-run", action="store_true", help="say what would move, change nothing")

    def handle(self, kind, old_slug, new_slug, dry_run=False, **options):
        models = term_models()
        if kind not in models:
            raise CommandError(f"Unknown kind {kind!r}; expected one of: {', '.join(models)}.")
        model = models[kind]
        source, target = (self._find(model, kind, slug) for slug in (old_slug, new_slug))
        if dry_run:
            self.stdout.write(f"Would merge “{source}” into “{target}”, moving {describe(term_uses(source))}.")
            return
        try:
            result = merge(source, target)
        except MergeRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(result.describe()))

    @staticmethod
    def _find(model, kind, slug):
        term = model._default_manager.filter(slug=slug).first()
        if term is None:
            raise CommandError(f"No {kind} with the slug {slug!r}.")
        return term
