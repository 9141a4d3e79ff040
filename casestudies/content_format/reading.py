"""Reading a content file: every rule checked before anything is written, every error reported.

An error names the record and key it is about, counting from 0 as JSON
tools do: `case_studies[3].themes[1]: unknown theme "x"`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..models import BarrierPage, WorkaroundPage
from .pages import SiteContent
from .spec import CASE_STUDY, FORMAT, INVALID, PIONEER, TOP_LEVEL_KEYS, Checks, ListOf


class ContentError(Exception):
    """The file cannot be imported; `errors` lists every reason."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ContentFile:
    """A file that passed every check: records as export writes them, and what they were checked against."""

    pioneers: list[dict[str, Any]]
    case_studies: list[dict[str, Any]]
    checks: Checks
    site: SiteContent


class _Object(dict):
    """A JSON object that remembers keys given more than once (json keeps only the last)."""

    repeated_keys: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    value = _Object(pairs)
    if len(value) != len(pairs):
        value.repeated_keys = tuple(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
    return value


MAX_DIGITS = 100  # far past any column; Python itself stops at 4,300 with advice meant for programmers


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number with more than {MAX_DIGITS} digits")
    return int(text)


def parse(text: str) -> Any:
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_int=_whole_number,
            parse_constant=_refuse_constant,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as error:
        raise ContentError([f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"]) from None
    except ValueError as error:
        raise ContentError([f"not valid JSON: {error}"]) from None
    except RecursionError:  # arrays or objects nested thousands deep: the format needs five levels
        raise ContentError(["not valid JSON: nested too deeply"]) from None


def read_path(path: str | Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ContentError([f"not UTF-8 text (byte {error.start})"]) from None
    except OSError as error:
        raise ContentError([f"cannot read the file: {error.strerror or error}"]) from None
    return parse(text)


def load(path: str | Path) -> ContentFile:
    return validate(read_path(path))


def validate(data: Any, site: SiteContent | None = None) -> ContentFile:
    """Check a parsed file against the format and the site; raise ContentError listing every error."""
    checks = Checks()
    if not isinstance(data, dict):
        raise ContentError([f'file: expected a JSON object with "format": "{FORMAT}"'])
    if data.get("format") != FORMAT:
        given = json.dumps(data["format"], default=str) if "format" in data else "nothing"
        raise ContentError([f'format: expected "{FORMAT}", got {given}'])
    for key in getattr(data, "repeated_keys", ()):
        checks.error(key, "given more than once")
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            checks.error(key, "unknown key")
    pioneers = _records(ListOf(item=PIONEER), data, "pioneers", checks)
    case_studies = _records(ListOf(item=CASE_STUDY), data, "case_studies", checks)
    site = site or SiteContent()
    _check_pioneers(pioneers, checks)
    _check_case_studies(case_studies, _pioneer_slugs(data) | set(site.pioneers), site, checks)
    if checks.errors:
        raise ContentError(sorted(checks.errors, key=_in_file_order))
    return ContentFile(pioneers=pioneers, case_studies=case_studies, checks=checks, site=site)


def _records(spec: ListOf, data: dict, key: str, checks: Checks) -> list:
    records = spec.validate(data.get(key, []), checks, key)
    return records if isinstance(records, list) else []


def _valid(value: Any) -> bool:
    return value is not INVALID and value is not None


def _pioneer_slugs(data: dict) -> set[str]:
    """Every pioneer slug the file gives, valid or not: a case study naming one is not also in error."""
    pioneers = data.get("pioneers")
    if not isinstance(pioneers, list):
        return set()
    return {item["slug"] for item in pioneers if isinstance(item, dict) and isinstance(item.get("slug"), str)}


def _check_pioneers(pioneers: list, checks: Checks) -> None:
    seen: dict[str, int] = {}
    for position, pioneer in enumerate(pioneers):
        if not isinstance(pioneer, dict) or not _valid(pioneer["slug"]):
            continue
        slug = pioneer["slug"]
        if slug in seen:
            checks.error(f"pioneers[{position}].slug", f'duplicate pioneer "{slug}" (also pioneers[{seen[slug]}])')
        seen.setdefault(slug, position)


def _check_case_studies(case_studies: list, pioneer_slugs: set[str], site: SiteContent, checks: Checks) -> None:
    seen: dict[tuple[str, str], int] = {}
    for position, study in enumerate(case_studies):
        if not isinstance(study, dict):
            continue
        path = f"case_studies[{position}]"
        pioneer, slug = study["pioneer"], study["slug"]
        if _valid(pioneer) and pioneer not in pioneer_slugs:
            checks.error(f"{path}.pioneer", f'unknown pioneer "{pioneer}"')
        if _valid(pioneer) and _valid(slug):
            if (pioneer, slug) in seen:
                also = seen[(pioneer, slug)]
                message = f'duplicate case study "{slug}" of pioneer "{pioneer}" (also case_studies[{also}])'
                checks.error(f"{path}.slug", message)
            seen.setdefault((pioneer, slug), position)
        start, published = study["start_date"], study["published"]
        if _valid(start) and _valid(published) and start > published:
            message = f"{start} is after published ({published}): work must start before its write-up is published"
            checks.error(f"{path}.start_date", message)
        if _valid(pioneer) and _valid(slug):
            _check_children(study, path, (pioneer, slug), site, checks)


def _check_children(study: dict, path: str, key: tuple[str, str], site: SiteContent, checks: Checks) -> None:
    """Barrier and workaround slugs are unique within the case study; `addresses` names its barriers."""
    seen: dict[str, str] = {}
    file_barriers: set[str] = set()
    for kind, model in (("barriers", BarrierPage), ("workarounds", WorkaroundPage)):
        records = study[kind] if isinstance(study[kind], list) else []
        for position, record in enumerate(records):
            if not isinstance(record, dict) or not _valid(record["slug"]):
                continue
            slug, here = record["slug"], f"{path}.{kind}[{position}]"
            if slug in seen:
                checks.error(f"{here}.slug", f'duplicate slug "{slug}" (also {seen[slug]})')
                continue
            seen[slug] = here
            existing = site.children_of(key).get(slug)
            if existing is not None and not isinstance(existing, model):
                other = existing.specific_class._meta.verbose_name
                checks.error(f"{here}.slug", f'"{slug}" is already a {other} of this case study on the site')
            if model is BarrierPage:
                file_barriers.add(slug)
    barriers = file_barriers | set(site.children_of(key, BarrierPage))
    workarounds = study["workarounds"] if isinstance(study["workarounds"], list) else []
    for position, record in enumerate(workarounds):
        if not isinstance(record, dict) or not isinstance(record["addresses"], list):
            continue
        for index, slug in enumerate(record["addresses"]):
            if _valid(slug) and slug not in barriers:
                checks.error(
                    f"{path}.workarounds[{position}].addresses[{index}]", f'no barrier "{slug}" in this case study'
                )


_RECORD = re.compile(r"^(\w+)\[(\d+)\]")


def _in_file_order(error: str) -> tuple[int, int]:
    """Errors sorted by the record they are about; within a record, in the order found."""
    match = _RECORD.match(error)
    if not match:
        return (-1, 0)
    return (TOP_LEVEL_KEYS.index(match[1]) if match[1] in TOP_LEVEL_KEYS else 9, int(match[2]))
