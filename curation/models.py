"""What curation keeps in the database: which groups write for which pioneer, and its own permissions."""

from django.contrib.auth.models import Group
from django.db import models


class PioneerAuthors(models.Model):
    """The authors' group of one pioneer page (a pioneer or a virtual-network area).

    The link, not the group's name, says whose group it is, so a rename of the
    pioneer renames the group and two pioneers with one name still get a group each.
    """

    pioneer = models.OneToOneField("casestudies.PioneerPage", on_delete=models.CASCADE, related_name="authors_role")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="pioneer_authors")
    # Where the authors upload documents, and the only documents they may choose (curation.roles).
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.SET_NULL, null=True, blank=True, related_name="pioneer_authors"
    )

    class Meta:
        verbose_name = "pioneer's authors"
        verbose_name_plural = "pioneers' authors"

    def __str__(self) -> str:
        return self.group.name


class NetworkDrafters(models.Model):
    """The group of network members a curator lets draft case studies for their area (one pioneer page).

    Made on a curator's first grant for the area (curation.roles.ensure_drafters); as with the authors,
    the link says whose group it is, and deleting the area deletes it (curation.signals).
    """

    area = models.OneToOneField("casestudies.PioneerPage", on_delete=models.CASCADE, related_name="drafters_role")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="network_drafters")

    class Meta:
        verbose_name = "area's network drafters"
        verbose_name_plural = "areas' network drafters"

    def __str__(self) -> str:
        return self.group.name


class Curation(models.Model):
    """Holds curation's own permissions, as wagtailadmin.Admin holds access_admin; it has no rows."""

    class Meta:
        default_permissions = ()
        permissions = [
            ("view_reports", "Can see the curators' reports"),
            ("manage_drafters", "Can let network members draft case studies for their area"),
        ]

    def __str__(self) -> str:
        return "Curation"
