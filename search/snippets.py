"""How a result's snippets read, for both engines: which fields give the text under the
title, which only say where a search matched, which words are not worth marking, and
where a cut passage gets an ellipsis."""

from __future__ import annotations

import re

from search.vocabulary import STOP_WORDS

# Passages shown under a result's title. The title itself is already the heading above; an attached
# document's title comes first, labelled, as it says which file to open.
SNIPPET_FIELDS = ("documents", "summary", "body")
DOCUMENT_HIGHLIGHT_LABEL = "Attached document: "
# Fields that only name where the words were found ("Matched in: barrier category").
LABEL_FIELDS = ("pioneer_name", "theme_names", "barrier_category_names", "care_group_names", "tag_names")
HIGHLIGHT_FIELDS = ("title", *SNIPPET_FIELDS, *LABEL_FIELDS)

FIELD_LABELS = {
    "title": "title",
    "summary": "summary",
    "documents": "attached documents",
    "pioneer_name": "pioneer",
    "theme_names": "themes",
    "barrier_category_names": "barrier category",
    "care_group_names": "care groups",
    "tag_names": "tags",
}
BODY_LABELS = {"case_study": "story", "barrier": "barrier description", "workaround": "workaround description"}

# Words a search may contain but a snippet should not mark: they say nothing about why it matched.
# Elasticsearch's stop words, and the other common joining words people type in a sentence.
UNMARKED_WORDS = STOP_WORDS | frozenset(
    (
        "about above across after against all also among any around because been before being below between "
        "both can could did do does doing during each from further had has have having her here how its more "
        "most other our out over same should so some than them those through under until very was were what "
        "when where which while who whom why within without would you your"
    ).split()
)

_MARKS = re.compile(r"</?mark>")
_SENTENCE_END = re.compile(r"[.!?…:;]\W*$")
_SENTENCE_START = re.compile(r"^\W*[A-Z0-9]")


def marked_words(words) -> list[str]:
    """The query words worth marking in a snippet, in order."""
    return [word for word in words if word.lower() not in UNMARKED_WORDS]


def plain(fragment: str) -> str:
    return _MARKS.sub("", fragment)


def matched_in(document_type: str, fields) -> list[str]:
    """Where a search matched, as readers name it, each once, in the order of HIGHLIGHT_FIELDS."""
    found = set(fields)
    labels: list[str] = []
    for name in HIGHLIGHT_FIELDS:
        if name in found:
            label = BODY_LABELS.get(document_type, "text") if name == "body" else FIELD_LABELS[name]
            if label not in labels:
                labels.append(label)
    return labels


def snippet_fragments(title: str, highlights: dict[str, list[str]]) -> list[str]:
    """The highlighted passages worth showing under the title: not the title, nor a repeat of it."""
    title_text = " ".join(title.lower().split())
    fragments = []
    for name in SNIPPET_FIELDS:
        for fragment in highlights.get(name, []):
            if " ".join(plain(fragment).lower().split()).strip(" .…") != title_text.strip(" .…"):
                fragments.append(DOCUMENT_HIGHLIGHT_LABEL + fragment if name == "documents" else fragment)
    return fragments


def with_ellipses(fragment: str) -> str:
    """The passage with "…" where it was cut from a longer text, and never after a full stop."""
    text = plain(fragment).strip()
    if not text or text.startswith(DOCUMENT_HIGHLIGHT_LABEL):  # a whole document title, never cut
        return fragment
    start = "" if _SENTENCE_START.match(text) else "…"
    end = "" if _SENTENCE_END.search(text) else "…"
    return f"{start}{fragment.strip()}{end}"
