"""The OWASP filter-evasion vectors in every Markdown field of every page type: nothing executable survives.

Every field authors write Markdown in (a case study's narrative, a barrier's
and a workaround's description, a guide's introduction) is rendered by its
page; the pages are parsed as a browser would and compared with the same
pages without the vectors. tests/browser/test_xss.py loads them in Chromium.
"""

from __future__ import annotations

import pytest

from casestudies.markdown import render_markdown
from tests.conftest import module_transaction

from .xss_vectors import VECTORS, build_hostile_pages, executable_content, page_fingerprint, parse

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield build_hostile_pages()


@pytest.fixture
def on_database(settings):
    settings.ELASTICSEARCH_URL = ""


def test_each_vector_alone_renders_to_nothing_executable():
    """One at a time, so no vector hides behind another's unclosed tag."""
    unsafe = {
        vector["name"]: found for vector in VECTORS if (found := executable_content(render_markdown(vector["source"])))
    }
    assert unsafe == {}
    assert len(VECTORS) >= 60


@pytest.mark.parametrize("kind", ["case study", "barrier", "workaround", "guide"])
def test_every_page_type_with_all_vectors_runs_nothing_more_than_without(client, pages, on_database, kind):
    hostile = client.get(pages.hostile[kind])
    harmless = client.get(pages.harmless[kind])
    assert hostile.status_code == harmless.status_code == 200
    narrative = parse(hostile.content.decode()).select_one(".narrative")
    assert narrative is not None and "click" in narrative.get_text()  # the vectors' text is on the page
    assert executable_content(str(narrative)) == []
    assert page_fingerprint(hostile.content.decode()) == page_fingerprint(harmless.content.decode())


def test_search_snippets_of_the_vectors_are_text(client, pages, on_database):
    """Snippets are HTML (the matches marked): words that look like markup must arrive escaped."""
    hostile = client.get("/search/", {"q": "alert onerror script"})
    harmless = client.get("/search/", {"q": "joint team"})
    assert "search-result__snippet" in hostile.content.decode()
    assert page_fingerprint(hostile.content.decode()) == page_fingerprint(harmless.content.decode())


@pytest.mark.parametrize(
    "unsafe",
    [
        "<script>x</script>",
        '<p onclick="x">p</p>',
        '<a href=" java\tscript:x">a</a>',
        '<a href="&#106;avascript:x">a</a>',
        '<a href="DATA:text/html,x">a</a>',
        '<p style="x">p</p>',
        "<img src=x>",
        '<iframe srcdoc="x"></iframe>',
    ],
)
def test_the_check_itself_finds_executable_content(unsafe):
    assert executable_content(unsafe)
