"""Signing in to a cluster with security on (search/engines/elasticsearch/client.py): credentials from
ELASTICSEARCH_URL or from ELASTICSEARCH_USERNAME/PASSWORD reach the cluster as basic auth, and messages
never show the password.

The shared test node runs without security, so a loopback HTTP server stands in for the cluster's front
door here: it records the Authorization header each request brings (no search is answered by it).
"""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from search.engines.elasticsearch.client import display_url, get_client


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


class Door(BaseHTTPRequestHandler):
    """Answers cluster health as Elasticsearch 8 does, to the right credentials only."""

    seen: list[str | None] = []
    expected = basic("elastic", "s3cret:p@ss/word")

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        authorization = self.headers.get("Authorization")
        Door.seen.append(authorization)
        status, body = (200, {"status": "green"}) if authorization == Door.expected else (401, {"error": "auth"})
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def door() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Door)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _no_credentials_in_settings(settings):
    settings.ELASTICSEARCH_USERNAME = ""
    settings.ELASTICSEARCH_PASSWORD = ""
    Door.seen.clear()


def test_credentials_in_the_url_reach_the_cluster_as_basic_auth(door):
    client = get_client(f"http://elastic:s3cret%3Ap%40ss%2Fword@{door}")
    assert client.cluster.health()["status"] == "green"
    assert Door.seen == [Door.expected]
    node = client.transport.node_pool.all()[0]
    assert (node.config.host, node.config.port) == ("127.0.0.1", int(door.split(":")[1]))


def test_credentials_from_settings_reach_the_cluster(door, settings):
    settings.ELASTICSEARCH_USERNAME = "elastic"
    settings.ELASTICSEARCH_PASSWORD = "s3cret:p@ss/word"
    assert get_client(f"http://{door}").cluster.health()["status"] == "green"
    assert Door.seen == [Door.expected]


def test_a_password_alone_signs_in_as_the_elastic_user(door, settings):
    settings.ELASTICSEARCH_PASSWORD = "s3cret:p@ss/word"
    assert get_client(f"http://{door}", purpose="write").cluster.health()["status"] == "green"


def test_without_credentials_none_are_sent(door):
    """The door refuses, as a secured cluster would: the tests above pass only because credentials were sent."""
    from elasticsearch import AuthenticationException

    with pytest.raises(AuthenticationException):
        get_client(f"http://{door}").cluster.health()
    assert Door.seen == [None]


def test_with_several_nodes_each_is_signed_in_to(door):
    """A node that refuses the connection is passed over (scale-out): the next gets the same credentials."""
    first_down = f"http://elastic:s3cret%3Ap%40ss%2Fword@127.0.0.1:{closed_port()}"
    client = get_client(f"{first_down},http://elastic:s3cret%3Ap%40ss%2Fword@{door}")
    assert client.cluster.health()["status"] == "green"
    assert Door.seen == [Door.expected]
    assert (
        display_url(f"{first_down},http://elastic:x@{door}")
        == f"http://127.0.0.1:{first_down.rsplit(':', 1)[1]},http://{door}"
    )


def test_the_urls_own_credentials_win_over_the_settings(door, settings):
    settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD = "other", "wrong"
    assert get_client(f"http://elastic:s3cret%3Ap%40ss%2Fword@{door}").cluster.health()["status"] == "green"


def test_the_password_is_never_shown(settings):
    assert display_url("http://elastic:s3cret@search.internal:9200") == "http://search.internal:9200"
    assert display_url("http://search.internal:9200") == "http://search.internal:9200"
    settings.ELASTICSEARCH_URL = f"http://elastic:s3cret@127.0.0.1:{closed_port()}"
    with pytest.raises(CommandError) as refused:
        call_command("search_index", "check")
    assert "127.0.0.1" in str(refused.value) and "s3cret" not in str(refused.value)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
