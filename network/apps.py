from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Virtual network"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search.extensions import register_document_fields, register_panel

        from . import signals
        from .search_fields import reuse_fields
        from .search_panel import save_search_panel

        signals.connect()
        register_panel(save_search_panel)
        register_document_fields(reuse_fields)
