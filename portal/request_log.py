"""Request ids and structured logs: every log line of a request names it, and production writes JSON lines.

The id comes from the X-Request-ID header when it looks like an id (a proxy or
client chose it, so their logs and ours can be joined), or is made here; it goes
back in the response's X-Request-ID header. It lives in a context variable for the
length of the request (and of a streamed body, such as a CSV export), and
RequestIdFilter copies it onto each log record. The middleware also logs one line
per request to `portal.requests` (the access log, replacing gunicorn's, so that
every line production writes is one JSON object).
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from datetime import UTC, datetime

from django.http import FileResponse, HttpRequest, HttpResponse

from portal.security.client_address import client_address

HEADER = "X-Request-ID"
NO_REQUEST = "-"
SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,127}")  # a UUID, a hex string, a proxy's id; nothing to inject
current_request_id: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)
access_log = logging.getLogger("portal.requests")


def request_id_from(request: HttpRequest) -> str:
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    return offered if SANE_ID.fullmatch(offered) else uuid.uuid4().hex


def _streamed_with_id(chunks: Iterable[bytes], request_id: str) -> Iterator[bytes]:
    """A streamed body is produced after the view returns: its log lines keep the request's id."""
    token = current_request_id.set(request_id)
    try:
        yield from chunks
    finally:
        current_request_id.reset(token)


class RequestIdMiddleware:
    """Gives each request an id, in its logs and in the response header; logs the request when answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request.request_id = request_id_from(request)
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if response.streaming and not isinstance(response, FileResponse):  # files keep the server's sendfile
                response.streaming_content = _streamed_with_id(response.streaming_content, request_id)
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "http": {
                        "method": request.method,
                        "path": request.get_full_path(),
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        "client": client_address(request),
                        "referer": request.META.get("HTTP_REFERER", "")[:500],
                        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
                    }
                },
            )
            return response
        finally:
            current_request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id (or "-" outside a request) on every record as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = current_request_id.get()
        if request_id == NO_REQUEST:  # Django logs a 4xx answer after the middleware is done, naming the request
            request_id = getattr(getattr(record, "request", None), "request_id", NO_REQUEST)
        record.request_id = request_id
        return True


# What every LogRecord has; anything else on a record was passed as `extra=` and goes into the JSON.
STANDARD_ATTRIBUTES = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, extras, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", NO_REQUEST),
        }
        for name, value in record.__dict__.items():
            if name not in STANDARD_ATTRIBUTES and name not in entry:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)
