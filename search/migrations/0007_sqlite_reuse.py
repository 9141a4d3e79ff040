"""The SQLite full-text index again, with the `reused` facet and each entry's reuse count (search/ranking.py).

Other databases get nothing here: the engine reads both from the stored documents there.
"""

from django.db import migrations

from search.engines.database import sqlite_schema


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_sqlite_full_text"),
    ]

    operations = [
        migrations.RunPython(sqlite_schema.recreate, sqlite_schema.recreate),
    ]
