"""Every public search surface answers through an Elasticsearch outage, from the database engine, and
only the request that finds the cluster dead asks it; once the cooldown has passed, one request tries
again, and when the cluster answers, everyone is back on it."""

from __future__ import annotations

import pytest

from tests.factories import make_barrier, make_case_study, make_pioneer

from .conftest import writes_given_time

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

NOTICE = "Search is running in a simpler mode just now"
SIMILAR = "Similar approaches at other pioneers"


@pytest.fixture
def content(through_proxy, settings):
    words = "Community nurses monitor heart failure at home so people avoid a hospital admission."
    themes = ("rapid-community-response",)
    with writes_given_time(settings):
        wigan = make_pioneer("Outage Wigan")
        bury = make_pioneer("Outage Bury")
        study = make_case_study(wigan, "Virtual wards for heart failure", summary=words, themes=themes)
        barrier = make_barrier(study, "Monitoring kit arrived late")
        similar = make_case_study(bury, "Heart failure nurses at home", summary=words, themes=themes)
    return {"study": study, "barrier": barrier, "similar": similar}


def body_of(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def every_surface(client, content) -> dict[str, object]:
    """Each public surface that asks the search engine: the response, its body read in full (CSV is streamed)."""
    requests = {
        "api": ("/api/v1/search", {"q": "heart failure"}),
        "api-filtered": ("/api/v1/search", {"q": "heart failure", "type": "barrier"}),
        "page": ("/search/", {"q": "heart failure"}),
        "suggest": ("/api/v1/suggest", {"q": "Virtual w"}),
        "feed": ("/search/feed/", {"q": "heart failure"}),
        "csv": ("/search/export.csv", {"q": "heart failure"}),
        "related": (content["study"].url, {}),
        "api-docs": ("/api/", {}),
    }
    return {name: client.get(path, params) for name, (path, params) in requests.items()}


@pytest.mark.parametrize("fault", ["refuse", "freeze"])
def test_every_search_surface_answers_from_the_database_through_an_outage(
    client, proxy, content, cooldown_clock, fault
):
    study, barrier, similar = content["study"], content["barrier"], content["similar"]
    assert client.get("/api/v1/search", {"q": "heart failure"}).json()["engine"] == "elasticsearch"
    assert NOTICE not in client.get("/search/", {"q": "heart failure"}).content.decode()

    proxy.set_mode(fault)  # killed, or frozen (answers nothing: the first request waits for the short timeout)
    first = client.get("/api/v1/search", {"q": "heart failure"})
    assert first.status_code == 200
    assert first.json()["engine"] == "database"
    assert {result["id"] for result in first.json()["results"]} == {study.pk, barrier.pk, similar.pk}
    reached = proxy.requests[fault]
    assert reached == (1 if fault == "freeze" else 0)  # a refused connection never becomes a request

    answers = every_surface(client, content)

    assert {name: response.status_code for name, response in answers.items()} == dict.fromkeys(answers, 200)
    bodies = {name: body_of(response) for name, response in answers.items()}
    assert answers["api"].json()["engine"] == answers["api-filtered"].json()["engine"] == "database"
    assert [result["id"] for result in answers["api-filtered"].json()["results"]] == [barrier.pk]
    assert NOTICE in bodies["page"] and "Virtual wards for heart failure" in bodies["page"]
    assert "Virtual wards for heart failure" in [s["text"] for s in answers["suggest"].json()["suggestions"]]
    assert "Monitoring kit arrived late" in bodies["feed"] and "Monitoring kit arrived late" in bodies["csv"]
    # Related links come from the database engine too (not left out, as they would be if the fallback failed).
    assert SIMILAR in bodies["related"] and f'href="{similar.url}"' in bodies["related"]
    # During the cooldown nobody asks the dead cluster: no request waits for it again.
    assert proxy.requests[fault] == reached

    cooldown_clock.pass_cooldown()  # the cooldown has passed: one request tries the cluster again
    again = client.get("/api/v1/search", {"q": "heart failure"})
    assert again.status_code == 200 and again.json()["engine"] == "database"
    assert proxy.requests[fault] == (2 if fault == "freeze" else 0)

    proxy.set_mode("forward")  # the cluster is back
    cooldown_clock.pass_cooldown()
    recovered = client.get("/api/v1/search", {"q": "heart failure"})
    assert recovered.status_code == 200 and recovered.json()["engine"] == "elasticsearch"
    assert NOTICE not in client.get("/search/", {"q": "heart failure"}).content.decode()
