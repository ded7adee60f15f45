"""The one place where the nature app looks at the cbi app, which is built alongside it.

The profile page's "City Biodiversity Index" chapter needs to know whether the jurisdiction
has a CBI assessment the reader may see. The cbi app is found at run time through
`django.apps`; when it is not installed, has no such model, or its table does not exist yet,
the chapter says "not started", as it does when there is no visible assessment.
Only `jurisdiction`, `is_published`, `year`, `status`, `total` and `max_points` are relied upon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import DatabaseError, transaction
from django.urls import NoReverseMatch

from ecotrack.accounts import permissions
from ecotrack.places.models import Jurisdiction


@dataclass(frozen=True)
class CbiAssessmentSummary:
    year: int
    status: str
    total: int | None
    max_points: int | None
    is_published: bool
    url: str


def latest_assessment(jurisdiction: Jurisdiction, user: Any) -> CbiAssessmentSummary | None:
    try:
        model = apps.get_model("cbi", "Assessment")
    except LookupError:
        return None
    try:
        # A savepoint: on PostgreSQL a failed query would otherwise spoil the transaction.
        with transaction.atomic():
            found = (
                permissions.visible(model.objects.filter(jurisdiction=jurisdiction), user)
                .order_by("-year")
                .first()
            )
    except DatabaseError:
        return None  # the cbi app's tables are not migrated on this installation yet
    if found is None:
        return None
    try:
        url = found.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        url = ""
    return CbiAssessmentSummary(
        year=getattr(found, "year", 0),
        status=str(getattr(found, "status", "")),
        total=getattr(found, "total", None),
        max_points=getattr(found, "max_points", None),
        is_published=bool(found.is_published),
        url=url,
    )
