"""Malformed and hostile content files (`import_content`, format pioneer-exchange/1): each is refused
with an error that names the problem, and nothing at all is written.

tests/content/test_errors.py covers the format's rules one by one (wrong
version, missing keys, wrong types, unknown taxonomy slugs, over-long
fields, Latin-1 bytes); these are the files a broken tool or an attacker
hands over: cut short, empty, another encoding or another format, nested
past any parser's depth, numbers past any column, text no database stores.
The format carries no attachments, so there are no file names to traverse.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import CommandError

from tests.content.helpers import good_content, run_import, snapshot

pytestmark = pytest.mark.django_db

GOOD = json.dumps(good_content(), indent=2, ensure_ascii=False)


def refused(path) -> list[str]:
    """The errors an import reports (every line after the first); asserts it wrote nothing, dry run or not."""
    before = snapshot()
    for args in ((), ("--publish",), ("--dry-run",)):
        with pytest.raises(CommandError) as raised:
            run_import(path, *args)
        assert snapshot() == before
    lines = str(raised.value).splitlines()
    assert lines[0].startswith(f"{path}: ") and lines[0].endswith("nothing was imported:")
    return [line.strip() for line in lines[1:]]


def write_bytes(tmp_path, data: bytes):
    path = tmp_path / "content.json"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kept", [0.02, 0.5, 0.98])
def test_a_file_cut_short(tmp_path, kept):
    path = write_bytes(tmp_path, GOOD[: int(len(GOOD) * kept)].encode())
    [error] = refused(path)
    assert error.startswith("not valid JSON: ") and "(line " in error


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "not valid JSON: Expecting value (line 1, column 1)"),
        (b"\xef\xbb\xbf", "not valid JSON: Expecting value (line 1, column 1)"),  # a byte-order mark alone
        (GOOD.encode("utf-16"), "not UTF-8 text (byte 0)"),
        (GOOD.encode() + b"\x00", f"not valid JSON: Extra data (line {GOOD.count(chr(10)) + 1}, column 2)"),
    ],
    ids=["empty", "bom-only", "utf-16", "trailing-nul"],
)
def test_not_a_json_text(tmp_path, data, error):
    assert refused(write_bytes(tmp_path, data)) == [error]


def test_a_zip_file(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("../../etc/passwd", GOOD)  # a path that climbs out, in case anything unpacked it
    [error] = refused(write_bytes(tmp_path, buffer.getvalue()))
    assert error.startswith(("not UTF-8 text", "not valid JSON"))


@pytest.mark.parametrize("where", ["top", "inside a record"])
def test_nesting_deeper_than_any_parser_goes(tmp_path, where):
    deep = "[" * 100_000 + "]" * 100_000
    record = '{"format": "pioneer-exchange/1", "pioneers": [{"slug": "a", "name": DEEP}]}'
    text = deep if where == "top" else record.replace("DEEP", deep)
    assert refused(write_bytes(tmp_path, text.encode())) == ["not valid JSON: nested too deeply"]


def test_a_number_with_thousands_of_digits(tmp_path):
    content = GOOD.replace('"population_served": 231000', '"population_served": ' + "9" * 5000)
    assert refused(write_bytes(tmp_path, content.encode())) == ["not valid JSON: a number with more than 100 digits"]


def test_an_exponent_past_any_column(tmp_path):
    content = GOOD.replace('"value": 120', '"value": 1e999999')
    [error] = refused(write_bytes(tmp_path, content.encode()))
    assert error.startswith("case_studies[0].outcomes[0].value: ")


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc80b"])
def test_a_lone_surrogate_in_text(tmp_path, escape):
    """JSON's \\u escapes can name half a UTF-16 pair, which is no character: no database can store it."""
    content = GOOD.replace('"name": "Barnsley"', f'"name": "Barn{escape}sley"')
    assert refused(write_bytes(tmp_path, content.encode())) == [
        "pioneers[0].name: contains a lone surrogate (half of a UTF-16 pair), which is not text"
    ]


def test_a_huge_narrative_is_imported_whole_or_not_at_all(tmp_path):
    """A 5 MB narrative is allowed (the field has no limit), but with one bad record the file writes nothing."""
    content = good_content()
    content["case_studies"][0]["narrative"] = "word " * 1_000_000
    content["case_studies"][1]["themes"] = ["no-such-theme"]
    path = write_bytes(tmp_path, json.dumps(content).encode())
    assert refused(path) == ['case_studies[1].themes[0]: unknown theme "no-such-theme"']


def test_a_key_that_would_drive_the_terminal_is_shown_escaped(tmp_path):
    """Errors quote what the file says: an escape sequence or a lone surrogate in it is written as an
    escape, so it neither clears the operator's terminal nor crashes the output (the report names only
    slugs, which cannot hold either)."""
    content = GOOD.replace('"pioneers": [', '"\\u001b[2J\\ud800": 1, "pioneers": [', 1)
    assert refused(write_bytes(tmp_path, content.encode())) == ["\\x1b[2J\\ud800: unknown key"]
