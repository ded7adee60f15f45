"""Uploads under review: the file, what the parser read, and the officer's corrections.

Nothing here is plan data. A draft is the staging area between "the parser read this" and
"the officer confirmed it"; only confirming writes to the plans tables (through the plans
app's own store function). Open drafts expire; imported drafts stay as the record of which
document was imported when, by whom, with which corrections.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ecotrack.places.models import Jurisdiction

DRAFT_LIFETIME = timedelta(days=7)


def draft_upload_path(instance: ImportDraft, filename: str) -> str:
    # A random stored name: the user's file name is kept in `filename`, never used as a path.
    return f"imports/{instance.jurisdiction.code}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def default_expiry() -> Any:
    return timezone.now() + DRAFT_LIFETIME


class DraftStatus(models.TextChoices):
    OPEN = "open", _("under review")
    IMPORTED = "imported", _("imported")


class ImportDraftQuerySet(models.QuerySet["ImportDraft"]):
    def live(self) -> ImportDraftQuerySet:
        return self.filter(status=DraftStatus.OPEN, expires_at__gt=timezone.now())

    def expired(self) -> ImportDraftQuerySet:
        return self.filter(status=DraftStatus.OPEN, expires_at__lte=timezone.now())


class ImportDraft(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.CASCADE
    )
    file = models.FileField(_("file"), upload_to=draft_upload_path)
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(default=0)
    # The parser's output (ParsedPlan.to_dict()), never changed after the upload.
    parsed = models.JSONField(default=dict)
    # {"plan": {field: value}, "rows": {"<index>": {field: value}}}: what the officer changed.
    corrections = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DraftStatus.choices, default=DraftStatus.OPEN
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    # What the store function reported (e.g. the plan's id and counts), for the record.
    result = models.JSONField(null=True, blank=True)

    objects = ImportDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("plan import draft")
        verbose_name_plural = _("plan import drafts")

    def __str__(self) -> str:
        return f"{self.filename} → {self.jurisdiction.code} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("importers:review", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == DraftStatus.OPEN and self.expires_at > timezone.now()

    def correction_count(self) -> int:
        c = self.corrections or {}
        return len(c.get("plan", {})) + sum(len(v) for v in c.get("rows", {}).values())
