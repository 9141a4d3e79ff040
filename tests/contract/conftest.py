"""The same scenarios through both engines: a small corpus, published for real."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from search.engines.database.engine import DatabaseEngine
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround


@pytest.fixture(params=["elasticsearch", "database"])
def engine(request, settings, db):
    if request.param == "elasticsearch":
        store = request.getfixturevalue("es_store")
        return ElasticsearchEngine(get_client(settings.ELASTICSEARCH_URL), store.prefix)
    settings.ELASTICSEARCH_URL = ""
    return DatabaseEngine()


@dataclass
class Corpus:
    pages: dict

    def id(self, key: str) -> int:
        return self.pages[key].pk


@pytest.fixture
def corpus(engine) -> Corpus:
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
    return Corpus(
        {
            "leeds_study": leeds_study,
            "leeds_barrier": leeds_barrier,
            "leeds_workaround": leeds_workaround,
            "greenwich_study": greenwich_study,
            "greenwich_barrier": greenwich_barrier,
            "greenwich_workaround": greenwich_workaround,
            "kent_study": kent_study,
            "kent_barrier": kent_barrier,
        }
    )
