"""Reading the design system's markup in page tests: summary lists, tags and cards, whitespace aside."""

from __future__ import annotations

import re

FACT = re.compile(
    r'<dt class="nhsuk-summary-list__key">(.*?)</dt>\s*<dd class="nhsuk-summary-list__value">(.*?)</dd>', re.S
)
CARD_LINK = re.compile(r'<a class="nhsuk-card__link" href="([^"]*)">([^<]*)</a>')


def squeeze(markup: str) -> str:
    """Runs of whitespace as one space, and none between tags."""
    return re.sub(r">\s+<", "><", " ".join(markup.split()))


def facts(content: str) -> dict[str, str]:
    """Every summary-list row on the page: key → value's markup, squeezed."""
    return {squeeze(key): squeeze(value) for key, value in FACT.findall(content)}


def tag(label: str, colour: str) -> str:
    return f'<strong class="nhsuk-tag nhsuk-tag--{colour}">{label}</strong>'


def card_links(content: str) -> list[tuple[str, str]]:
    """(href, title) of each clickable card, in page order."""
    return CARD_LINK.findall(content)


def section(content: str, start: str, end: str) -> str:
    """The markup from the first `start` to the next `end` after it."""
    begin = content.index(start)
    return content[begin : content.index(end, begin)]
