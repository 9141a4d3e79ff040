from django.apps import AppConfig
from django.core.signals import request_started


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search.indexing import signals

        signals.connect()
        request_started.connect(_take_up_queue, dispatch_uid="search_take_up_queue")


def _take_up_queue(**kwargs) -> None:
    """On a web process's first request, apply index changes an earlier process or an outage left queued."""
    request_started.disconnect(_take_up_queue, dispatch_uid="search_take_up_queue")
    from search.indexing.queue import kick_if_pending

    kick_if_pending()
