"""The portal's public search.

At this level, the contract every engine and page shares: facets (declared
once), the request, the response and the vocabulary (acronyms and synonyms).
Below it:
- engines/   the engine protocol and fallback (base), one sub-package per engine;
- indexing/  pages -> documents, the durable queue, sync, signals, rebuild and drift;
- web/       the search page, the JSON API, the Atom feed and CSV export.
See docs/architecture.md.
"""
