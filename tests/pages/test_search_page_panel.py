"""The search page's panel hook (search.extensions): an app's HTML under the results, never its failure."""

from __future__ import annotations

import pytest

from search import extensions

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    """Restores the network app's panel after a test replaces it."""
    registered = extensions.hooks.panel
    yield
    extensions.register_panel(registered)


def test_the_network_app_fills_the_panel_without_search_importing_it(client, database_engine):
    page = client.get("/search/", {"q": "records"}).content.decode()
    assert 'id="save-search"' in page and "Sign in" in page


def test_a_failing_panel_is_left_out_and_logged(client, database_engine, panel, caplog):
    def broken(request, search):
        raise RuntimeError("panel broke")

    extensions.register_panel(broken)
    response = client.get("/search/", {"q": "records"})
    assert response.status_code == 200
    assert 'id="save-search"' not in response.content.decode()
    assert "panel failed" in caplog.text


def test_without_a_panel_the_page_has_none(client, database_engine, panel):
    extensions.register_panel(None)
    assert 'id="save-search"' not in client.get("/search/").content.decode()
