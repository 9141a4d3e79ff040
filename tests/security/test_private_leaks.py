"""Nothing private leaks: one test per public surface, each run for every kind of private page.

The kinds: a draft never published; a page published then unpublished; a
live page behind a view restriction (password); a live page in a branch whose
pioneer was unpublished; a new page waiting in moderation; and a live page
whose newer revision (new title and slug) waits in moderation, of which the
public sees the live version only. Each private page carries its own made-up
word in its title, summary and narrative (and, for the pending revision, its
slug), and shares its other words with public pages, so that related content
and "did you mean" would reach it if they could. Every surface is also
checked to show the public pages, so an empty answer cannot pass for a safe
one. Elasticsearch runs on the real node.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from casestudies.models import CaseStudyPage
from search.engines.database.engine import DatabaseEngine
from search.engines.elasticsearch.client import get_client
from search.engines.elasticsearch.engine import ElasticsearchEngine
from search.indexing.sync import get_store, write_database, write_elasticsearch, writes_for_page_ids
from search.request import SearchRequest
from search.web.related import related_for_page
from tests.factories import committed, make_case_study, make_pioneer

from .corpus import indexed_on_elasticsearch

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]

SHARED = "Telecare sensors let carers sleep through the night while a monitoring hub watches over frail people."
SECRETS = {
    "draft": "Zorblaxian",
    "unpublished": "Quimbleton",
    "restricted": "Vexmoorish",
    "unpublished branch": "Glorptown",
    "in moderation, new": "Frindlesham",
    "in moderation, newer revision": "Wumplewick",
}
KINDS = list(SECRETS)
PUBLIC_TITLE = "Telecare for night sitting at home"
LIVE_VERSION = "Night sitting with telecare, the live version"


@dataclass
class Corpus:
    public_url: str  # a public case study whose related content the private ones resemble
    public_id: int
    private_urls: dict[str, str]  # kind -> the address the private page has (or would have)
    es_prefix: str


def secret_study(pioneer, word: str, **fields):
    return make_case_study(
        pioneer, f"{word} telecare for night sitting", summary=f"The {word} pilot.", narrative=f"{SHARED} {word}.",
        themes=("rapid-community-response",), published=date(2016, 1, 1), **fields,
    )  # fmt: skip


def submit_for_moderation(page, user) -> None:
    with committed():
        page.get_workflow().start(page, user)


def build() -> Corpus:
    cache.clear()
    user = get_user_model().objects.create_user("private-author", "author@example.org", "x")
    open_pioneer, other_pioneer = make_pioneer("Openshire"), make_pioneer("Otherby", region="south")
    public = make_case_study(
        open_pioneer, PUBLIC_TITLE, summary="Sensors at home.", narrative=SHARED,
        themes=("rapid-community-response",), published=date(2015, 1, 1),
    )  # fmt: skip
    make_case_study(other_pioneer, "Telecare at night for frail people", narrative=SHARED, published=date(2015, 2, 1))
    hidden = make_pioneer("Hiddenby", region="london")
    pages = {
        "draft": secret_study(hidden, SECRETS["draft"], live=False),
        "unpublished": secret_study(hidden, SECRETS["unpublished"]),
        "restricted": secret_study(hidden, SECRETS["restricted"]),
        "in moderation, new": secret_study(hidden, SECRETS["in moderation, new"], live=False),
        "in moderation, newer revision": make_case_study(hidden, LIVE_VERSION, narrative=SHARED),
    }
    closed = make_pioneer("Closedby", region="midlands-and-east")
    pages["unpublished branch"] = secret_study(closed, SECRETS["unpublished branch"])
    private_urls = {kind: page.url or f"/pioneers/hiddenby/{page.slug}/" for kind, page in pages.items()}
    with committed():
        pages["unpublished"].unpublish()
        closed.unpublish()
        PageViewRestriction.objects.create(page=pages["restricted"], restriction_type="password", password="s3cret")
    submit_for_moderation(pages["in moderation, new"], user)
    live = CaseStudyPage.objects.get(pk=pages["in moderation, newer revision"].pk)
    word = SECRETS["in moderation, newer revision"]
    live.title, live.slug, live.summary = f"{word} telecare for night sitting", word.lower(), f"The {word} pilot."
    live.narrative = f"{SHARED} {word}."
    with committed():
        live.save_revision(user=user)
    submit_for_moderation(live, user)
    private_urls["in moderation, newer revision"] = f"/pioneers/hiddenby/{word.lower()}/"
    # Every page indexed again as it now is, as any later change nearby or a repair would: a private page
    # (or a pending revision) must stay out however the index is reached, not only on the way in.
    writes = writes_for_page_ids(Page.objects.values_list("pk", flat=True))
    write_database(writes)
    write_elasticsearch(writes, get_store())
    return Corpus(public.url, public.pk, private_urls, "")


@pytest.fixture(scope="module")
def corpus(es_url, django_db_setup, django_db_blocker) -> Iterator[Corpus]:
    with indexed_on_elasticsearch(es_url, django_db_blocker, build) as (store, built):
        built.es_prefix = store.prefix
        yield built


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, corpus, es_url, settings) -> str:
    """The portal on one engine (the Elasticsearch one on the module's test indices, with time to answer on
    a busy machine, so no search falls back for slowness)."""
    settings.ELASTICSEARCH_URL = es_url if request.param == "elasticsearch" else ""
    settings.ELASTICSEARCH_SEARCH_TIMEOUT = 30
    settings.SEARCH_INDEX_PREFIX = corpus.es_prefix
    cache.clear()
    return request.param


def engine_instance(name: str, corpus: Corpus):
    if name == "database":
        return DatabaseEngine()
    return ElasticsearchEngine(get_client(), corpus.es_prefix)


def typo_of(word: str) -> str:
    return word[:-2] + word[-1]


def assert_hidden(body: str, kind: str, surface: str) -> None:
    word = SECRETS[kind]
    assert word.lower() not in body.lower(), f"the {kind} page's word shows in {surface}"


@pytest.mark.parametrize("kind", KINDS)
def test_search_results(client, corpus, engine, kind):
    searched = engine_instance(engine, corpus)
    word = SECRETS[kind]
    assert searched.search(SearchRequest(q=word)).total == 0
    assert word.lower() not in (searched.search(SearchRequest(q=typo_of(word))).suggestion or "").lower()
    everything = searched.search(SearchRequest(page_size=100))
    assert PUBLIC_TITLE in {hit.title for hit in everything.results}
    assert_hidden(str([(hit.title, hit.summary, hit.url) for hit in everything.results]), kind, "search results")
    page = client.get("/search/", {"page_size": 100}).content.decode()
    assert PUBLIC_TITLE in page
    assert_hidden(page, kind, "the search page")


@pytest.mark.parametrize("kind", KINDS)
def test_the_api(client, corpus, engine, kind):
    word = SECRETS[kind]
    everything = client.get("/api/v1/search", {"page_size": 100})
    assert everything.json()["engine"] == engine and PUBLIC_TITLE in everything.content.decode()
    for params in ({"page_size": 100}, {"q": word}, {"q": typo_of(word)}, {"q": "telecare night sitting"}):
        assert_hidden(client.get("/api/v1/search", params).content.decode(), kind, f"the API for {params}")
    if kind == "in moderation, newer revision":
        titles = [hit["title"] for hit in client.get("/api/v1/search", {"q": "live version"}).json()["results"]]
        assert titles == [LIVE_VERSION]  # the public sees the live version only


@pytest.mark.parametrize("kind", KINDS)
def test_suggestions(client, corpus, engine, kind):
    assert "Telecare for night" in client.get("/api/v1/suggest", {"q": "Telecare f"}).content.decode()
    for prefix in (SECRETS[kind][:6], "telecare"):
        assert_hidden(client.get("/api/v1/suggest", {"q": prefix}).content.decode(), kind, f"suggestions for {prefix}")


@pytest.mark.parametrize("kind", KINDS)
def test_related_content(client, corpus, engine, kind):
    public = CaseStudyPage.objects.get(pk=corpus.public_id)
    related = [hit.title for hit in related_for_page(public, size=20)]
    assert "Telecare at night for frail people" in related  # the public look-alike at another pioneer
    assert_hidden(str(related), kind, "related content")
    assert_hidden(client.get(corpus.public_url).content.decode(), kind, "the public page's related links")


@pytest.mark.parametrize("kind", KINDS)
def test_atom_feed(client, corpus, engine, kind):
    feed = client.get("/search/feed/").content.decode()
    assert PUBLIC_TITLE in feed
    assert_hidden(feed, kind, "the feed")
    followed = client.get("/search/feed/", {"q": SECRETS[kind]}).content.decode()  # its title echoes the words
    assert "<entry>" not in followed, f"the feed for the {kind} page's word has entries"


@pytest.mark.parametrize("kind", KINDS)
def test_csv_export(client, corpus, engine, kind):
    export = b"".join(client.get("/search/export.csv").streaming_content).decode()
    assert PUBLIC_TITLE in export
    assert_hidden(export, kind, "the CSV export")


@pytest.mark.parametrize("kind", KINDS)
def test_sitemap(client, corpus, kind):
    sitemap = client.get("/sitemap.xml").content.decode()
    listed = set(re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", sitemap))
    assert corpus.public_url in listed
    assert corpus.private_urls[kind] not in listed, f"the {kind} page's address is in the sitemap"
    assert_hidden(sitemap, kind, "the sitemap")


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_itself(client, corpus, kind):
    response = client.get(corpus.private_urls[kind])
    if kind == "restricted":
        assert response.status_code == 200 and "password" in response.content.decode().lower()
    else:
        assert response.status_code == 404, f"the {kind} page answers {response.status_code}"
    word = SECRETS[kind]  # the address itself holds the word in lower case: look for the title and summary
    assert f"{word} telecare" not in response.content.decode() and f"The {word} pilot" not in response.content.decode()
