"""The search page on both engines: results that say why they matched, folded facets with
counts, chips, sort, pages, spelling help and a helpful page when nothing matched."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import shared_content
from tests.pages.search_site import build_corpus


@pytest.fixture(scope="module", params=["database", "elasticsearch"])
def site(request, django_db_setup, django_db_blocker):
    """The corpus, published once per engine for the module's tests, which only read it."""
    with shared_content(request, django_db_blocker, build_corpus) as shared:
        yield shared


@pytest.fixture
def engine_name(site, settings, db) -> str:
    """The portal on the module's engine."""
    site.use(settings)
    return site.kind


@pytest.fixture
def corpus(site, engine_name) -> dict:
    return site.content


def get(client, **params) -> BeautifulSoup:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def status(page: BeautifulSoup) -> str:
    return " ".join(page.select_one('[role="status"]#result-count').get_text().split())


def params_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def result(page: BeautifulSoup, title: str):
    return next(li for li in page.select(".card-list > li") if li.h3.get_text(strip=True) == title)


def test_a_result_shows_type_snippet_where_it_matched_pioneer_themes_and_date(client, corpus):
    page = get(client, q="fax")
    assert status(page).startswith("Showing 1 to ") and status(page).endswith("for “fax”")
    item = result(page, "Referral forms sent by fax")
    assert item.select_one(".nhsuk-tag").get_text(strip=True) == "Barrier"
    assert item.select_one(".search-result__snippet mark") is not None
    assert item.select_one(".search-result__matched").get_text(strip=True).startswith("Matched in: title")
    facts = " ".join(item.select_one(".search-result__facts").get_text(" ").split())
    assert "Pioneer Leeds" in facts
    assert "Shared records and information sharing" in facts and "March 2015" in facts


def test_a_snippet_does_not_repeat_the_title_nor_double_its_punctuation(client, corpus):
    page = get(client, q="illegible")
    item = result(page, "Referral forms sent by fax")
    snippets = [p.decode_contents() for p in item.select(".search-result__snippet")]
    assert snippets, "a highlighted snippet"
    assert all("Referral forms sent by fax" not in snippet for snippet in snippets)
    assert all(not snippet.endswith((".…", "!…", "?…")) for snippet in snippets), snippets
    assert any("<mark>illegible</mark>." in snippet for snippet in snippets), snippets


def test_joining_words_are_not_marked_on_the_page(client, corpus):
    page = get(client, q="record between council")
    marks = {mark.get_text().lower() for mark in page.select(".card-list mark")}
    assert marks and "between" not in marks


def test_facets_are_folded_with_counts_and_open_when_chosen(client, corpus):
    page = get(client)
    groups = page.select("details.search-facet")
    assert [group["data-facet"] for group in groups][:3] == ["type", "theme", "pioneer"]
    assert not any(group.has_attr("open") for group in groups)
    type_labels = [" ".join(label.get_text().split()) for label in groups[0].select("label")]
    assert type_labels == ["Barrier (2 results)", "Case study (2 results)", "Workaround (1 result)"]

    page = get(client, pioneer="leeds")
    pioneer = page.select_one('details[data-facet="pioneer"]')
    assert pioneer.has_attr("open")
    assert "(1 selected)" in pioneer.summary.get_text()
    assert not page.select_one('details[data-facet="theme"]').has_attr("open")


def test_values_the_filters_rule_out_are_shown_at_zero_and_disabled(client, corpus):
    page = get(client, pioneer="leeds")
    multidisciplinary = page.select_one('input[name="theme"][value="multidisciplinary-teams"]')
    assert multidisciplinary is not None, "a theme the filter empties is still listed"
    assert multidisciplinary.has_attr("disabled")
    assert "(0" in multidisciplinary.find_next("label").get_text()


def test_a_chosen_value_at_zero_stays_shown_and_can_be_unticked(client, corpus):
    page = get(client, pioneer="leeds", theme="multidisciplinary-teams")
    chosen = page.select_one('input[name="theme"][value="multidisciplinary-teams"]')
    assert chosen.has_attr("checked") and not chosen.has_attr("disabled")


def test_a_long_facet_shows_the_first_values_then_show_more(client, corpus):
    page = get(client)
    tags = page.select_one('details[data-facet="tag"]')
    shown = tags.select("fieldset > .nhsuk-checkboxes input")
    more = tags.select_one("details.search-facet__more")
    assert len(shown) == 6 and more is not None
    assert "Show 3 more" in more.summary.get_text()
    assert len(more.select("input")) == 3


def test_each_filter_is_a_chip_that_drops_only_it_and_clear_all_keeps_the_words(client, corpus):
    page = get(client, q="record", pioneer="leeds", type=["barrier", "case_study"])
    chips = {" ".join(a.get_text().split()): a["href"] for a in page.select(".selected-filters a")}
    assert set(chips) == {"Remove type: Barrier ✕", "Remove type: Case study ✕", "Remove pioneer: Leeds ✕"}
    assert params_of(chips["Remove pioneer: Leeds ✕"]) == {"q": ["record"], "type": ["barrier", "case_study"]}
    assert params_of(chips["Remove type: Barrier ✕"]) == {"q": ["record"], "type": ["case_study"], "pioneer": ["leeds"]}
    clear = page.find("a", string="Clear all filters")
    assert params_of(clear["href"]) == {"q": ["record"]}


def test_skip_link_sort_button_and_feed_links_carry_the_search(client, corpus):
    page = get(client, q="record", theme="shared-records-and-information-sharing", sort="newest")
    skip = page.find("a", string="Skip to results")
    assert skip["href"] == "#results-heading" and page.select_one("#results-heading") is not None
    assert page.select_one("select#sort").find("option", selected=True)["value"] == "newest"
    assert page.select_one(".search-sort button[type=submit]").get_text(strip=True) == "Sort"
    expected = {"q": ["record"], "theme": ["shared-records-and-information-sharing"], "sort": ["newest"]}
    feed = page.find("a", string="Follow this search (Atom feed)")["href"]
    export = page.find("a", string="Download these results as CSV")["href"]
    assert feed.startswith("/search/feed/?") and params_of(feed) == expected
    assert export.startswith("/search/export.csv?") and params_of(export) == expected
    assert client.get(feed).status_code == 200 and client.get(export).status_code == 200


def test_pages_are_numbered_with_page_n_of_m(client, corpus):
    page = get(client, page_size=2, page=2)
    nav = page.select_one("nav.nhsuk-pagination")
    assert nav is not None
    assert params_of(nav.select_one("a[rel=prev]")["href"]) == {"page_size": ["2"]}
    assert params_of(nav.select_one("a[rel=next]")["href"]) == {"page_size": ["2"], "page": ["3"]}
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "2"
    assert page.select_one(".search-pagination__position").get_text(strip=True) == "Page 2 of 3"


def test_past_the_last_page_says_so_and_links_back_to_it(client, corpus):
    page = get(client, q="record", page=99)
    text = status(page)
    assert text.startswith("No results on page 99: there are ") and "Showing" not in text
    last = page.find("a", string=lambda s: s and s.startswith("Go to the last page"))
    assert last is not None and "page" not in params_of(last["href"]) and params_of(last["href"])["q"] == ["record"]
    assert page.select_one("a[rel=prev]") is None and "Page 99 of" not in page.get_text()
    assert page.select(".card-list > li") == []


def test_a_corrected_search_says_which_words_it_shows_and_keeps_the_filters(client, corpus):
    """The status line counts the results for the words they were found with: the correction's when the engine
    answered with it (the database engine corrects the word), the typed words' when they matched as typed
    (Elasticsearch's typo tolerance). Either way "did you mean" offers the correction with every filter."""
    page = get(client, q="multidisciplinery", pioneer="greenwich")
    spelling = page.select_one(".search-spelling").get_text()
    corrected = "so these are the results for “multidisciplinary”" in spelling
    shown_for = "multidisciplinary" if corrected else "multidisciplinery"
    assert status(page).endswith(f"for “{shown_for}”"), (status(page), spelling)
    assert int(status(page).split(" of ")[1].split()[0]) >= 1
    assert "“multidisciplinery”" in spelling or not corrected
    link = page.select_one(".search-spelling a")
    assert link.get_text() == "multidisciplinary"
    assert params_of(link["href"]) == {"q": ["multidisciplinary"], "pioneer": ["greenwich"]}


def test_no_results_suggests_dropping_each_filter_with_its_count(client, corpus):
    page = get(client, q="fax", pioneer="greenwich", type="barrier")
    assert status(page) == "No results for “fax”"
    options = {" ".join(li.a.get_text().split()): li for li in page.select(".search-none__alternatives li")}
    drop_pioneer = options["Remove the filter pioneer: Greenwich"]
    assert params_of(drop_pioneer.a["href"]) == {"q": ["fax"], "type": ["barrier"]}
    assert "(1 result)" in drop_pioneer.get_text()
    assert "Remove the filter type: Barrier" not in options, "it would still find nothing"
    assert page.find("a", string="Browse everything in the exchange")["href"] == "/search/"


def test_the_engine_is_not_mentioned_when_all_is_well(client, corpus):
    page = get(client, q="record")
    assert "basic search" not in page.get_text() and page.select_one(".search-notice") is None


def test_one_search_box_on_the_search_page(client, corpus):
    page = get(client, q="record")
    boxes = page.select('input[name="q"]')
    assert [box["id"] for box in boxes] == ["q"] and boxes[0]["value"] == "record"


@pytest.mark.parametrize("bad", [{"page": "abc"}, {"sort": "cheapest"}, {"colour": "red"}])
def test_bad_parameters_get_a_clear_400(client, corpus, bad):
    response = client.get("/search/", {"q": "record", **bad})
    assert response.status_code == 400
    assert "There is a problem with this search" in response.content.decode()


def test_when_elasticsearch_is_down_a_discreet_notice_says_results_may_be_less_precise(client, corpus, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # configured, but nothing listens: the database answers
    page = get(client, q="record")
    assert "A shared record between council and NHS" in page.get_text()
    assert "simpler mode" in page.select_one(".search-notice").get_text()
