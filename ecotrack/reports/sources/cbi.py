"""The City Biodiversity Index section from ecotrack.cbi: the latest *published* assessment
(`ecotrack.cbi.summary.latest_published_summary`), so a public report and a reviewer's report
show the same, reviewed, scores."""

from __future__ import annotations

from typing import Any

from ecotrack.cbi.summary import latest_published_summary
from ecotrack.places.models import Jurisdiction, localized
from ecotrack.reports.profile_content import CbiComponentItem, CbiSection


def section(jurisdiction: Jurisdiction, user: Any | None) -> CbiSection | None:
    """None when there is no published assessment: the report shows "not started"."""
    summary = latest_published_summary(jurisdiction)
    if summary is None:
        return None
    return CbiSection(
        edition=str(summary["edition"]),
        max_points=int(summary["max_points"]),
        year=summary.get("year"),
        provisional_points=int(summary.get("provisional_points") or 0),
        components=tuple(
            CbiComponentItem(
                key=c["key"],
                title=localized(c.get("name_zh", ""), c.get("name", "")),
                max_points=int(c["max_points"]),
                score=int(c["score"]),
            )
            for c in summary["components"]
        ),
    )
