"""Demo data of the nature app: the real CitiesWithNature profile report of Tongliao (通辽市),
imported and published for 150500. Running it again changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ecotrack.core.cwn import parse_profile_report, read_report_text
from ecotrack.nature.importing import store_report
from ecotrack.places.models import Jurisdiction

REPORT = (
    Path(__file__).resolve().parent.parent
    / "demo" / "reference" / "documents" / "cwn-profile-tongliao.txt"
)


def load(write: Callable[[str], None]) -> None:
    # Runs inside the demo command's transaction and command_actor("demo").
    text = read_report_text(REPORT)
    report = parse_profile_report(text, REPORT.name)
    place = Jurisdiction.objects.get(code="150500")
    result = store_report(report, text, place, publish=True)
    created, updated = sum(result.created.values()), sum(result.updated.values())
    write(f"CitiesWithNature profile of {place}: {created} created, {updated} updated, "
          f"{sum(result.unchanged.values())} unchanged")
