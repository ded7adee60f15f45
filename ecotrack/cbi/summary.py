"""What other apps (the CitiesWithNature profile page, reports) need to know about a
jurisdiction's CBI, from stored results only (no rescoring). `latest_published_summary` reads
published data only, so it is safe to show to anyone; `latest_visible_summary` asks the
permission layer for a given user."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ecotrack.accounts import permissions
from ecotrack.cbi.editions import scoring_edition
from ecotrack.cbi.models import Assessment
from ecotrack.places.models import Jurisdiction


def latest_published_summary(jurisdiction: Jurisdiction) -> dict[str, Any] | None:
    """The latest published assessment of `jurisdiction`, or None if there is none.

    {"year": 2024, "edition": "2021", "status": "reviewed", "total": 58, "max_points": 112,
     "answered_max": 80, "provisional_points": 20,
     "components": [{"key": "native_biodiversity", "name": "…", "name_zh": "…",
                     "score": 19, "max_points": 36}, …],
     "baseline_year": 2021, "change_from_baseline": 6, "is_published": True,
     "url": "/cbi/150500/2024/"}

    `change_from_baseline` is the raw change of the total against the first published assessment
    of the same edition (None when this one is that first one).
    """
    published = Assessment.objects.filter(jurisdiction=jurisdiction, is_published=True)
    return _summary(published)


def latest_visible_summary(jurisdiction: Jurisdiction, user: Any) -> dict[str, Any] | None:
    """The same for the latest assessment `user` may read (drafts too, for its reviewers);
    the baseline is then the first assessment the user may read."""
    return _summary(permissions.visible(Assessment.objects.filter(jurisdiction=jurisdiction), user))


def _summary(assessments: QuerySet[Assessment]) -> dict[str, Any] | None:
    latest = assessments.order_by("-year").first()
    if latest is None:
        return None
    edition = scoring_edition(latest.edition)
    baseline = assessments.filter(edition=latest.edition).order_by("year").first()
    is_baseline = baseline is None or baseline.pk == latest.pk
    return {
        "year": latest.year,
        "edition": latest.edition,
        "status": latest.status,
        "total": latest.total,
        "max_points": latest.max_points or edition.max_points,
        "answered_max": latest.answered_max,
        "provisional_points": latest.provisional_points,
        "components": [
            {
                "key": c.key,
                "name": c.name,
                "name_zh": c.name_zh,
                "score": int(latest.component_scores.get(c.key, 0)),
                "max_points": c.max_points,
            }
            for c in edition.components
        ],
        "baseline_year": None if is_baseline or baseline is None else baseline.year,
        "change_from_baseline": (
            None if is_baseline or baseline is None else latest.total - baseline.total
        ),
        "is_published": latest.is_published,
        "url": latest.get_absolute_url(),
    }
