"""The one place where the nature app looks at the cbi app.

The profile page's "City Biodiversity Index" chapter and the awards need to know whether the
jurisdiction has a CBI assessment the reader may see; the cbi app answers that itself
(`ecotrack.cbi.summary.latest_visible_summary`, through the permission layer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecotrack.cbi.summary import latest_visible_summary
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
    summary = latest_visible_summary(jurisdiction, user)
    if summary is None:
        return None
    return CbiAssessmentSummary(
        year=int(summary["year"]),
        status=str(summary["status"]),
        total=summary["total"],
        max_points=summary["max_points"],
        is_published=bool(summary["is_published"]),
        url=str(summary["url"]),
    )
