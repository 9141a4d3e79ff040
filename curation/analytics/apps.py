from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "curation.analytics"
    label = "analytics"
    verbose_name = "Search analytics"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        import atexit

        from django.core.signals import request_finished
        from django.db import close_old_connections

        from curation.analytics.recording import pending, record_search
        from search.extensions import register_recorder

        register_recorder(record_search)
        # Rows are written once the response has gone, so logging adds next to nothing to a search; this
        # receiver runs before Django closes an expired database connection, so a write made as the response
        # closes (SEARCH_LOG_WRITE_SECONDS = 0) reuses the request's own.
        request_finished.connect(pending.flush_after_response, dispatch_uid="analytics_flush")
        if request_finished.disconnect(close_old_connections):
            request_finished.connect(close_old_connections)
        atexit.register(pending.write_before_exit)  # a graceful restart writes what waits for the timer
