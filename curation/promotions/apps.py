from django.apps import AppConfig


class PromotionsConfig(AppConfig):
    name = "curation.promotions"
    label = "promotions"
    verbose_name = "Promoted results"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from curation.promotions.selection import picks_for
        from search.extensions import register_promoter

        register_promoter(picks_for)
