"""The database engine: the search contract answered from SearchEntry rows.

It mirrors the Elasticsearch engine closely enough for the same scenarios to
pass on both: synonym expansion, stemming, typo correction, weighted fields,
disjunctive facet counts, highlights, suggestions and related content.

On SQLite with the full-text index (fts.py) the database matches and scores;
elsewhere (PostgreSQL) SQL narrows the candidates with substring matches and
scoring (with bm25.py's share, as FTS5 adds its own), faceting and sorting
happen here in Python behind a crude suffix stemmer, which is fine for a few
thousand entries. Highlights are marked here on both paths, on the page's
documents only.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import get_close_matches
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils.html import escape

from search.engines.database import bm25, fts
from search.engines.database.fts import (  # one set of weights for both paths
    ALL_PARTS_BONUS,
    BM25_SHARE,
    PHRASE_BONUS,
    SUMMARY_WEIGHT,
    TEXT_WEIGHT,
    TITLE_WEIGHT,
    FtsQuery,
    quoted,
)
from search.facets import FACETS, FACETS_BY_NAME, Facet
from search.indexing.documents import TITLE_SUGGESTION_WEIGHT, suggestion_entries
from search.models import SearchEntry
from search.ranking import REUSE_FIELD, reuse_multiplier
from search.request import SearchRequest
from search.response import Hit, SearchResponse, build_facet_results, hit_from_document
from search.snippets import HIGHLIGHT_FIELDS, UNMARKED_WORDS
from search.vocabulary import STOP_WORDS, expand_query

SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ers", "er", "es", "ed", "s")
MIN_STEM = 4  # shorter words match whole, or "age" would find "manage"
MIN_TYPO_LENGTH = 5
TYPO_CUTOFF = 0.8
SNIPPET_LENGTH = 160
RELATED_WEIGHTS = {"theme": 3, "barrier_category": 3, "care_group": 1}

Document = dict[str, Any]
WORD = re.compile(r"\w+")
_words_cache: dict[tuple[Any, ...], IndexWords] = {}


def crude_stem(word: str) -> str:
    """Lower-case and drop one common suffix, keeping at least MIN_STEM letters."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _word_start(literal: str, word_chars: str = r"\w") -> str:
    """`literal` not preceded by a word character, written literal first so that re scans for it fast."""
    escaped = re.escape(literal)
    return rf"{escaped}(?<=(?<!{word_chars}){escaped})"


@dataclass(frozen=True)
class Term:
    """One thing to look for in lower-case text, and a substring SQL can pre-filter on."""

    pattern: re.Pattern[str]
    needle: str


def word_term(word: str) -> Term:
    stem = crude_stem(word)
    tail = r"\w*" if len(stem) >= MIN_STEM else r"(?!\w)"
    return Term(re.compile(_word_start(stem) + tail), stem)


def _phrase_word(word: str) -> tuple[str, str]:
    """A word inside a phrase as (literal, tail): its stem with any ending ("team" finds "teams"),
    or a short or non-alphabetic word ("A&E", "GP") whole."""
    stem = crude_stem(word)
    if len(stem) >= MIN_STEM and word.isalpha():
        return stem, r"\w*"
    return word, r"(?![\w&])"


def phrase_term(phrase: str) -> Term:
    """Words in order, hyphens and spaces alike between them, "&" counting as part of a word."""
    (first, first_tail), *rest = (_phrase_word(word) for word in phrase.lower().replace("-", " ").split())
    body = "".join(rf"[\s-]+{re.escape(literal)}{tail}" for literal, tail in rest)
    start = _word_start(first, word_chars=r"[\w&]")
    return Term(re.compile(f"{start}{first_tail}{body}"), max([first, *(literal for literal, _ in rest)], key=len))


@dataclass(frozen=True)
class IndexWords:
    """Every word in the index (for typos), and how many entries of how many words (for BM25)."""

    words: frozenset[str]
    corpus: bm25.Corpus


def index_words() -> IndexWords:
    """Read again when an entry is added, changed or removed."""
    if fts.available():
        key: tuple[Any, ...] = ("fts", fts.index_version())  # one row read, not a scan of every entry
    else:
        state = SearchEntry.objects.aggregate(count=Count("pk"), latest=Max("indexed_at"))
        key = (state["count"], state["latest"])
    found = _words_cache.get(key)
    if found is None:
        words: set[str] = set()
        entries = length = 0
        for text in SearchEntry.objects.values_list("text", flat=True).iterator():
            found_words = WORD.findall(text)
            words.update(found_words)
            entries, length = entries + 1, length + len(found_words)
        found = IndexWords(frozenset(words), bm25.Corpus(entries, length / entries if entries else 0.0))
        _words_cache.clear()
        _words_cache[key] = found
    return found


def vocabulary() -> frozenset[str]:
    return index_words().words


def correct_typo(word: str, known: frozenset[str]) -> str:
    """The closest indexed word to one found nowhere in the index, else the word itself."""
    stem = crude_stem(word)
    if len(word) < MIN_TYPO_LENGTH or word in known or any(entry.startswith(stem) for entry in known):
        return word
    matches = get_close_matches(word, known, n=1, cutoff=TYPO_CUTOFF)
    return matches[0] if matches else word


@dataclass(frozen=True)
class TextQuery:
    """Parts of a query: any may match; each part is satisfied by any of its terms."""

    parts: tuple[tuple[Term, ...], ...]
    phrase: Term | None
    suggestion: str | None
    required: int  # how many parts must be present (search.vocabulary's rule, as Elasticsearch applies it)
    fts: FtsQuery  # the same query for SQLite's full-text index

    @property
    def terms(self) -> list[Term]:
        return [term for part in self.parts for term in part]

    def present(self, text: str) -> list[Term]:
        """The terms found in a lower-case text."""
        return [term for term in self.terms if term.pattern.search(text)]

    def enough(self, present: list[Term]) -> list[Term]:
        """The terms present, or none when too few parts are present."""
        parts_present = sum(any(term in present for term in part) for part in self.parts)
        return present if parts_present >= self.required and present else []

    def highlighter(self) -> re.Pattern[str] | None:
        """What snippets mark: every term but common joining words ("between"), which say nothing."""
        unmarked = {crude_stem(word) for word in UNMARKED_WORDS}
        marked = [term for term in self.terms if term.needle not in unmarked]
        return re.compile("|".join(term.pattern.pattern for term in marked), re.IGNORECASE) if marked else None


def parse_text(q: str) -> TextQuery:
    expanded = expand_query(q)
    typed = list(expanded.words)
    known = vocabulary() if any(len(word) >= MIN_TYPO_LENGTH for word in typed) else frozenset()
    corrected = [correct_typo(word, known) for word in typed]
    suggestion = q.lower()
    for word, fixed in zip(typed, corrected, strict=True):
        suggestion = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", fixed, suggestion)
    parts = [(word_term(word),) for word in corrected]
    parts += [
        tuple(phrase_term(alternative) for alternative in expansion.alternatives) for expansion in expanded.expansions
    ]
    phrase = phrase_term(q) if len(words_of(q)) > 1 else None
    fts_parts = [(quoted(word),) for word in corrected]
    fts_parts += [
        tuple(quoted(alternative) for alternative in expansion.alternatives) for expansion in expanded.expansions
    ]
    fts_query = FtsQuery(tuple(fts_parts), expanded.required, quoted(" ".join(words_of(q))) if phrase else None)
    return TextQuery(tuple(parts), phrase, suggestion if corrected != typed else None, expanded.required, fts_query)


def candidates(query: TextQuery | None) -> QuerySet[SearchEntry]:
    """Entries that may match: SQL looks for any term's substring, Python decides."""
    entries = SearchEntry.objects.all()
    if query is None:
        return entries
    if not query.terms:
        return entries.none()
    return entries.filter(reduce(or_, (Q(text__contains=term.needle) for term in query.terms)))


def score(document: Document, found: list[Term], query: TextQuery) -> float:
    """Title over summary over everything else; the whole phrase and every part present add more."""
    fields = {name: (document.get(name) or "").lower() for name in PHRASE_BONUS}
    total = 0.0
    for term in found:
        total += TEXT_WEIGHT + TITLE_WEIGHT * bool(term.pattern.search(fields["title"]))
        total += SUMMARY_WEIGHT * bool(term.pattern.search(fields["summary"]))
    if query.phrase:
        total += sum(bonus for name, bonus in PHRASE_BONUS.items() if query.phrase.pattern.search(fields[name]))
    if len(query.parts) > 1 and all(any(term in found for term in part) for part in query.parts):
        total += ALL_PARTS_BONUS
    return total


def add_bm25(
    scores: dict[int, float],
    documents: list[Document],
    lengths: dict[int, int],
    query: TextQuery,
    holding: Counter[Term],
) -> None:
    """Add BM25's share to each score, as the SQLite path adds FTS5's bm25() (bm25.py): ties go to the closer match."""
    corpus = index_words().corpus
    phrases = [(term.pattern, bm25.idf(corpus, holding[term])) for term in query.terms]
    for document in documents:
        page_id = document["id"]
        scores[page_id] += BM25_SHARE * bm25.score(bm25.columns(document), lengths[page_id], phrases, corpus)


def add_reuse(scores: dict[int, float], documents: list[Document]) -> None:
    """Multiply each score by its document's reuse multiplier (search/ranking.py), as Snapshot.ordered does."""
    for document in documents:
        scores[document["id"]] *= reuse_multiplier(document.get(REUSE_FIELD) or 0)


def facet_values(document: Document, facet: Facet) -> set[str]:
    return facet.document_values(document)


def failed_facets(values: dict[str, set[str]], request: SearchRequest) -> list[str]:
    return [name for name, selected in request.filters.items() if not values.get(name, set()) & set(selected)]


def count_facets(counts: dict[str, Counter[str]], values: dict[str, set[str]], failed: list[str]) -> None:
    """Count a document under every facet whose own filter is the only one it fails, or all when none."""
    if not failed:
        for name, counter in counts.items():
            counter.update(values[name])
    elif len(failed) == 1:
        counts[failed[0]].update(values[failed[0]])


def top_counts(counts: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    """At most each facet's size of values, as Elasticsearch's terms aggregation returns."""
    return {facet.name: dict(facet.order(list(counts[facet.name].items()))[: facet.size]) for facet in FACETS}


def _by_published(documents: list[Document], *, newest: bool) -> list[Document]:
    """Stable sort on the publication date; undated documents always come last."""
    dated = sorted(
        (doc for doc in documents if doc.get("published")), key=lambda doc: doc["published"][:10], reverse=newest
    )
    return dated + [doc for doc in documents if not doc.get("published")]


def _title_key(document: Document) -> str:
    return document.get("title", "").casefold()


def _by_relevance(documents: list[Document], scores: dict[int, float]) -> list[Document]:
    ordered = _by_published(sorted(documents, key=_title_key), newest=True)
    ordered.sort(key=lambda doc: -scores.get(doc["id"], 0.0))
    return ordered


# One per search.request.SORTS name, ordered as the Elasticsearch query orders: ties by newest, then title.
ORDERINGS: dict[str, Callable[[list[Document], dict[int, float]], list[Document]]] = {
    "relevance": _by_relevance,
    "newest": lambda documents, _scores: _by_published(sorted(documents, key=_title_key), newest=True),
    "oldest": lambda documents, _scores: _by_published(sorted(documents, key=_title_key), newest=False),
    "title": lambda documents, _scores: sorted(_by_published(documents, newest=True), key=_title_key),
}


def order(documents: list[Document], sort: str, scores: dict[int, float]) -> list[Document]:
    return ORDERINGS[sort](documents, scores)


def mark(text: str, pattern: re.Pattern[str]) -> str:
    """The text HTML-escaped, each match wrapped in <mark>."""
    pieces, last = [], 0
    for found in pattern.finditer(text):
        pieces += [escape(text[last : found.start()]), f"<mark>{escape(found.group(0))}</mark>"]
        last = found.end()
    return "".join(pieces) + escape(text[last:])


def snippet(text: str, pattern: re.Pattern[str]) -> str | None:
    """About SNIPPET_LENGTH characters around the first match, cut at word boundaries."""
    first = pattern.search(text)
    if first is None:
        return None
    start = max(0, min(first.start() - SNIPPET_LENGTH // 4, len(text) - SNIPPET_LENGTH))
    space = text.find(" ", start, first.start())
    start = space + 1 if start and space != -1 else start
    window = text[start : start + SNIPPET_LENGTH]
    cut = window.rfind(" ")
    if start + SNIPPET_LENGTH < len(text) and cut > first.end() - start:
        window = window[:cut]
    return mark(window, pattern)


def _field_text(document: Document, name: str) -> str:
    value = document.get(name) or ""
    return " · ".join(value) if isinstance(value, list) else value


def highlights(document: Document, pattern: re.Pattern[str]) -> dict[str, list[str]]:
    """Each highlighted field's snippets, as Elasticsearch returns them: by field. Attached documents'
    titles are short: each one that matches is a fragment of its own, whole."""
    found = {name: [snippet(_field_text(document, name), pattern)] for name in HIGHLIGHT_FIELDS if name != "documents"}
    found["documents"] = [mark(name, pattern) for name in document.get("documents", []) if pattern.search(name)]
    return {name: [fragment for fragment in fragments if fragment] for name, fragments in found.items()}


def significant_words(document: Document) -> set[str]:
    words = words_of(f"{document.get('title', '')} {document.get('summary', '')}")
    return {word for word in words if len(word) >= MIN_STEM and word not in STOP_WORDS}


def relatedness(source: Document, other: Document) -> int:
    shared = sum(
        weight * len(facet_values(source, FACETS_BY_NAME[name]) & facet_values(other, FACETS_BY_NAME[name]))
        for name, weight in RELATED_WEIGHTS.items()
    )
    return shared + len(significant_words(source) & significant_words(other))


class DatabaseEngine:
    """Answers searches, suggestions and related content from the SearchEntry table."""

    name = "database"

    def search(self, request: SearchRequest) -> SearchResponse:
        started = time.perf_counter()
        query = parse_text(request.q) if request.q else None
        if fts.available():
            return self._search_in_sqlite(request, query, started)
        rows = candidates(query).values_list("text", "document")
        matched: list[Document] = []
        scores: dict[int, float] = {}
        lengths: dict[int, int] = {}
        holding: Counter[Term] = Counter()  # entries holding each term, filtered out or not: BM25's rarity
        counts: dict[str, Counter[str]] = {facet.name: Counter() for facet in FACETS}
        for text, document in rows.iterator():
            present = query.present(text) if query else []
            holding.update(set(present))  # a term in two parts of the query counts once
            found = query.enough(present) if query else []
            if query and not found:
                continue
            values = {facet.name: facet_values(document, facet) for facet in FACETS}
            failed = failed_facets(values, request)
            count_facets(counts, values, failed)
            if not failed:
                matched.append(document)
                scores[document["id"]] = score(document, found, query) if query else 0.0
                lengths[document["id"]] = len(WORD.findall(text))
        if query and matched:
            add_bm25(scores, matched, lengths, query, holding)
            add_reuse(scores, matched)
        ranked = order(matched, request.effective_sort(), scores)
        page = ranked[request.offset : request.offset + request.page_size]
        return self._response(request, query, page, len(matched), counts, started)

    def _search_in_sqlite(self, request: SearchRequest, query: TextQuery | None, started: float) -> SearchResponse:
        """Matched, ranked, filtered and counted by SQLite; only the page's documents are read."""
        index = fts.snapshot()
        scores = fts.matched(query.fts) if query and query.terms else {}
        candidates = index.known(scores) if query else index.all_ids()
        passed, counts = index.filter_and_count(candidates, request.filters)
        ids = index.ordered(passed, request.effective_sort(), scores)
        page = self.documents(ids[request.offset : request.offset + request.page_size])
        return self._response(request, query, page, len(ids), counts, started)

    def _response(self, request, query, page, total, counts, started) -> SearchResponse:
        pattern = query.highlighter() if query and query.terms else None
        return SearchResponse(
            request=request,
            total=total,
            results=[
                hit_from_document(document, highlights(document, pattern) if pattern else {}) for document in page
            ],
            facets=build_facet_results(request, top_counts(counts)),
            engine=self.name,
            took_ms=round((time.perf_counter() - started) * 1000),
            suggestion=query.suggestion if query else None,
            # The words are corrected before they are looked for: the results are the correction's.
            corrected_from=request.q if query and query.suggestion and total else None,
        )

    def suggest(self, prefix: str, size: int = 8) -> list[dict[str, Any]]:
        prefix = " ".join(prefix.lower().split())[:100]
        if not prefix:
            return []
        starts_word = re.compile(rf"(?<!\w){re.escape(prefix)}")
        titles = SearchEntry.objects.filter(title__icontains=prefix).values_list("title", "content_type", "document")
        options = [
            {"text": title, "type": kind, "url": document.get("url", ""), "weight": TITLE_SUGGESTION_WEIGHT}
            for title, kind, document in titles
        ]
        found = [option for option in [*options, *suggestion_entries()] if starts_word.search(option["text"].lower())]
        found.sort(key=lambda o: (not o["text"].lower().startswith(prefix), -o.get("weight", 0), o["text"].casefold()))
        suggestions: dict[str, dict[str, Any]] = {}
        for option in found:
            suggestions.setdefault(
                option["text"], {"text": option["text"], "type": option["type"], "url": option["url"]}
            )
        return list(suggestions.values())[:size]

    def related(self, page_id: int, size: int = 5) -> list[Hit]:
        entry = SearchEntry.objects.filter(pk=page_id).first()
        if entry is None:
            return []
        source, pioneer = entry.document, entry.document.get("pioneer")
        others = SearchEntry.objects.filter(content_type=entry.content_type).exclude(pk=page_id)
        scores: dict[int, float] = {}
        similar: list[Document] = []
        for document in others.values_list("document", flat=True):
            if pioneer and document.get("pioneer") == pioneer:
                continue
            scores[document["id"]] = relatedness(source, document)
            if scores[document["id"]] > 0:
                similar.append(document)
        return [hit_from_document(document) for document in order(similar, "relevance", scores)[:size]]

    def documents(self, page_ids: list[int]) -> list[Document]:
        found = dict(SearchEntry.objects.filter(pk__in=page_ids).values_list("pk", "document"))
        return [found[page_id] for page_id in page_ids if page_id in found]
