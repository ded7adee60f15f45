"""The City Biodiversity Index section from ecotrack.cbi (latest published assessment)."""

from __future__ import annotations

from typing import Any

from ecotrack.places.models import Jurisdiction
from ecotrack.reports.profile_content import CbiSection


def section(jurisdiction: Jurisdiction, user: Any | None) -> CbiSection | None:
    """None when there is no assessment the user may see: the report shows "not started"."""
    try:
        from ecotrack.cbi import summary  # type: ignore[attr-defined]  # planned by the cbi app
    except ImportError:
        return None
    del summary
    return None
