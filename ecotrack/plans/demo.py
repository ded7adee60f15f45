"""Demo plans: Inner Mongolia (150000, from the structured CSV of its 专栏1), Tongliao
(150500) and Xilinhot (152502) (from their plan documents), published. Idempotent: the
files are recognised by their SHA-256, so a second run stores nothing."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from ecotrack.core.plandoc import PlanMeta, parse_plan
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.library import sync_canonical_indicators
from ecotrack.plans.models import MilestoneKind, MilestoneStatus, PlanKind, ReviewMilestone
from ecotrack.plans.sheets import parse_table
from ecotrack.plans.storing import StoreResult, store_parsed_plan

REFERENCE = Path(__file__).resolve().parents[1] / "demo" / "reference"
INNER_MONGOLIA_CSV = REFERENCE / "indicators-innermongolia-2025.csv"
DOCUMENTS = {
    "150500": REFERENCE / "documents" / "plan-tongliao-2021-2025.txt",
    "152502": REFERENCE / "documents" / "plan-xilinhot-2023-2030.txt",
}
# The regional plan's raw text is not shipped; its title and period are those it gives
# itself, and its review dates are its own words: 「2023年和2025年底…中期评估和终期考核」.
INNER_MONGOLIA_TITLE = "内蒙古自治区“十四五”生态环境保护规划"
INNER_MONGOLIA_MILESTONES = (
    (MilestoneKind.MIDTERM, 2023, datetime.date(2023, 12, 31)),
    (MilestoneKind.FINAL, 2025, datetime.date(2025, 12, 31)),
)


def load_inner_mongolia() -> StoreResult:
    meta = PlanMeta(
        title=INNER_MONGOLIA_TITLE, jurisdiction_name="内蒙古自治区", period_start=2021,
        period_end=2025, base_year=2020,
    )
    parsed = parse_table(INNER_MONGOLIA_CSV, meta)
    region = Jurisdiction.objects.get(code="150000")
    result = store_parsed_plan(
        parsed, region, source=INNER_MONGOLIA_CSV.read_bytes(), user=None,
        kind=PlanKind.FIVE_YEAR, publish=True,
    )
    for kind, year, due in INNER_MONGOLIA_MILESTONES:
        ReviewMilestone.objects.get_or_create(
            plan=result.plan, kind=kind, year=year,
            defaults={"due_date": due, "status": MilestoneStatus.PLANNED},
        )
    return result


def load_document(code: str, path: Path) -> StoreResult:
    parsed = parse_plan(path)
    place = Jurisdiction.objects.get(code=code)
    return store_parsed_plan(parsed, place, source=path.read_bytes(), user=None, publish=True)


def load(write: Callable[[str], None]) -> None:
    created, updated = sync_canonical_indicators()
    write(f"Canonical indicators: {created} created, {updated} updated")
    results = [load_inner_mongolia()]
    results += [load_document(code, path) for code, path in DOCUMENTS.items()]
    for result in results:
        plan = result.plan
        if result.created:
            write(
                f"Plan {plan.title} ({plan.jurisdiction.code}): {result.indicators} indicators "
                f"({result.linked} linked to canonical indicators), {result.targets} targets, "
                f"{result.observations} baseline observations, {result.projects} 专栏"
            )
        else:
            write(f"Plan {plan.title} ({plan.jurisdiction.code}) exists, unchanged")
