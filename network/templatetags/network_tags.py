"""Form fields in the NHS design system's markup, the "We reused this" and "Questions and answers" panels on pages,
and the member's questions on "Your account"."""

from __future__ import annotations

from django import forms, template
from django.conf import settings

register = template.Library()

_WIDGET_CLASSES = (
    (forms.Textarea, "nhsuk-textarea"),
    (forms.Select, "nhsuk-select"),
    (forms.CheckboxInput, "nhsuk-checkboxes__input"),
)


@register.filter
def is_honeypot(field) -> bool:
    """The sign-up field only bots fill in: kept out of sight and out of the error summary."""
    return field.name == getattr(settings, "ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD", None)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def nhsuk_widget(field):
    """The field's input with the design system's class, its hint and error named by aria-describedby."""
    widget = field.field.widget
    css = next((name for kind, name in _WIDGET_CLASSES if isinstance(widget, kind)), "nhsuk-input")
    if field.errors:
        css += {"nhsuk-textarea": " nhsuk-textarea--error", "nhsuk-select": " nhsuk-select--error"}.get(
            css, "" if css.startswith("nhsuk-checkboxes") else " nhsuk-input--error"
        )
    described = [f"{field.auto_id}-hint"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {"class": f"{widget.attrs.get('class', '')} {css}".strip()}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if is_honeypot(field):
        attrs.update(tabindex="-1", autocomplete="off")
    widget.attrs.pop("style", None)  # allauth hides its honeypot with a style attribute, which our CSP refuses
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("network/includes/area_reuse.html")
def area_reuse(area):
    """On an area's page: what it reused from others, and which of its own pages others reused."""
    from network.reuse import own_work_reused, pages_reused_by

    return {"area": area, "reused": pages_reused_by(area), "travelled": own_work_reused(area)}


@register.inclusion_tag("network/includes/reuse_panel.html", takes_context=True)
def reuse_panel(context, page):
    """ "Reused by N areas" and, for a member whose area is set, the form to record or withdraw it."""
    from network.forms import ReuseForm
    from network.membership import standing_for
    from network.reuse import is_own_work, record_for, reusing_areas

    if not page.pk:  # a preview of a page never saved: nothing to count or record against
        return {"page": page}
    request = context.get("request")
    areas = reusing_areas(page)
    member = standing_for(request) if request is not None else None
    record = record_for(member.area, page) if member and member.area else None
    return {
        "request": request,
        "page": page,
        "areas": areas,
        "member": member,
        "record": record,
        "own_work": bool(member and member.area and is_own_work(member.area, page)),
        "form": ReuseForm(initial={"note": record.note if record else ""}),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("network/includes/questions_panel.html", takes_context=True)
def questions_panel(context, page):
    """The page's published exchanges and, for a member whose area is set, the "Ask the pioneer" form."""
    from network.forms import QuestionForm
    from network.membership import standing_for
    from network.questions import owning_area, published_exchanges

    if not page.pk:  # a preview of a page never saved: nothing to ask about
        return {"page": page}
    request = context.get("request")
    return {
        "request": request,
        "page": page,
        "area": owning_area(page),
        "exchanges": published_exchanges(page),
        "member": standing_for(request) if request is not None else None,
        "form": QuestionForm(),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("network/includes/member_questions.html", takes_context=True)
def member_questions(context):
    """ "Your questions" on the member's account page: each with its status, and its answer once there is one."""
    from network.questions import questions_of

    return {"questions": list(questions_of(context["request"].user))}
