from django import template

from curation.guides.models import Guide

register = template.Library()


@register.inclusion_tag("guides/featured.html")
def featured_guides():
    return {"guides": Guide.objects.filter(live=True, featured=True)}
