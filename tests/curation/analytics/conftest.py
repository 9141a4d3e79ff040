"""Fixtures for search analytics: a small published corpus on the database engine, and a clean buffer."""

from __future__ import annotations

import logging

import pytest

from curation.analytics.recording import pending
from tests.factories import make_barrier, make_case_study, make_pioneer


@pytest.fixture(autouse=True)
def _empty_buffer():
    """Rows a test leaves unwritten must not reach the next test."""
    pending.discard()
    yield
    pending.discard()


@pytest.fixture
def corpus(database_engine):
    leeds = make_pioneer("Leeds", region="north")
    study = make_case_study(
        leeds,
        "A shared record between council and NHS",
        summary="Leeds joined up GP, hospital and council records.",
        themes=("shared-records-and-information-sharing",),
    )
    barrier = make_barrier(study, "Sharing rules held up the shared record", category="information-governance")
    return {"pioneer": leeds, "study": study, "barrier": barrier}


@pytest.fixture
def curation_logs(caplog):
    """caplog that also sees the "curation" loggers (their config stops propagation to the root)."""
    curation_logger = logging.getLogger("curation")
    curation_logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="curation")
    yield caplog
    curation_logger.removeHandler(caplog.handler)
