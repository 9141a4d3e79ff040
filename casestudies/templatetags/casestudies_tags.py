from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import date_format

from casestudies.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)


@register.filter(name="plain_number")
def plain_number(value) -> str:
    """2000.00 → "2,000" and 1.10 → "1.1": grouped, no trailing zeros, never "2E+3"."""
    if value is None or value == "":
        return ""
    try:
        text = f"{Decimal(value):,f}"
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


@register.filter(name="tag_colour")
def tag_colour(value: str) -> str:
    """A barrier status or workaround effectiveness → the design system's tag modifier ("nhsuk-tag--green")."""
    from casestudies.choices import TAG_COLOURS

    colour = TAG_COLOURS.get(value)
    return f"nhsuk-tag--{colour}" if colour else ""


@register.filter(name="card_meta")
def card_meta(page) -> str:
    """The one line of facts under a card's heading: a case study's pioneer, stage and date, or an area's
    region and status."""
    if hasattr(page, "date_published"):
        pioneer = getattr(page, "pioneer_page", None)
        parts = [pioneer.title if pioneer else "", page.stage.name if page.stage else ""]
        published = f"published {date_format(page.date_published, 'j F Y')}"
        return " · ".join([part for part in parts if part] + [published])
    parts = [page.region.name if page.region else "", page.get_status_display()]
    return " · ".join(part for part in parts if part)


@register.filter(name="counted")
def counted(number: int, nouns: str) -> str:
    """3|counted:"barrier,barriers" → "3 barriers"."""
    one, many = nouns.split(",")
    return f"{number} {one if number == 1 else many}"
