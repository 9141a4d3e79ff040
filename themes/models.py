"""Taxonomies curators edit: every one has a name, a stable slug and a sort order.

A term's slug appears in search addresses people bookmark, so when a term is
merged into another or its slug changes, the old slug is kept as a redirect.
A term that is still used cannot be deleted: merge it instead.
"""

from django.db import models, transaction
from django.urls import reverse
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

    # The name a term's kind goes by in addresses and redirects ("theme", "barrier_category", ...).
    kind: str = ""

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.pk:
                old_slug = type(self).objects.filter(pk=self.pk).values_list("slug", flat=True).first()
                if old_slug and old_slug != self.slug:
                    SlugRedirect.point(self.kind, old_slug, self.slug)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        from .usage import TermInUse, term_uses

        uses = term_uses(self)
        if uses:
            raise TermInUse(self, uses)
        return super().delete(*args, **kwargs)


class SlugRedirect(models.Model):
    """An old slug of a term and the slug it now goes by, so old search addresses keep working."""

    kind = models.CharField(max_length=32)
    old_slug = models.CharField(max_length=100)
    new_slug = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "old_slug"], name="themes_slugredirect_unique")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.old_slug} → {self.new_slug}"

    @classmethod
    def point(cls, kind: str, old_slug: str, new_slug: str) -> None:
        """old_slug now means new_slug; earlier redirects to old_slug follow it, and new_slug is no longer old."""
        cls.objects.filter(kind=kind, old_slug=new_slug).delete()
        cls.objects.filter(kind=kind, new_slug=old_slug).update(new_slug=new_slug)
        cls.objects.update_or_create(kind=kind, old_slug=old_slug, defaults={"new_slug": new_slug})

    @classmethod
    def current(cls, kind: str, slugs) -> dict[str, str]:
        """Of these slugs, the old ones and what each now is."""
        rows = cls.objects.filter(kind=kind, old_slug__in=list(slugs)).values_list("old_slug", "new_slug")
        return dict(rows)


class Region(Taxonomy):
    kind = "region"

    class Meta(Taxonomy.Meta):
        verbose_name = "NHS England region"


class Theme(Taxonomy):
    kind = "theme"

    class Meta(Taxonomy.Meta):
        verbose_name = "theme"

    def get_absolute_url(self) -> str:
        return reverse("theme", args=[self.slug])


class BarrierCategory(Taxonomy):
    kind = "barrier_category"

    class Meta(Taxonomy.Meta):
        verbose_name = "barrier category"
        verbose_name_plural = "barrier categories"

    def get_absolute_url(self) -> str:
        return reverse("barrier-category", args=[self.slug])


class CareGroup(Taxonomy):
    kind = "care_group"

    class Meta(Taxonomy.Meta):
        verbose_name = "care group"


class Stage(Taxonomy):
    kind = "stage"

    class Meta(Taxonomy.Meta):
        verbose_name = "stage"
