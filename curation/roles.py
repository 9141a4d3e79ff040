"""Who may do what: each pioneer's authors, the exchange's curators, and the network's drafters.

Authors add, edit and submit for moderation under their own pioneer's page and
nowhere else; they never publish. They upload documents into their pioneer's
own collection and choose only from it. Curators publish anywhere under the home
page, moderate, manage every document, and look after the vocabularies. Network members
(people from the areas, signed up through network/) get a group with no permission at all:
they never reach the Wagtail admin unless a curator grants it. A member a curator lets draft
for their area (network.drafting) joins the area's drafters: they add pages under the area's
page, edit only the pages they made, submit them to the same moderation, never publish, and
use the area's documents as its authors do. Migration 0002 creates the first two roles, 0005
the network members', a curator's first grant for an area its drafters'; curation.signals keeps
them in step as pioneers are added or renamed, and every `migrate` re-applies
CURATOR_PERMISSIONS and the roles' rights (sync_roles).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from casestudies.models import HomePage, PioneerPage

from .models import NetworkDrafters, PioneerAuthors

CURATORS = "Exchange curators"
NETWORK_MEMBERS = "Network members"
GROUP_NAME_LENGTH = 150  # auth.Group.name

AUTHOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Wagtail's "add" alone: create pages below the area's page, edit only those one owns, submit them for moderation.
DRAFTER_PAGE_PERMISSIONS = ("add_page",)
CURATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Wagtail's "add" also lets people edit and delete the documents they uploaded themselves.
AUTHOR_DOCUMENT_PERMISSIONS = ("wagtaildocs.add_document", "wagtaildocs.choose_document")
CURATOR_DOCUMENT_PERMISSIONS = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
)
COLLECTION_NAME_LENGTH = 255  # wagtailcore.Collection.name

_TAXONOMIES = ("theme", "barriercategory", "caregroup", "stage", "region")
_EDIT = ("add", "change", "delete", "view")

# Everything curators may do besides pages and moderation, as "app_label.codename". The one list:
# promotions, guides and reports add their permissions here, and the next `migrate` grants them.
CURATOR_PERMISSIONS: tuple[str, ...] = (
    "wagtailadmin.access_admin",
    *(f"themes.{action}_{model}" for model in _TAXONOMIES for action in _EDIT),
    *(f"search.{action}_searchsynonym" for action in _EDIT),
    *(f"taggit.{action}_tag" for action in _EDIT),
    *(f"guides.{action}_guide" for action in _EDIT),
    *(f"promotions.{action}_promotion" for action in _EDIT),
    "analytics.view_searchlog",
    "casestudies.set_review_date",
    "curation.view_reports",
    "network.curate_questions",
    "curation.manage_drafters",
)


def _permission(name: str) -> Permission:
    app_label, codename = name.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist as error:
        raise ImproperlyConfigured(f"The roles name a permission that does not exist: {name}") from error


def _page_permission(codename: str) -> Permission:
    return _permission(f"wagtailcore.{codename}")


def _fit(title: str, suffix: str) -> str:
    return title[: GROUP_NAME_LENGTH - len(suffix)].rstrip() + suffix


def _group_name(pioneer: PioneerPage, role: str, group: Group | None) -> str:
    """The name "<pioneer> <role>"; with the slug, then the page id, if another group has that one."""
    candidates = [
        _fit(pioneer.title, f" {role}"),
        _fit(pioneer.title, f" ({pioneer.slug}) {role}"),
        _fit(pioneer.title, f" (page {pioneer.pk}) {role}"),
    ]
    others = Group.objects.exclude(pk=group.pk) if group else Group.objects.all()
    taken = set(others.filter(name__in=candidates).values_list("name", flat=True))
    return next((name for name in candidates if name not in taken), candidates[-1])


def authors_group_name(pioneer: PioneerPage, group: Group | None = None) -> str:
    """The group's name, "<pioneer> authors"; with the slug, then the page id, if another group has it."""
    return _group_name(pioneer, "authors", group)


def drafters_group_name(area: PioneerPage, group: Group | None = None) -> str:
    """The group's name, "<area> network drafters", made unique as the authors' is."""
    return _group_name(area, "network drafters", group)


def _grant_exactly(group: Group, collection: Collection, names: tuple[str, ...]) -> None:
    """The group's collection permissions become exactly these, on this collection."""
    wanted = [_permission(name) for name in names]
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection, permission__in=wanted).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _authors_collection(role: PioneerAuthors, pioneer: PioneerPage) -> Collection:
    """The pioneer's own document collection, "<pioneer> documents", made on first use and renamed with it."""
    name = _fit(pioneer.title, " documents")[:COLLECTION_NAME_LENGTH]
    collection = role.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
        role.collection = collection
        role.save(update_fields=["collection"])
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def _role_of(model, field: str, page: PioneerPage, group_name):
    """The page's row of a role model (PioneerAuthors, NetworkDrafters) with its group, both made on first use;
    the group named by `group_name` as the page is now."""
    role = model.objects.select_related("group").filter(**{f"{field}_id": page.pk}).first()
    if role is None:
        return model.objects.create(**{f"{field}_id": page.pk}, group=Group.objects.create(name=group_name(page)))
    name = group_name(page, role.group)
    if role.group.name != name:
        role.group.name = name
        role.group.save(update_fields=["name"])
    return role


@transaction.atomic
def ensure_authors(pioneer: PioneerPage) -> Group:
    """The pioneer's authors' group, named after it, with exactly the authors' rights on its page."""
    role = _role_of(PioneerAuthors, "pioneer", pioneer, authors_group_name)
    group = role.group
    group.permissions.add(_permission("wagtailadmin.access_admin"))
    # Exactly these rights: a publish right added by hand would break the rule that authors never publish.
    _grant_pages_exactly(group, pioneer, AUTHOR_PAGE_PERMISSIONS)
    _grant_exactly(group, _authors_collection(role, pioneer), AUTHOR_DOCUMENT_PERMISSIONS)
    return group


def _grant_pages_exactly(group: Group, page: PioneerPage, codenames: tuple[str, ...]) -> None:
    """The group's page permissions become exactly these, on this page."""
    wanted = [_page_permission(codename) for codename in codenames]
    GroupPagePermission.objects.filter(group=group).exclude(page_id=page.pk, permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


@transaction.atomic
def ensure_drafters(area: PioneerPage) -> Group:
    """The area's network drafters' group, made on first use, with exactly the drafters' rights: admin access,
    "add" on the area's page, and the authors' rights on the area's document collection."""
    ensure_authors(area)  # the area's collection
    collection = PioneerAuthors.objects.get(pioneer_id=area.pk).collection
    group = _role_of(NetworkDrafters, "area", area, drafters_group_name).group
    # Exactly these: a right added by hand (change, publish) would let members edit or publish others' work.
    group.permissions.set([_permission("wagtailadmin.access_admin")])
    _grant_pages_exactly(group, area, DRAFTER_PAGE_PERMISSIONS)
    _grant_exactly(group, collection, AUTHOR_DOCUMENT_PERMISSIONS)
    return group


def drafters_groups():
    """Every area's network drafters' group."""
    return Group.objects.filter(network_drafters__isnull=False)


def areas_drafted_for(user):
    """The area pages whose network drafters' group the user is in."""
    if not user.is_authenticated:
        return PioneerPage.objects.none()
    return PioneerPage.objects.filter(drafters_role__group__user=user).order_by("title")


def leave_drafters(user, keep: PioneerPage | None = None) -> list[str]:
    """Take the user out of every drafters' group (but `keep`'s): the names of the areas they left."""
    groups = drafters_groups().filter(user=user).select_related("network_drafters__area")
    if keep is not None:
        groups = groups.exclude(network_drafters__area_id=keep.pk)
    left = list(groups)
    user.groups.remove(*left)
    return [group.network_drafters.area.title for group in left]


def clear_drafters(area: PioneerPage) -> None:
    """No one drafts for the area any more (its group stays, for a later grant)."""
    for group in drafters_groups().filter(network_drafters__area_id=area.pk):
        group.user_set.clear()


def curators_group() -> Group:
    return Group.objects.get_or_create(name=CURATORS)[0]


@transaction.atomic
def ensure_curators() -> Group:
    """The curators' group with CURATOR_PERMISSIONS and the curators' rights on the home page."""
    group = curators_group()
    group.permissions.add(*(_permission(name) for name in CURATOR_PERMISSIONS))
    _grant_exactly(group, Collection.get_first_root_node(), CURATOR_DOCUMENT_PERMISSIONS)
    for home in HomePage.objects.all():
        for codename in CURATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=_page_permission(codename))
    return group


def network_members_group() -> Group:
    """The network members' group: no permissions of its own (a curator may add some by hand)."""
    return Group.objects.get_or_create(name=NETWORK_MEMBERS)[0]


def sync_roles() -> None:
    """Bring every role in line with the code: the curators, each pioneer's authors, each area's drafters."""
    ensure_curators()
    for pioneer in PioneerPage.objects.all():
        ensure_authors(pioneer)
    for role in NetworkDrafters.objects.select_related("area"):
        ensure_drafters(role.area)


def pioneers_authored_by(user):
    """The pioneer pages whose authors' group the user is in."""
    if not user.is_authenticated:
        return PioneerPage.objects.none()
    return PioneerPage.objects.filter(authors_role__group__user=user).order_by("title")
