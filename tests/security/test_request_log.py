"""Request ids (portal/request_log.py): each response names its request, each log line of the request
carries the same id (also while a streamed body is written), and the JSON formatter writes one object a line."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest
from django.http import StreamingHttpResponse

from portal.request_log import JsonFormatter, RequestIdFilter, RequestIdMiddleware

GENERATED = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def json_log():
    """Lines the portal's loggers write, through the production handler's filter and formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("portal", "django.request", "test.streaming")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_a_response_names_its_request_with_a_new_id(client, db):
    first, second = client.get("/robots.txt"), client.get("/robots.txt")
    assert GENERATED.fullmatch(first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_an_id_sent_by_a_proxy_is_kept_when_it_looks_like_one(client, db):
    offered = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID=offered)["X-Request-ID"] == offered


@pytest.mark.parametrize(
    "offered", ["short", "x" * 129, "abc def ghi jkl", "id\nFAKE LOG LINE", "<script>alert(1)</script>", "é" * 12]
)
def test_an_id_that_is_not_sane_is_replaced(client, db, offered):
    assert GENERATED.fullmatch(client.get("/robots.txt", HTTP_X_REQUEST_ID=offered)["X-Request-ID"])


def test_every_log_line_of_a_request_carries_its_id(client, rate_limit, json_log):
    rate_limit(1)
    client.get("/search/", REMOTE_ADDR="10.8.8.8")
    client.get("/search/", REMOTE_ADDR="10.8.8.8", HTTP_X_REQUEST_ID="req-00000000-refused")
    lines = json_log()
    refused = [line for line in lines if line["request_id"] == "req-00000000-refused"]
    # The rate limiter's warning, written inside the request, the access line written as it ends, and
    # Django's warning about the 429, written after the middleware has finished (the record names the request).
    assert [line["logger"] for line in refused] == ["portal.security.ratelimit", "portal.requests", "django.request"]
    access = refused[1]
    assert access["http"]["status"] == 429 and access["http"]["path"] == "/search/"
    assert access["http"]["client"] == "10.8.8.8"
    assert access["level"] == "INFO" and access["message"] == "GET /search/ 429"
    assert all(GENERATED.fullmatch(line["request_id"]) for line in lines if line not in refused)


def test_a_streamed_body_logs_with_its_requests_id(rf, json_log):
    logger = logging.getLogger("test.streaming")

    def rows():
        logger.info("writing a row")  # runs after the view has returned, as a CSV export's searches do
        yield b"row\n"

    middleware = RequestIdMiddleware(lambda request: StreamingHttpResponse(rows()))
    response = middleware(rf.get("/search/export.csv", HTTP_X_REQUEST_ID="stream-0000000001"))
    assert b"".join(response.streaming_content) == b"row\n"
    row = [line for line in json_log() if line["logger"] == "test.streaming"]
    assert [line["request_id"] for line in row] == ["stream-0000000001"]


def test_outside_a_request_the_id_is_a_dash(json_log):
    logging.getLogger("portal").warning("starting up")
    assert json_log()[-1]["request_id"] == "-"


def test_the_json_formatter_writes_one_object_a_line_with_the_traceback():
    formatter = JsonFormatter()
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        import sys

        record = logging.LogRecord("search", logging.ERROR, __file__, 1, "failed: %s", ("q\n",), sys.exc_info())
    record.request_id = "abc12345"
    record.index = "pioneer-content"
    line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "failed: q\n" and entry["level"] == "ERROR" and entry["logger"] == "search"
    assert entry["request_id"] == "abc12345" and entry["index"] == "pioneer-content"
    assert "ValueError: bad" in entry["exception"]
    assert entry["time"].endswith("+00:00")
