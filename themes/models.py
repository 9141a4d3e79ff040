"""Taxonomies curators edit: every one has a name, a stable slug and a sort order."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Taxonomy(index.Indexed, models.Model):
    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses and search filters; change it only with care.",
    )
    description = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Region(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = "NHS England region"


class Theme(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = "theme"


class BarrierCategory(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = "barrier category"
        verbose_name_plural = "barrier categories"


class CareGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = "care group"


class Stage(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = "stage"
