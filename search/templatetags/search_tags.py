from django import template

register = template.Library()


@register.filter
def type_label(content_type: str) -> str:
    """ "case_study" → "Case study", as the type facet labels it."""
    from search.facets import CONTENT_TYPES

    return CONTENT_TYPES.get(content_type) or content_type.replace("_", " ").capitalize()


TYPE_COLOURS = {"case_study": "blue", "barrier": "orange", "workaround": "green", "guide": "purple"}


@register.filter
def type_colour(content_type: str) -> str:
    """The design system's tag colour for a content type (the tag's words carry the meaning)."""
    return TYPE_COLOURS.get(content_type, "grey")
