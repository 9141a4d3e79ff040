"""Hostile query strings for the fuzz tests, generated from the parameters the API declares.

The search parameters come from the OpenAPI document (search.web.openapi),
which is built from search.facets and search.request: a new facet or
parameter is fuzzed without touching this file. Each generated query string
says which of its parameters were given a value the declaration allows
("valid") and which got something hostile, so a test can tell an answer that
must be 200 from one that may be a 400, and check that a 400 names a
parameter that really was at fault.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_from_bytes

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

from search.request import MAX_PAGE_SIZE, MAX_RESULT_WINDOW

# Reproducible in CI (derandomize), no wall-clock limit per example on a shared 2-core machine,
# no example database written into the checkout; function-scoped fixtures (client, db) hold across
# examples on purpose: the requests are read-only apart from the search log.
settings.register_profile(
    "hostile",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
HOSTILE = settings.get_profile("hostile")

LUCENE = [
    "*", "?", "*:*", "title:secret", "_exists_:title", "a AND b", "a OR *:*", "NOT a", "a && b || c", "!a",
    "+must -not", "(unclosed", "closed)", "[1 TO 9]", "{a TO z}", '"unclosed phrase', '"a b"~3', "fuzzy~2",
    "boost^100", "/regex.*/", "a\\", "\\\\", "field:(a OR b)", "title:/.*/", "a:b:c", "^", "~", "&&", "||",
    "\"", "'", "`", "a/b", "<script>alert(1)</script>", "' OR 1=1 --", "%", "%%", "%s%n", "${jndi:x}", "{{7*7}}",
]  # fmt: skip
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\t", "\n", "\r", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]
ODD_UNICODE = [
    "\u00a0", "\u2028", "\u2029", "\ufeff", "\u200b", "\u202e", "\ufffd", "\uffff", "\U0001f600",
    "e\u0301", "\uff1d", "\uff11", "\u0661", "ß", "İ", "ﬁ", "\u0000abc",
]  # fmt: skip
LONE_SURROGATES = ["\ud800", "\udfff", "a\udc80b"]  # reach a server as the invalid UTF-8 %ED%A0%80 and so on
NUMBERS = [
    "0", "-1", "-0", "+1", "00", "1.5", "1e3", "0x10", "NaN", "inf", "-inf", "１", "٣", " 1", "1 ", "1_0",
    "9" * 10, "9" * 40, str(2**31), str(2**63), str(-(2**63)), "", " ",
]  # fmt: skip
HUGE = ["x" * 100_000, "word " * 5_000, "é" * 20_000, ",".join("abcdefghijklmnopqrstuvwxyz" * 4)]


def _texts() -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(LUCENE),
        st.sampled_from(CONTROL),
        st.sampled_from(ODD_UNICODE),
        st.sampled_from(LONE_SURROGATES),
        st.sampled_from(NUMBERS),
        st.text(max_size=12),
        st.text(alphabet=string.ascii_lowercase + " -", max_size=12),
    )
    return st.one_of(
        st.lists(piece, max_size=5).map("".join),
        st.sampled_from(HUGE),
        st.just(""),
    )


HOSTILE_TEXT = _texts()


@dataclass(frozen=True)
class Value:
    """One parameter's value as it goes on the wire (already percent-encoded) and whether it is allowed."""

    encoded: str
    valid: bool


@functools.lru_cache(maxsize=512)  # the huge strings come round again and again
def encode(text: str) -> str:
    """Percent-encoded UTF-8; a lone surrogate becomes the invalid bytes a broken client would send."""
    return quote_from_bytes(text.encode("utf-8", "surrogatepass"), safe="")


RAW_BYTES = st.binary(min_size=1, max_size=8).map(lambda raw: "".join(f"%{byte:02X}" for byte in raw))
# Broken escapes, overlong and truncated UTF-8, and raw bytes that were never escaped (the WSGI
# environment carries a query string's bytes as latin-1 text).
BAD_PERCENT = st.sampled_from(
    ["%", "%G0", "%%%", "%E2%82", "%C0%AF", "%FF%FE", "%ED%A0%80", "a%2", "%00", "\xff\xfe", "\xc3(", "caf\xe9"]
)


HOSTILE_VALUE = st.one_of(
    HOSTILE_TEXT.map(lambda text: Value(encode(text), valid=False)),
    RAW_BYTES.map(lambda raw: Value(raw, valid=False)),
    BAD_PERCENT.map(lambda raw: Value(raw, valid=False)),
)


def valid_value(schema: dict[str, Any]) -> st.SearchStrategy[Value]:
    """A value the declared schema allows, as a client following the documentation would send it."""
    if schema.get("type") == "array":
        return valid_value(schema["items"])
    if "enum" in schema:
        texts = st.sampled_from(schema["enum"])
    elif schema.get("type") == "integer":
        # An open maximum (page) is bounded by the result window at the largest page size.
        top = schema.get("maximum", MAX_RESULT_WINDOW // MAX_PAGE_SIZE)
        texts = st.integers(schema.get("minimum", 0), top).map(str)
    elif schema.get("pattern") == "^[0-9]{4}$":
        texts = st.integers(1000, 9999).map(str)
    elif schema.get("type") == "string" and "pattern" not in schema:
        # Free text: anything at all is a valid value, up to the declared length.
        longest = schema.get("maxLength")
        texts = HOSTILE_TEXT.map(lambda text: text[:longest]) if longest else HOSTILE_TEXT
    else:
        raise AssertionError(f"no strategy for a parameter with schema {schema}: add one here")
    return texts.map(lambda text: Value(encode(text), valid=True))


@dataclass
class QueryString:
    """A raw query string, the parameters it names, and those that were given something not allowed."""

    raw: str
    names: list[str] = field(default_factory=list)
    at_fault: set[str] = field(default_factory=set)

    @property
    def all_valid(self) -> bool:
        return not self.at_fault

    def __repr__(self) -> str:
        """Short enough to read in a failure report; derandomize reproduces the full example."""
        raw = self.raw if len(self.raw) <= 300 else f"{self.raw[:300]}... ({len(self.raw):,} characters)"
        return f"QueryString({raw!r}, at_fault={sorted(self.at_fault)!r})"

    def _repr_pretty_(self, printer, cycle) -> None:  # how hypothesis prints a falsifying example
        printer.text(repr(self))


UNKNOWN_NAMES = st.one_of(
    st.sampled_from(["Q", "q ", " q", "q[]", "page[]", "sort.x", "format", "callback", "__proto__", "", "%00"]),
    st.text(min_size=1, max_size=8),
)


def query_strings(parameters: list[dict[str, Any]], *, max_parameters: int = 6) -> st.SearchStrategy[QueryString]:
    """Up to max_parameters name=value pairs: declared names (repeats allowed) and sometimes unknown ones,
    each value valid or hostile; separators sometimes doubled, as hand-made URLs are."""
    declared = sorted(parameter["name"] for parameter in parameters)
    # Built once: hypothesis validates a strategy on first use, which costs more than drawing from it.
    valid = {parameter["name"]: valid_value(parameter["schema"]) for parameter in parameters}
    either = {name: st.one_of(strategy, HOSTILE_VALUE) for name, strategy in valid.items()}
    names = st.sampled_from(declared)
    separators = st.sampled_from(["&", "&", "&", "&&"])

    @st.composite
    def draw_query(draw) -> QueryString:
        result = QueryString("")
        pairs: list[str] = []
        # About half the queries are what a well-behaved client sends: they must all be answered with a 200.
        hostile = draw(st.booleans())
        values = either if hostile else valid
        for _ in range(draw(st.integers(0, max_parameters))):
            if hostile and draw(st.integers(0, 9)) == 0:
                name = draw(UNKNOWN_NAMES)
                result.at_fault.add(name)  # unknown, or (drawn by chance) a declared name with a hostile value
                value = draw(HOSTILE_VALUE)
                encoded_name = encode(name)
            else:
                name = draw(names)
                value = draw(values[name])
                if not value.valid:
                    result.at_fault.add(name)
                encoded_name = name
            result.names.append(name)
            pairs.append(f"{encoded_name}={value.encoded}" if value.encoded or draw(st.booleans()) else encoded_name)
        result.raw = draw(separators).join(pairs)
        return result

    return draw_query()


# The property's checks, shared by the database and Elasticsearch runs


def fetch(client, path: str, query: QueryString):
    """GET the raw query string: never a 5xx; a 200 whenever every parameter was valid."""
    response = client.get(path, QUERY_STRING=query.raw)
    event(f"{response.status_code}, {'all valid' if query.all_valid else 'some at fault'}")
    assert response.status_code < 500, (path, query)
    if response.status_code in (301, 302):  # a renamed term's old slug: the same search, redirected
        return response
    assert response.status_code in (200, 400), (response.status_code, query)
    if query.all_valid:
        assert response.status_code == 200, (query, body_text(response)[:300])
    return response


def body_text(response) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def assert_names_a_parameter_at_fault(field_name: str, message: str, query: QueryString) -> None:
    """A 400 says what is wrong and blames a parameter that really was at fault."""
    assert message.strip(), query
    assert field_name in query.at_fault, f"400 blames {field_name!r}, but only {sorted(query.at_fault)} were at fault"


def json_answer(client, path: str, query: QueryString) -> dict | None:
    """The API's JSON answer, or None after checking that a 400 is `{"error", "field"}` blaming a culprit."""
    response = fetch(client, path, query)
    body = response.json()
    if response.status_code != 400:
        return body
    assert set(body) == {"error", "field"}
    assert_names_a_parameter_at_fault(body["field"], body["error"], query)
    return None
