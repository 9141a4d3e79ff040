"""Admin forms with rules of their own."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class WorkaroundForm(WagtailAdminPageForm):
    """A workaround addresses barriers of its own case study, so that is all the barrier list offers.

    Drafts of that case study's barriers are offered too (a workaround may be
    drafted alongside its barrier); nothing from another case study or another
    pioneer, published or not, can be chosen or posted.
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from .models import BarrierPage

        study = self.instance.get_parent() if self.instance.pk else parent_page
        barriers = BarrierPage.objects.child_of(study).order_by("title") if study else BarrierPage.objects.none()
        formset = self.formsets["barrier_links"]
        base_form = formset.form

        class BarrierLinkForm(base_form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["barrier"].queryset = barriers
                self.fields["barrier"].empty_label = "Choose a barrier of this case study"

        formset.form = BarrierLinkForm
