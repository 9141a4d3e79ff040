"""The XSS vectors (data/xss_vectors.json), pages that carry all of them in every Markdown field, and a
parser-based check for executable content, shared by the HTML test and the Chromium test."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from curation.guides.models import Guide, GuideItem
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

VECTORS: list[dict[str, str]] = json.loads((Path(__file__).parent / "data" / "xss_vectors.json").read_text())["vectors"]
ALL_VECTORS = "\n\n".join(vector["source"] for vector in VECTORS)
HARMLESS = "## How it worked\n\nA **joint team** answered [calls](https://example.org/)."

# Elements that run script, load a document or change where the page's links go.
ACTIVE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "link", "meta",
    "base", "form", "button", "input", "img", "video", "audio", "source", "body", "marquee", "details", "template",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "background", "xlink:href", "poster", "lowsrc", "dynsrc", "content",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # browsers ignore these inside a URL's scheme


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")  # entities in attributes are decoded, as a browser decodes them


def dangerous_url(value: str) -> bool:
    return _INVISIBLE.sub("", value).lower().startswith(DANGEROUS_SCHEMES) or "url=javascript:" in value.lower()


def executable_content(html: str) -> list[str]:
    """What in an HTML fragment could run script: active elements, on* handlers, style attributes,
    srcdoc, and script-capable URLs. Empty for safe HTML."""
    found = []
    for element in parse(html).find_all(True):
        if element.name in ACTIVE_ELEMENTS:
            found.append(f"<{element.name}> element")
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or name in {"style", "srcdoc"}:
                found.append(f"{name} attribute on <{element.name}>")
            elif name in URL_ATTRIBUTES and dangerous_url(text):
                found.append(f"{name}={text!r} on <{element.name}>")
    return found


def page_fingerprint(html: str) -> Counter:
    """Everything in a whole page that could run script, counted, so a page with the vectors can be
    compared with the same page without them (the templates' own scripts and forms are in both)."""
    soup = parse(html)
    found: Counter = Counter()
    for element in soup.find_all(True):
        if element.name in ACTIVE_ELEMENTS:
            found[(element.name, element.get("src"), element.get_text() if element.name == "script" else "")] += 1
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or name == "srcdoc" or (name in URL_ATTRIBUTES and dangerous_url(text)):
                found[(element.name, name, text)] += 1
    return found


@dataclass(frozen=True)
class HostilePages:
    """Addresses of one page of each type with every vector in each Markdown field, and of the same
    types with harmless Markdown."""

    hostile: dict[str, str]
    harmless: dict[str, str]


def _pages(label: str, markdown: str) -> dict[str, str]:
    pioneer = make_pioneer(f"{label} Pioneer")
    study = make_case_study(pioneer, f"{label} case study", narrative=markdown, summary="Summary.")
    barrier = make_barrier(study, f"{label} barrier", description=markdown)
    workaround = make_workaround(study, [barrier], f"{label} workaround", description=markdown)
    guide = Guide.objects.create(
        title=f"{label} guide", slug=f"{label.lower()}-guide", introduction=markdown, live=True
    )
    GuideItem.objects.create(guide=guide, page=study, sort_order=0)
    return {
        "case study": study.url,
        "barrier": barrier.url,
        "workaround": workaround.url,
        "guide": guide.get_absolute_url(),
    }


def build_hostile_pages() -> HostilePages:
    return HostilePages(hostile=_pages("Hostile", ALL_VECTORS), harmless=_pages("Harmless", HARMLESS))
