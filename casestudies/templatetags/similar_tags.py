"""'Similar approaches at other pioneers' as design-system cards, from search's related content."""

from django import template

register = template.Library()


@register.inclusion_tag("casestudies/includes/similar.html")
def similar_approaches(page):
    from search.web.related import related_for_page

    return {"related": related_for_page(page)}
