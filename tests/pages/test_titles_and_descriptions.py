"""Every page type has its own meaningful <title> and <meta name="description">: none empty, no two alike."""

from __future__ import annotations

import html
import re

import pytest

from curation.guides.models import Guide, GuideItem
from tests.factories import make_barrier, make_case_study, make_workaround

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.fixture
def addresses(greenwich) -> dict[str, tuple[str, int]]:
    """Each page type → (an address of one, the status it answers with)."""
    study = make_case_study(
        greenwich, "Rapid response", summary="Teams reach people at home within a day.", themes=("pooled-budgets",)
    )
    barrier = make_barrier(study, "No shared record", description="Each partner kept its own record of the patient.")
    workaround = make_workaround(study, [barrier], "A record viewer", description="Staff could see the GP record.")
    intro = "How the pioneers agreed to share records."
    guide = Guide.objects.create(title="Sharing records", slug="sharing-records", introduction=intro, live=True)
    GuideItem.objects.create(guide=guide, page=study)
    pages = {
        "home": "/",
        "pioneers": "/pioneers/",
        "pioneer": greenwich.url,
        "case study": study.url,
        "barrier": barrier.url,
        "workaround": workaround.url,
        "theme": "/themes/pooled-budgets/",
        "barrier category": "/barriers/information-governance/",
        "guides": "/guides/",
        "guide": "/guides/sharing-records/",
        "search": "/search/?q=records",
        "accessibility": "/accessibility/",
        "contact": "/contact/",
        "privacy": "/privacy/",
        "cookies": "/cookies/",
    }
    return {name: (url, 200) for name, url in pages.items()} | {"not found": ("/no-such-page/", 404)}


def head_of(client, url: str, status: int) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == status, f"{url} gave {response.status_code}"
    content = response.content.decode()
    title, description = TITLE.search(content), DESCRIPTION.search(content)
    assert title and description, f"{url} lacks a <title> or a description"
    return " ".join(html.unescape(title.group(1)).split()), html.unescape(description.group(1)).strip()


def test_every_page_type_has_its_own_title_and_description(client, addresses):
    heads = {name: head_of(client, url, status) for name, (url, status) in addresses.items()}
    for name, (title, description) in heads.items():
        assert title.endswith("Pioneer Exchange") or title.startswith("Pioneer Exchange:"), (name, title)
        assert len(title) > len("Pioneer Exchange") + 3, f"{name}: the title names only the service"
        assert len(description) >= 30, f"{name}: description too short: {description!r}"
    titles = [title for title, _ in heads.values()]
    descriptions = [description for _, description in heads.values()]
    assert len(set(titles)) == len(titles), f"titles shared by two pages: {sorted(titles)}"
    assert len(set(descriptions)) == len(descriptions), f"descriptions shared by two pages: {sorted(descriptions)}"


def test_a_theme_and_a_category_pages_describe_that_term(client, addresses):
    title, description = head_of(client, "/themes/pooled-budgets/", 200)
    assert title == "Pooled budgets: theme – Pioneer Exchange"
    assert "pooled budgets" in description
    title, description = head_of(client, "/barriers/information-governance/", 200)
    assert title == "Information governance and data sharing: barrier register – Pioneer Exchange"
    assert "information governance and data sharing barrier" in description
