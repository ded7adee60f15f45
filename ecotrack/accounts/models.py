"""Who may do what where: a user's role in a jurisdiction."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecotrack.places.models import Jurisdiction


class Role(models.TextChoices):
    # Changes the content of exactly this jurisdiction.
    EDITOR = "editor", _("Editor")
    # Reads unpublished content of this jurisdiction and of every jurisdiction below it.
    REVIEWER = "reviewer", _("Reviewer")
    # Reviews and edits this jurisdiction and everything below it, and manages its members.
    ADMINISTRATOR = "administrator", _("Administrator")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("jurisdiction"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "jurisdiction", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.jurisdiction}"
