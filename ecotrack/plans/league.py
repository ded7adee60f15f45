"""League table of a region: the places below it ranked by the share of their indicators
met, and the status of every canonical indicator per place (for the cascade of columns).

Each place is judged by its own plan (a five-year plan first, as the resolver ranks them)
and the target year asked for when that plan has one, else its next deadline; the year used
is shown on every row, so rows of different plans are never silently mixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecotrack.accounts.permissions import visible
from ecotrack.core.compliance import Status
from ecotrack.places.models import Jurisdiction
from ecotrack.plans import compliance
from ecotrack.plans.assigned import TEMPLATE_KEY as ASSIGNED_TARGETS
from ecotrack.plans.models import Plan, PlanKind


@dataclass
class LeagueRow:
    jurisdiction: Jurisdiction
    plan: Plan
    year: int | None
    counts: dict[str, int]
    by_key: dict[str, str] = field(default_factory=dict)
    rank: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def met(self) -> int:
        return self.counts[Status.MET.value]

    @property
    def share_met(self) -> float:
        return self.met / self.total if self.total else 0.0

    @property
    def percent_met(self) -> int:
        return round(100 * self.share_met)


def _preferred(plans: list[Plan]) -> Plan:
    return min(plans, key=lambda p: (compliance.KIND_PREFERENCE.get(PlanKind(p.kind), 9),
                                     -p.period_start, p.pk))


def league_table(
    root: Jurisdiction, as_of: int, user: Any | None, year: int | None = None
) -> list[LeagueRow]:
    plans = Plan.objects.filter(jurisdiction__path__startswith=root.path).exclude(
        jurisdiction=root).exclude(template_key=ASSIGNED_TARGETS).select_related("jurisdiction")
    if user is not None:
        plans = visible(plans, user)
    by_place: dict[int, list[Plan]] = {}
    for plan in plans:
        by_place.setdefault(plan.jurisdiction_id, []).append(plan)
    rows = []
    for place_plans in by_place.values():
        plan = _preferred(place_plans)
        years = plan.target_years
        chosen = year if year in years else compliance.default_year(years, as_of)
        statuses = compliance.assess_plan(plan, as_of, user, chosen)
        rows.append(LeagueRow(
            plan.jurisdiction, plan, chosen, compliance.count_by_status(statuses),
            {s.indicator.canonical.key: s.status for s in statuses if s.indicator.canonical},
        ))
    rows.sort(key=lambda r: (-r.share_met, -r.met, r.jurisdiction.code))
    for position, row in enumerate(rows, start=1):
        # Equal shares share a rank (1, 1, 3).
        same = position > 1 and rows[position - 2].share_met == row.share_met
        row.rank = rows[position - 2].rank if same else position
    return rows


def canonical_columns(rows: list[LeagueRow]) -> list[str]:
    """Canonical indicator keys that at least two places report, in key order."""
    seen: dict[str, int] = {}
    for row in rows:
        for key in row.by_key:
            seen[key] = seen.get(key, 0) + 1
    return sorted(key for key, n in seen.items() if n >= 2)
