"""The same scenarios through both engines: a small corpus, published for real.

`engine` and `corpus` are built once per module and engine (content_for_the_module): tests
that use them only read. A test that changes content uses `fresh_engine` and `fresh_corpus`,
its own, in a module of tests that change content (a module's shared content is open while
its tests run, so the two kinds never share a module).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from search.engines.database.engine import DatabaseEngine
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from tests.conftest import shared_content
from tests.factories import indexed_together, make_barrier, make_case_study, make_pioneer, make_workaround


def engine_for(url: str, prefix: str):
    return ElasticsearchEngine(get_client(url), prefix) if url else DatabaseEngine()


@pytest.fixture(params=["elasticsearch", "database"])
def fresh_engine(request, settings, db):
    """The engine on this test's own indices (Elasticsearch) or tables (database)."""
    if request.param == "elasticsearch":
        request.getfixturevalue("es_store")
    else:
        settings.ELASTICSEARCH_URL = ""
    return engine_for(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX)


@pytest.fixture
def fresh_corpus(fresh_engine) -> Corpus:
    return build_corpus()


@pytest.fixture(scope="module", params=["elasticsearch", "database"])
def engine_kind(request, django_db_setup, django_db_blocker):
    """The module's corpus, published once into the engine of this kind."""
    with shared_content(request, django_db_blocker, build_corpus) as shared:
        yield shared


@pytest.fixture
def engine(engine_kind, settings, db):
    """The portal and the engine on the module's shared corpus, for this test."""
    engine_kind.use(settings)
    return engine_for(engine_kind.url, engine_kind.prefix)


@pytest.fixture
def corpus(engine_kind, engine) -> Corpus:
    return engine_kind.content


@dataclass
class Corpus:
    pages: dict

    def id(self, key: str) -> int:
        return self.pages[key].pk


def build_corpus() -> Corpus:
    with indexed_together():
        return Corpus(_publish_corpus())


def _publish_corpus() -> dict:
    leeds = make_pioneer("Leeds", region="north")
    greenwich = make_pioneer("Greenwich", region="london")
    kent = make_pioneer("Kent", region="south")
    leeds_study = make_case_study(
        leeds,
        "A shared record between council and NHS",
        summary="Leeds joined up GP, hospital and council records so patients could see their own information online.",
        narrative="Integrating the records took two years. Information governance leads agreed one data sharing "
        "agreement for every partner.",
        themes=("shared-records-and-information-sharing", "digital-access-for-patients"),
        care_groups=("long-term-conditions",),
        stage="implemented",
        published=date(2015, 3, 1),
        tags=("records",),
    )
    leeds_barrier = make_barrier(
        leeds_study,
        "Sharing rules held up the shared record",
        category="information-governance",
        description="Each partner had its own rules about sharing data, and faxes were still used for referrals.",
    )
    leeds_workaround = make_workaround(
        leeds_study,
        [leeds_barrier],
        "One data sharing agreement signed once",
        description="The partners wrote one agreement for direct care and signed it once, replacing the fax.",
    )
    greenwich_study = make_case_study(
        greenwich,
        "Multidisciplinary teams that respond within 24 hours",
        summary="Greenwich teams respond to community emergencies within 24 hours and prevented over 2,000 admissions.",
        narrative="Nurses, therapists and social workers visit people at home so they avoid accident and emergency.",
        themes=("multidisciplinary-teams", "rapid-community-response"),
        care_groups=("frail-older-people",),
        stage="evaluated",
        published=date(2016, 5, 1),
        tags=("rapid-response",),
    )
    greenwich_barrier = make_barrier(
        greenwich_study,
        "Payment by results kept money in the hospital",
        category="payment-mechanisms",
        description="Every admission avoided cut the hospital's income under the national tariff.",
    )
    greenwich_workaround = make_workaround(
        greenwich_study,
        [greenwich_barrier],
        "A local risk share with the hospital",
        description="Commissioners paid a fixed sum for emergency activity and shared any savings.",
    )
    kent_study = make_case_study(
        kent,
        "Recruiting a workforce for integrated care",
        summary="Kent created a new care worker role so frail older people could stay independent at home.",
        narrative="Fewer care home admissions for elderly residents was the aim. Recruitment in coastal towns "
        "was hard.",
        themes=("workforce-redesign",),
        care_groups=("frail-older-people",),
        stage="early-implementation",
        published=date(2014, 9, 1),
        tags=("recruitment",),
    )
    kent_barrier = make_barrier(
        kent_study,
        "Recruiting care staff in coastal towns",
        category="workforce-and-skills",
        description="Vacancies stayed open for months because few people applied.",
    )
    return {
        "leeds_study": leeds_study,
        "leeds_barrier": leeds_barrier,
        "leeds_workaround": leeds_workaround,
        "greenwich_study": greenwich_study,
        "greenwich_barrier": greenwich_barrier,
        "greenwich_workaround": greenwich_workaround,
        "kent_study": kent_study,
        "kent_barrier": kent_barrier,
    }
