from django import template

from casestudies.models import CaseStudyPage
from curation import checklist

register = template.Library()


@register.inclusion_tag("curation/checklist_notice.html", takes_context=True)
def checklist_notice(context, page):
    """In a preview only: what the moderation checklist still lacks. The public never sees it."""
    request = context.get("request")
    if not getattr(request, "is_preview", False) or not isinstance(page, CaseStudyPage):
        return {"show": False}
    return {"show": True, "gaps": checklist.gaps(checklist.draft_of(page))}
