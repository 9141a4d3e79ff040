"""Tests of what only PostgreSQL has (concurrent sessions, locks): `make test` runs them in its PostgreSQL leg."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.fixture
def postgresql() -> None:
    """On any other database a failure, never a skip."""
    if connection.vendor != "postgresql":
        pytest.fail(
            f"This test needs PostgreSQL, not {connection.vendor}: run `make test`, or start the test cluster "
            "(scripts/pg-cluster.sh start) and set DATABASE_URL=$(scripts/pg-cluster.sh url).",
            pytrace=False,
        )
