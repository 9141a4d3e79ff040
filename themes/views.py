"""Admin views for curators: merge a term into another, and refuse deleting a term in use."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.snippets.views.snippets import DeleteView

from .merging import MergeRefused, merge
from .usage import TermInUse, describe, term_uses


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(queryset=None, label="Merge into", empty_label="Choose the term that stays")

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = type(source)._default_manager.exclude(pk=source.pk)


def can_merge(user, model) -> bool:
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}") and user.has_perm(
        f"{opts.app_label}.delete_{opts.model_name}"
    )


def merge_view(request, pk, *, viewset):
    model = viewset.model
    if not can_merge(request.user, model):
        raise PermissionDenied
    source = get_object_or_404(model, pk=pk)
    form = MergeForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        try:
            result = merge(source, form.cleaned_data["target"])
        except MergeRefused as error:
            form.add_error("target", str(error))
        else:
            messages.success(request, result.describe())
            return redirect(viewset.get_url_name("list"))
    return TemplateResponse(
        request,
        "themes/merge.html",
        {
            "source": source,
            "form": form,
            "uses": describe(term_uses(source)),
            "kind": model._meta.verbose_name,
            "page_title": f"Merge {model._meta.verbose_name}",
            "header_title": f"Merge “{source}”",
            "cancel_url": viewset.get_url_name("list"),
        },
    )


class TermDeleteView(DeleteView):
    """Deleting a term that pages still use would silently strip it from them: refused, with the uses named."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        uses = term_uses(self.object)
        if uses:
            context["is_protected"] = True
            context["in_use_message"] = str(TermInUse(self.object, uses))
            context["merge_url"] = self.object.snippet_viewset.get_url_name("merge")
        return context

    def form_valid(self, form):
        uses = term_uses(self.object)
        if uses:
            messages.error(self.request, str(TermInUse(self.object, uses)))
            return redirect(self.request.path)
        return super().form_valid(form)
