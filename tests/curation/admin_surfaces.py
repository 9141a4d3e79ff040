"""Every admin surface where a page's title could show: for tests that someone cannot see others' drafts."""

from __future__ import annotations

from django.urls import reverse


def admin_surfaces(client, site, kent) -> dict[str, str]:
    """Every admin listing, search, chooser and report an author can reach, and the draft pages' own views."""
    _home, index = site
    urls = {
        "dashboard": "/admin/",
        "explorer: pioneers": f"/admin/pages/{index.pk}/",
        "explorer: other pioneer": f"/admin/pages/{kent.pioneer.pk}/",
        "explorer: other case study": f"/admin/pages/{kent.study.pk}/",
        # Searches by words of the drafts' titles other than the secret, which a search page echoes.
        "admin search": "/admin/pages/search/?q=unannounced",
        "admin search, barrier": "/admin/pages/search/?q=draft",
        "admin search, rename": "/admin/pages/search/?q=renamed",
        "chooser: other pioneer": f"/admin/choose-page/{kent.pioneer.pk}/",
        "chooser search": "/admin/choose-page/search/?q=draft",
        "explorer api": f"/admin/api/main/pages/?child_of={kent.pioneer.pk}&for_explorer=1",
        "explorer api search": "/admin/api/main/pages/?search=draft",
        "site history": "/admin/reports/site-history/",
        "workflows": "/admin/reports/workflow/",
        "workflow tasks": "/admin/reports/workflow_tasks/",
        "aging pages": "/admin/reports/aging-pages/",
    }
    for page in [kent.pioneer, *kent.drafts()]:
        for view in ["edit", "view_draft", "history", "preview_on_edit"]:
            urls[f"{view} of {page.title}"] = reverse(f"wagtailadmin_pages:{view}", args=[page.pk])
        urls[f"chooser opened on {page.title}"] = reverse("wagtailadmin_choose_page_child", args=[page.pk])
        urls[f"chooser choosing {page.title}"] = reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={page.pk}"
    return {name: client.get(url, follow=True).content.decode() for name, url in urls.items()}
