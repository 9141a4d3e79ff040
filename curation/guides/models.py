"""Guides: a curator's introduction and an ordered path through case studies, barriers and workarounds.

"Getting information sharing agreed" gathers what several pioneers learnt into
one reading list. A guide is public when it is live; the pages in it are shown
only while they are public themselves, so a guide never leaks a draft.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from casestudies.markdown import markdown_to_text
from casestudies.models import BarrierPage, CaseStudyPage, WorkaroundPage, meta_description
from casestudies.visibility import visible

GUIDE_PAGE_TYPES = (CaseStudyPage, BarrierPage, WorkaroundPage)


class Guide(index.Indexed, ClusterableModel):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True, help_text="The guide's address: /guides/<slug>/.")
    introduction = models.TextField(help_text="Markdown: what the guide is for and how to read it.")
    live = models.BooleanField(default=False, help_text="Shown to the public.")
    featured = models.BooleanField(default=False, help_text="Shown on the home page (when live).")
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("live"), FieldPanel("featured")], heading="Publishing"),
        InlinePanel("items", label="Page", heading="Pages, in reading order", min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guide", args=[self.slug])

    def meta_description(self) -> str:
        return meta_description(markdown_to_text(self.introduction))

    def get_sitemap_urls(self, request=None) -> list[dict]:
        """The guide's sitemap entry, at the Wagtail site's address as the pages' entries are."""
        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        root = site.root_url if site else ""
        return [{"location": f"{root}{self.get_absolute_url()}", "lastmod": self.updated_at}]

    def public_items(self) -> list[GuideItem]:
        """The guide's items whose pages the public may see, in order, each page in its specific type."""
        items = list(self.items.select_related("page"))
        public = set(visible(Page.objects.filter(pk__in=[item.page_id for item in items])).values_list("pk", flat=True))
        shown = [item for item in items if item.page_id in public]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=[i.page_id for i in shown]).specific()}
        for item in shown:
            item.page = specific[item.page_id]
        return shown


class GuideItem(Orderable):
    guide = ParentalKey(Guide, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=300, blank=True, help_text="Optional: why it is here, what to look for.")

    panels = [PageChooserPanel("page", page_type=[model._meta.label for model in GUIDE_PAGE_TYPES]), FieldPanel("note")]

    @property
    def kind(self) -> str:
        return self.page.specific_class._meta.verbose_name

    def clean(self):
        if self.page_id and not isinstance(self.page.specific, GUIDE_PAGE_TYPES):
            raise ValidationError({"page": "Choose a case study, barrier or workaround."})
