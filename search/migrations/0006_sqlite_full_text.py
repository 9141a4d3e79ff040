"""The database engine's full-text index on SQLite (FTS5), filled from the entries already there.

Other databases get nothing here: the engine searches them without it.
"""

from django.db import migrations

from search.engines.database import sqlite_schema


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_seed_everyday_words"),
    ]

    operations = [
        migrations.RunPython(sqlite_schema.create, sqlite_schema.drop),
    ]
