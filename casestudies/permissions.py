"""Deprecated: each pioneer's group is now its authors' role, kept by curation (curation.roles).

The group is made and renamed by signals whenever a pioneer page is saved, so
nothing needs to call these; they remain so that older callers keep working.
"""

from __future__ import annotations

import warnings

from django.contrib.auth.models import Group


def editors_group_name(pioneer) -> str:
    """Deprecated: the name of the pioneer's authors' group (curation.roles.authors_group_name)."""
    warnings.warn("Use curation.roles.authors_group_name", DeprecationWarning, stacklevel=2)
    from curation.roles import authors_group_name

    return authors_group_name(pioneer, getattr(getattr(pioneer, "authors_role", None), "group", None))


def ensure_pioneer_editors(pioneer) -> Group:
    """Deprecated: the pioneer's authors' group (curation.roles.ensure_authors), who write but never publish."""
    warnings.warn(
        "ensure_pioneer_editors is no longer needed: curation keeps each pioneer's authors' group",
        DeprecationWarning,
        stacklevel=2,
    )
    from curation.roles import ensure_authors

    return ensure_authors(pioneer)
