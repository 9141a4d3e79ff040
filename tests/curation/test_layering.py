"""Curation builds on search, never the other way: search reaches curators' tools only through
search.extensions, which the curation apps fill from their AppConfig.ready()."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

from search.extensions import hooks

SEARCH = Path(settings.BASE_DIR) / "search"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_search_module_imports_curation():
    imports = {str(path.relative_to(SEARCH.parent)): imported_modules(path) for path in SEARCH.rglob("*.py")}
    offenders = {path: sorted(n for n in names if n.split(".")[0] == "curation") for path, names in imports.items()}
    assert {path: names for path, names in offenders.items() if names} == {}
    assert len(imports) > 30 and "search.engines" in imports["search/web/answer.py"], "the walk must read search/"


def test_the_curation_apps_fill_the_hook_points():
    from curation.analytics.recording import record_search
    from curation.promotions.selection import picks_for

    assert hooks.recorder is record_search
    assert hooks.promoter is picks_for
