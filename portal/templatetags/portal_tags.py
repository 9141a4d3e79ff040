"""The page shell's moving parts: the header navigation with the current section, and breadcrumbs.

Both work from the template context alone (a request if there is one, a page if
there is one), so the 500 page, rendered without either, can use the shell too.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse

register = template.Library()


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    current: str = ""  # the aria-current value: "page" on the page itself, "true" elsewhere in its section


def navigation_links(path: str | None) -> list[Link]:
    sections = [("Pioneers", "/pioneers/"), ("Guides", reverse("guides")), ("Search", reverse("search"))]
    links = []
    for title, url in sections:
        current = "page" if path == url else "true" if path and path.startswith(url) else ""
        links.append(Link(title, url, current))
    return links


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context):
    request = context.get("request")
    path = getattr(request, "path", None)
    links = navigation_links(path)
    user = getattr(request, "user", None)
    if user is not None:  # the 500 page has no request: no account link there
        if user.is_authenticated:
            title, url = "Your account", reverse("network_account")
        else:
            title, url = "Sign in", reverse("account_login")
        in_section = bool(path and path.startswith("/account/"))
        links.append(Link(title, url, "page" if path == url else "true" if in_section else ""))
    return {"links": links}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context, page):
    """The page's ancestors below the tree root, the site's root page called "Home"."""
    request = context.get("request")
    trail = [
        Link("Home" if ancestor.depth == 2 else ancestor.title, ancestor.get_url(request))
        for ancestor in page.get_ancestors().filter(depth__gt=1)
    ]
    return {"trail": trail}


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*titles_and_urls):
    """A trail for a page that is not a Wagtail page: {% breadcrumbs "Home" "/" "Guides" guides_url %}."""
    if len(titles_and_urls) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes pairs: a title, then its URL")
    pairs = zip(titles_and_urls[::2], titles_and_urls[1::2], strict=True)
    return {"trail": [Link(title, url) for title, url in pairs]}
