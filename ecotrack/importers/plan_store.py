"""The plans the store already holds, as far as a review needs to know (read only).

Storing itself is `ecotrack.plans.storing.store_parsed_plan`, the same function the
import-plan command calls; the web import has no second implementation.
"""

from __future__ import annotations

from typing import Any

from ecotrack.places.models import Jurisdiction
from ecotrack.plans.models import Plan


def stored_plan_with_source(jurisdiction: Jurisdiction, sha256: str) -> Plan | None:
    """The plan already stored from exactly these bytes for this jurisdiction, if any."""
    return Plan.objects.filter(jurisdiction=jurisdiction, source_sha256=sha256).first()


def stored_plan_like(jurisdiction: Jurisdiction, meta: dict[str, Any]) -> Plan | None:
    """A stored plan with the same title and period (the store refuses a second version)."""
    if not meta.get("title") or not meta.get("period_start"):
        return None
    return Plan.objects.filter(
        jurisdiction=jurisdiction,
        title=meta["title"],
        period_start=meta["period_start"],
        period_end=meta.get("period_end") or meta["period_start"],
    ).first()
