from decimal import Decimal, InvalidOperation

from django import template

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
