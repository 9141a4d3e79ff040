from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "curation.analytics"
    label = "analytics"
    verbose_name = "Search analytics"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished

        from curation.analytics.recording import pending, record_search
        from search.extensions import register_recorder

        register_recorder(record_search)
        # Rows are written once the response has gone, so logging adds next to nothing to a search.
        request_finished.connect(pending.flush_after_response, dispatch_uid="analytics_flush")
