"""Pages below an unpublished page are not public: not at their URLs, not by permalink, not in lists.

Wagtail leaves children live when their parent is unpublished; these tests
fail if only the page's own `live` flag is consulted.
"""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache
from wagtail.models import Page

from casestudies.models import CaseStudyPage
from casestudies.site_structure import ensure_site_structure
from casestudies.visibility import is_visible, unpublished_branch_paths, visible
from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround

pytestmark = pytest.mark.django_db


@pytest.fixture
def branch():
    cache.clear()
    home, _index = ensure_site_structure()
    pioneer = make_pioneer("Branch Bristol")
    study = make_case_study(pioneer, "Secret pilot of night sitting services")
    barrier = make_barrier(study, "Night staff had no access to records")
    workaround = make_workaround(study, [barrier], "Paper summaries left at the bedside")
    other = make_case_study(make_pioneer("Branch Bath"), "Open pilot of day services")
    return {
        "home": home,
        "pioneer": pioneer,
        "study": study,
        "barrier": barrier,
        "workaround": workaround,
        "other": other,
    }


def urls(branch, *names):
    return {name: branch[name].url for name in names}


@pytest.mark.parametrize("hidden", ["pioneer", "study"])
def test_pages_below_an_unpublished_page_answer_404(client, branch, hidden):
    below = {"pioneer": ("study", "barrier", "workaround"), "study": ("barrier", "workaround")}[hidden]
    addresses = urls(branch, *below)
    for name, url in addresses.items():
        assert client.get(url).status_code == 200, name

    with committed():
        branch[hidden].unpublish()

    for name, url in addresses.items():
        assert client.get(url).status_code == 404, f"{name} at {url} is still public"
    assert client.get(f"/barriers/{branch['barrier'].pk}/").status_code == 404
    assert client.get(f"/workarounds/{branch['workaround'].pk}/").status_code == 404
    assert client.get(branch["other"].url).status_code == 200  # the rest of the site is untouched


def test_the_home_page_lists_no_case_study_below_an_unpublished_pioneer(client, branch):
    assert "Secret pilot of night sitting services" in client.get(branch["home"].url).content.decode()

    with committed():
        branch["pioneer"].unpublish()

    home = client.get(branch["home"].url).content.decode()
    assert "Secret pilot of night sitting services" not in home
    assert "Open pilot of day services" in home


def test_a_page_below_an_unpublished_page_is_not_visible_though_it_is_live(branch):
    with committed():
        branch["study"].unpublish()
    barrier = branch["barrier"]
    barrier.refresh_from_db()
    assert barrier.live  # Wagtail left it live ...
    assert not is_visible(barrier)  # ... but the public may not see it
    assert not visible(CaseStudyPage.objects.filter(pk=branch["study"].pk)).exists()
    assert is_visible(branch["other"])


def test_republishing_the_parent_brings_the_branch_back(client, branch):
    with committed():
        branch["pioneer"].unpublish()
    assert client.get(branch["barrier"].url).status_code == 404
    with committed():
        branch["pioneer"].get_latest_revision().publish()
    assert client.get(branch["barrier"].url).status_code == 200
    assert client.get(f"/barriers/{branch['barrier'].pk}/").status_code == 302


def test_a_branch_inside_an_unpublished_branch_adds_no_condition(branch):
    branch["pioneer"].unpublish()
    branch["study"].unpublish()
    assert unpublished_branch_paths() == [branch["pioneer"].path]
    assert not visible(CaseStudyPage.objects.filter(pk=branch["study"].pk)).exists()


def test_thousands_of_unpublished_branches_stay_within_sqlites_limits(branch):
    """A draft import of a thousand case studies under live pioneers: each draft with children is a branch."""
    branch["study"].unpublish()
    others = [f"ZZZZ{number:04d}" for number in range(1, 2500)]  # branches elsewhere in a big tree
    paths = [branch["study"].path, *others]
    with mock.patch("casestudies.visibility.unpublished_branch_paths", return_value=paths):
        shown = set(visible(Page.objects.all()).values_list("pk", flat=True))
    assert branch["barrier"].pk not in shown
    assert branch["other"].pk in shown
