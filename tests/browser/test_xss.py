"""The OWASP filter-evasion vectors, all at once in every Markdown field, loaded in real Chromium: no
dialog, no script error, no side effect, no request for the attacker's script.

Handlers that need a person (mouseover, focus, click) are set off by
dispatching those events at every element of the Markdown, and every link
in it is clicked (links to ordinary addresses are kept from navigating).
tests/security/test_xss_markdown.py checks the same pages' HTML.
"""

from __future__ import annotations

import pytest

from tests.security.xss_vectors import VECTORS, HostilePages, build_hostile_pages

from .conftest import fresh_tab

EVENTS = ["click", "mouseover", "mouseenter", "pointerenter", "pointerover", "focus", "focusin", "toggle"]
PROVOKE = """(events) => {
    document.addEventListener('click', (event) => {
        const link = event.target.closest('a');
        const href = link ? (link.getAttribute('href') || '') : '';
        if (/^(https?:|mailto:|tel:|\\/|#)/i.test(href)) event.preventDefault();
    }, true);
    const elements = [...document.querySelectorAll('.narrative *, .search-result__snippet *')];
    for (const element of elements) {
        for (const name of events) element.dispatchEvent(new Event(name, {bubbles: true}));
        if (element.tagName === 'A') element.click();  // a real click: follows a javascript: link
    }
    return elements.length;
}"""


@pytest.fixture
def hostile_pages(transactional_db) -> HostilePages:
    return build_hostile_pages()


@pytest.fixture
def tab(browser, live_server, hostile_pages):
    with fresh_tab(browser, live_server.url) as tab:
        yield tab


def test_no_vector_runs_in_chromium(tab, hostile_pages):
    dialogs: list[str] = []
    errors: list[str] = []
    attacker_requests: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    tab.on("request", lambda request: attacker_requests.append(request.url) if "xss" in request.url else None)
    addresses = [*hostile_pages.hostile.values(), "/search/?q=alert+onerror+script"]
    for address in addresses:
        tab.goto(address)
        provoked = tab.evaluate(PROVOKE, EVENTS)
        assert provoked, f"the vectors' markup is missing from {address}"
        title, marker = tab.evaluate("() => [document.title, typeof window.__xss]")
        assert "XSS" not in title and marker == "undefined", (address, title, marker)
    assert dialogs == [] and errors == [] and attacker_requests == []
    assert len(VECTORS) >= 60
