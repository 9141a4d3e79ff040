from django import template

register = template.Library()


@register.inclusion_tag("search/related.html")
def related_content(page):
    from search.related import related_for_page

    return {"related": related_for_page(page), "page": page}
