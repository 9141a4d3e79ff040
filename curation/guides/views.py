"""The public guides: a list and one page per live guide."""

from django.shortcuts import get_object_or_404, render

from .models import Guide


def guide_list(request):
    return render(request, "guides/guide_list.html", {"guides": Guide.objects.filter(live=True)})


def guide_detail(request, slug):
    guide = get_object_or_404(Guide, slug=slug, live=True)
    return render(request, "guides/guide_detail.html", {"guide": guide, "items": guide.public_items()})
