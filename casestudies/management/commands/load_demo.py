"""`manage.py load_demo`: the 14 pioneers with case studies, barriers and workarounds, plus a demo admin."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from casestudies.demo_loader import DemoLoader
from casestudies.models import PioneerPage

DEMO_ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Load the demo content (idempotent: existing pages are left alone) and create a demo admin account."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when any pioneer page exists.")

    def handle(self, *args, if_empty: bool = False, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "production") == "production":
            raise CommandError("load_demo refuses to run with production settings: it creates a known admin password.")
        if if_empty and PioneerPage.objects.exists():
            self.stdout.write("Content exists: demo content not loaded.")
            return
        report = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        # One transaction: the search index takes in every page once, when it commits.
        created = DemoLoader(report=report).load()
        summary = ", ".join(f"{count} {name}" for name, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary} created."))
        self._ensure_admin()

    def _ensure_admin(self) -> None:
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "pioneer-demo-2013")
        user_model = get_user_model()
        if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            self.stdout.write(f"Demo admin account '{DEMO_ADMIN_USERNAME}' already exists (password unchanged).")
            return
        user_model.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", password)
        self.stdout.write(
            self.style.WARNING(
                f"Demo admin account created: username '{DEMO_ADMIN_USERNAME}', password '{password}' "
                "(log in at /admin/; for local use only)."
            )
        )
