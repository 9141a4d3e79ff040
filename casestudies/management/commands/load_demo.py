"""`manage.py load_demo`: into a site with no pioneers, the demo content (published) and a demo admin.

The content is casestudies/fixtures/demo.json, imported as `import_content --publish` would.
With any pioneer on the site it does nothing, so it never touches anyone's work.
"""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from casestudies.models import PioneerPage

DEMO_ADMIN_USERNAME = "admin"
DEMO_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "demo.json"


class Command(BaseCommand):
    help = "Into a site with no pioneers: import the demo content, published, and create a demo admin account."

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "production") == "production":
            raise CommandError("load_demo refuses to run with production settings: it creates a known admin password.")
        if PioneerPage.objects.exists():
            self.stdout.write("Content exists: demo content not loaded.")
            return
        call_command(
            "import_content",
            str(DEMO_FILE),
            publish=True,
            verbosity=options["verbosity"],
            stdout=self.stdout,
            stderr=self.stderr,
        )
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
