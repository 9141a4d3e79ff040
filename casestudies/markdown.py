"""Author Markdown to safe HTML: Python-Markdown renders, nh3 keeps an allow-list."""

import html as html_lib
import threading

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
    "td": set(),
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]
_local = threading.local()


def _convert(text: str) -> str:
    """Markdown to HTML with one converter per thread: building one per call costs more than converting."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return converter.reset().convert(text or "")


def render_markdown(text: str) -> SafeString:
    """Render Markdown and strip everything the allow-list does not name.

    Raw HTML in the source is escaped by the sanitiser rather than trusted;
    links keep only safe schemes and always get rel="noopener noreferrer".
    """
    html = _convert(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 output is sanitised


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown source, for search documents and feeds."""
    html = _convert(text)
    plain = html_lib.unescape(nh3.clean(html, tags=set(), attributes={}))
    return " ".join(plain.split())
