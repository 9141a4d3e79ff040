"""Background tasks of the search app (django-tasks): run by `manage.py db_worker`, or at once."""

from __future__ import annotations

from django_tasks import task


@task()
def apply_index_changes() -> dict[str, int | str]:
    """Apply the queued index changes that are due (search.indexing.queue)."""
    from search.indexing.queue import apply_due

    result = apply_due()
    return {"applied": result.applied, "failed": result.failed, "error": result.error}
