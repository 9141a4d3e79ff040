"""'Similar approaches at other pioneers' as design-system cards, from search's related content."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/similar.html")
def similar_approaches(page):
    from search.web.related import related_for_page

    return {"related": related_for_page(page)}


@register.filter(name="hit_meta")
def hit_meta(hit) -> str:
    """A related search hit's type and pioneer: "Barrier · Leeds"."""
    from search.templatetags.search_tags import type_label

    return " · ".join(part for part in (type_label(hit.type), (hit.pioneer or {}).get("name", "")) if part)
