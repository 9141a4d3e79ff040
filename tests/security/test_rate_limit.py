"""The rate limit (portal/security/ratelimit.py): per client address over the search API, the search
page, the feed and the CSV export, 429 with Retry-After past SEARCH_RATE_LIMIT a minute.

Each test here fails if the middleware is removed from MIDDLEWARE (every request would be a 200) or if
it stops counting one of the routes.
"""

from __future__ import annotations

import json
import logging

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse

from portal.security import ratelimit
from portal.security.client_address import client_address, rate_limit_key

API = "/api/v1/search?q=care"
SUGGEST = "/api/v1/suggest?q=car"
PAGE = "/search/?q=care"
FEED = "/search/feed/?q=care"
EXPORT = "/search/export.csv?q=care"


def get(client, url: str, address: str = "10.1.1.1", **headers):
    response = client.get(url, REMOTE_ADDR=address, **headers)
    if response.streaming:
        b"".join(response.streaming_content)  # a CSV export searches while it streams
    return response


def test_the_limit_is_off_in_the_test_settings_and_then_counts_nothing(client, db, settings):
    assert settings.SEARCH_RATE_LIMIT == 0  # so the rest of the suite, hundreds of searches from one address, runs
    caches["ratelimit"].clear()
    for _ in range(3):
        assert get(client, API).status_code == 200
    assert not caches["ratelimit"]._cache  # no counter was written at all


def test_past_the_limit_the_api_answers_429_with_retry_after_and_json(client, rate_limit):
    rate_limit(3)
    assert [get(client, API).status_code for _ in range(3)] == [200, 200, 200]
    refused = get(client, API)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    retry_after = int(refused["Retry-After"])
    assert 1 <= retry_after <= 60
    body = json.loads(refused.content)
    assert body["retry_after"] == retry_after
    assert "Too many searches" in body["error"]


def test_the_search_page_feed_suggestions_and_api_share_one_count(client, rate_limit):
    rate_limit(4)
    assert [get(client, url).status_code for url in (API, SUGGEST, PAGE, FEED)] == [200] * 4
    for url in (API, SUGGEST, PAGE, FEED, EXPORT):
        assert get(client, url).status_code == 429, url


def test_past_the_limit_the_search_page_is_the_portals_error_page(client, rate_limit):
    rate_limit(1)
    get(client, PAGE)
    refused = get(client, PAGE)
    assert refused.status_code == 429
    assert refused["Content-Type"].startswith("text/html")
    assert int(refused["Retry-After"]) >= 1
    html = refused.content.decode()
    assert "<h1>Too many searches</h1>" in html
    assert 'class="nhsuk-header"' in html  # the site's shell, not a bare message
    assert f"Try again in {refused['Retry-After']} second" in html


def test_a_csv_export_counts_as_ten_searches(client, rate_limit):
    assert ratelimit.COSTS["search-export"] == ratelimit.EXPORT_COST == 10
    rate_limit(12)
    assert get(client, EXPORT).status_code == 200  # 10
    assert get(client, API).status_code == 200  # 11
    assert get(client, API).status_code == 200  # 12
    assert get(client, API).status_code == 429
    rate_limit(19)
    assert get(client, EXPORT, address="10.1.1.2").status_code == 200
    assert get(client, EXPORT, address="10.1.1.2").status_code == 429  # 20 > 19: a second export is refused


def test_a_limit_below_an_exports_cost_still_allows_one_export_a_minute(client, rate_limit):
    rate_limit(5)
    assert get(client, EXPORT).status_code == 200
    assert get(client, API).status_code == 429


def test_each_address_has_its_own_count(client, rate_limit):
    rate_limit(2)
    assert [get(client, API, "10.2.0.1").status_code for _ in range(3)] == [200, 200, 429]
    assert get(client, API, "10.2.0.2").status_code == 200
    assert get(client, API, "2001:db8:1:2::1").status_code == 200
    assert get(client, API, "2001:db8:1:2::1").status_code == 200
    # The same IPv6 /64: one household or server, one count.
    assert get(client, API, "2001:db8:1:2::ffff").status_code == 429


def test_x_forwarded_for_is_ignored_without_a_proxy_in_front(client, rate_limit):
    rate_limit(2)
    spoofed = [get(client, API, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code for n in range(3)]
    assert spoofed == [200, 200, 429]  # a new made-up address each time does not reset the count


def test_behind_one_proxy_the_address_it_reports_is_the_client(client, rate_limit):
    rate_limit(1, TRUSTED_PROXY_COUNT=1)
    proxy = "172.18.0.5"
    assert get(client, API, proxy, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 200
    assert get(client, API, proxy, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 200  # another client
    # A client that writes its own X-Forwarded-For: the proxy appends the real address, which is what counts.
    forged = get(client, API, proxy, HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7")
    assert forged.status_code == 429


def test_the_count_starts_again_with_the_next_minute(client, rate_limit, monkeypatch):
    rate_limit(1)
    clock = [6000 * 60 + 45.2]  # 45.2 s into a minute
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    assert get(client, API).status_code == 200
    refused = get(client, API)
    assert refused.status_code == 429 and refused["Retry-After"] == "15"
    clock[0] += 15
    assert get(client, API).status_code == 200


def test_only_searching_methods_count(client, rate_limit):
    rate_limit(1)
    assert client.options(API, REMOTE_ADDR="10.3.0.1").status_code == 200
    assert client.post(API, REMOTE_ADDR="10.3.0.1").status_code == 405
    assert client.head(API, REMOTE_ADDR="10.3.0.1").status_code == 200  # HEAD runs the search: it counts
    assert get(client, API, "10.3.0.1").status_code == 429


def test_the_database_cache_production_uses_counts_too(client, rate_limit, settings):
    database = settings.RATE_LIMIT_CACHES["database"]
    rate_limit(2, CACHES={**settings.CACHES, "ratelimit": database})
    call_command("createcachetable", verbosity=0)
    assert [get(client, API).status_code for _ in range(3)] == [200, 200, 429]


def test_a_failing_cache_lets_searches_through_and_says_so(client, rate_limit, settings, caplog):
    missing_table = {**settings.RATE_LIMIT_CACHES["database"], "LOCATION": "no_such_table"}
    rate_limit(1, CACHES={**settings.CACHES, "ratelimit": missing_table})
    with caplog.at_level(logging.ERROR, logger="portal.security.ratelimit"):
        assert [get(client, API).status_code for _ in range(2)] == [200, 200]
    assert "Rate limit not applied" in caplog.text


def test_every_limited_route_exists(db):
    """A renamed URL would silently leave its route unlimited."""
    paths = {name: reverse(name) for name in ratelimit.COSTS}
    assert paths == {
        "api-search": "/api/v1/search",
        "api-suggest": "/api/v1/suggest",
        "search": "/search/",
        "search-feed": "/search/feed/",
        "search-export": "/search/export.csv",
    }


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "", "10.9.9.9"),
        (0, "198.51.100.1", "10.9.9.9"),  # no proxy: the header is anyone's
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "203.0.113.5, 198.51.100.1", "198.51.100.1"),
        (2, "203.0.113.5, 198.51.100.1, 172.18.0.2", "198.51.100.1"),
        (1, "", "10.9.9.9"),  # came past the proxy: the peer is the client
        (1, "not-an-address", "10.9.9.9"),
    ],
)
def test_the_client_address(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_the_counting_unit_is_an_ipv4_address_or_an_ipv6_64():
    assert rate_limit_key("198.51.100.1") == "198.51.100.1"
    assert rate_limit_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert rate_limit_key("::ffff:198.51.100.1") == "198.51.100.1"
    assert rate_limit_key("unknown") == "unknown"
