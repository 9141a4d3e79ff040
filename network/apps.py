from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Virtual network"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search.extensions import register_panel

        from . import signals
        from .search_panel import save_search_panel

        signals.connect()
        register_panel(save_search_panel)
