"""Hidden content reaches no public surface: search, snippets, "did you mean", suggest, API, feeds, CSV.

Each test hides a page with a secret word in it, then looks for the word
everywhere, on both engines.
"""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from casestudies.models import BarrierPage
from search.engines.database.engine import DatabaseEngine
from search.request import SearchRequest
from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround
from themes.models import BarrierCategory

from .conftest import db_documents

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

SECRET = "Zanzibarian"


def typo_of(word: str) -> str:
    return word[:-2] + word[-1]  # one letter dropped


def public_surfaces(client, word: str) -> dict[str, str]:
    """Everything a reader can fetch that a search for the word (or a typo of it) shows; pages echo
    the query typed, so they are asked for everything, or for the typo."""
    return {
        "api": client.get("/api/v1/search", {"q": word}).content.decode(),
        "api-all": client.get("/api/v1/search", {"page_size": 100}).content.decode(),
        "page-all": client.get("/search/", {"page_size": 100}).content.decode(),
        "page-typo": client.get("/search/", {"q": typo_of(word)}).content.decode(),
        "feed": client.get("/search/feed/").content.decode(),
        "csv": client.get("/search/export.csv").getvalue().decode(),
        "suggest": client.get("/api/v1/suggest", {"q": word[:6]}).content.decode(),
    }


def assert_nowhere(client, es_engine, word: str) -> None:
    for name, body in public_surfaces(client, word).items():
        assert word.lower() not in body.lower(), f"{word!r} leaks through {name}"
    for engine in (es_engine, DatabaseEngine()):
        response = engine.search(SearchRequest(q=word))
        assert response.total == 0, f"{engine.name} finds {word!r}"
        typo = engine.search(SearchRequest(q=typo_of(word)))
        assert word.lower() not in (typo.suggestion or "").lower(), f"{engine.name} suggests {word!r}"
    assert not any(word.lower() in str(document).lower() for document in db_documents().values())


def draft_barrier(study, title: str) -> BarrierPage:
    page = BarrierPage(
        title=title, description="Not ready.", category=BarrierCategory.objects.get(slug="information-governance")
    )
    page.live = False
    with committed():
        study.add_child(instance=page)
        page.save_revision()
    return page


def hide_draft(study):
    return draft_barrier(study, f"{SECRET} records held on paper")


def hide_unpublished(study):
    barrier = make_barrier(study, f"{SECRET} records held on paper")
    with committed():
        barrier.unpublish()
    return barrier


def hide_restricted(study):
    barrier = make_barrier(study, f"{SECRET} records held on paper")
    with committed():
        PageViewRestriction.objects.create(page=barrier, restriction_type="password", password="s3cret")
    return barrier


@pytest.fixture
def client_on_es(client, es_store):
    return client


@pytest.mark.parametrize("hide", [hide_draft, hide_unpublished, hide_restricted], ids=lambda f: f.__name__)
def test_a_workaround_never_carries_a_hidden_barriers_title(client_on_es, es_engine, hide):
    study = make_case_study(make_pioneer("Leak Lancaster"), "Shared care records for carers")
    public = make_barrier(study, "Consent forms differed between partners")
    secret = hide(study)
    workaround = make_workaround(study, [public, secret], "One consent form for every partner")

    documents = db_documents()
    assert workaround.pk in documents and "Consent forms differed" in documents[workaround.pk]["body"]
    assert_nowhere(client_on_es, es_engine, SECRET)
    # The public barrier's words still find the workaround, on both engines.
    for engine in (es_engine, DatabaseEngine()):
        assert workaround.pk in {hit.id for hit in engine.search(SearchRequest(q="consent forms differed")).results}


def test_publishing_the_barrier_later_brings_its_title_into_the_workaround(client_on_es, es_engine):
    study = make_case_study(make_pioneer("Leak Luton"), "Joint discharge planning")
    secret = draft_barrier(study, f"{SECRET} discharge letters")
    workaround = make_workaround(study, [secret], "Discharge letters sent by secure email")
    assert_nowhere(client_on_es, es_engine, SECRET)

    with committed():
        secret.get_latest_revision().publish()

    for engine in (es_engine, DatabaseEngine()):
        found = {hit.id for hit in engine.search(SearchRequest(q=SECRET)).results}
        assert found == {secret.pk, workaround.pk}, engine.name


@pytest.mark.parametrize("hide", ["unpublish", "restrict", "unpublish-parent"])
def test_did_you_mean_never_offers_a_word_only_removed_pages_held(client_on_es, es_engine, hide):
    pioneer = make_pioneer("Leak Leicester")
    study = make_case_study(pioneer, f"{SECRET} telecare for night sitting", narrative=f"The {SECRET} pilot.")
    make_case_study(make_pioneer("Leak Lincoln"), "Telecare for night sitting")
    typo = typo_of(SECRET)
    assert (es_engine.search(SearchRequest(q=typo)).suggestion or "").lower() == SECRET.lower()  # offered while public

    with committed():
        if hide == "unpublish":
            study.unpublish()
        elif hide == "restrict":
            PageViewRestriction.objects.create(page=study, restriction_type="password", password="s3cret")
        else:
            pioneer.unpublish()

    assert es_engine.search(SearchRequest(q=typo)).suggestion is None
    assert_nowhere(client_on_es, es_engine, SECRET)
    # Still a correction for words that live pages hold.
    assert es_engine.search(SearchRequest(q="telecre night sitting")).suggestion == "telecare night sitting"


def test_an_unpublished_pioneer_leaves_suggestions_and_pages(client_on_es, es_engine):
    pioneer = make_pioneer(f"{SECRET} Borough")
    make_case_study(pioneer, "Telecare for everyone")
    assert SECRET in client_on_es.get("/api/v1/suggest", {"q": SECRET[:6]}).content.decode()

    with committed():
        pioneer.unpublish()

    assert_nowhere(client_on_es, es_engine, SECRET)
    assert client_on_es.get("/api/v1/search", {"q": "telecare"}).json()["total"] == 0
