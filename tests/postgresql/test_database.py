"""The PostgreSQL leg runs on PostgreSQL, on a database its migrations built from empty."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import POSTGRESQL_LEG


def test_the_leg_runs_on_the_database_it_was_meant_for():
    # scripts/run-tests.sh sets EXPECT_DB_VENDOR=postgresql for its PostgreSQL leg: a leg that fell back to
    # SQLite (a lost DATABASE_URL, settings that force SQLite) fails here instead of passing on SQLite.
    assert connection.vendor == os.environ.get("EXPECT_DB_VENDOR", connection.vendor)


@pytest.mark.django_db
def test_the_migrations_built_this_database_from_empty_and_match_the_models():
    # pytest-django created the test database empty and migrated it forwards (no --reuse-db, no
    # --nomigrations): every migration on disk is applied, and none is missing for the models.
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())  # exits 1 on changes
    assert "No changes detected" in out.getvalue()


def test_every_choice_of_the_leg_names_a_test_that_exists():
    # A renamed file or test would drop out of the PostgreSQL leg without a word.
    root = Path(__file__).resolve().parents[2]
    for chosen in POSTGRESQL_LEG:
        path, _, name = chosen.partition("::")
        assert (root / path).exists(), chosen
        if name:
            assert f"def {name}(" in (root / path).read_text(), chosen
