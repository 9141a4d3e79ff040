"""`manage.py export_content [--pioneer SLUG] > FILE.json`: the site's content in format pioneer-exchange/1."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from casestudies.content_format import UnknownPioneer, dumps, export, json_schema


class Command(BaseCommand):
    help = (
        "Write pioneers, case studies, barriers and workarounds as pioneer-exchange/1 JSON on standard output. "
        "Each page as editors see it: its latest revision, drafts included."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pioneer", metavar="SLUG", help="Only this pioneer and its content.")
        parser.add_argument(
            "--schema",
            action="store_true",
            help="Write the format's JSON Schema instead (docs/import-format.schema.json).",
        )

    def handle(self, *args, pioneer: str | None = None, schema: bool = False, **options):
        if schema:
            self.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", ending="")
            return
        try:
            content = export(pioneer=pioneer)
        except UnknownPioneer:
            raise CommandError(f'No pioneer with the slug "{pioneer}" on this site.') from None
        self.stdout.write(dumps(content), ending="")
