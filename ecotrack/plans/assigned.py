"""Assessment targets a jurisdiction sets for its indicators outside a plan document.

The national level has no plan table in the hub, yet the region's 「达到国家考核目标」 waits
for its value. An administrator (or anyone who may edit the jurisdiction) enters the value
here: it is kept as one published plan of kind "other" per jurisdiction (`TEMPLATE_KEY`),
with one indicator per canonical indicator and one verbatim target per year, so the
resolver that walks up the hierarchy finds it like any other plan's target. A five-year plan
of the same jurisdiction still ranks first (compliance.KIND_PREFERENCE).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from ecotrack.accounts.permissions import require_edit
from ecotrack.core.targets import TargetKind, parse_target
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.models import (
    CanonicalIndicator,
    MatchRule,
    Plan,
    PlanIndicator,
    PlanKind,
    Target,
)

TEMPLATE_KEY = "assessment-targets"


class AssignedTargetError(ValueError):
    """A target that cannot be stored; the message says why."""


def targets_plan(place: Jurisdiction, year: int) -> Plan:
    """The jurisdiction's plan of assessment targets, its period widened to cover `year`."""
    plan = Plan.objects.filter(jurisdiction=place, template_key=TEMPLATE_KEY).first()
    if plan is None:
        return Plan.objects.create(
            jurisdiction=place, title=f"{place.name_zh}考核目标", kind=PlanKind.OTHER,
            period_start=year, period_end=year, template_key=TEMPLATE_KEY,
            issuing_body=place.name_zh, is_published=True,
        )
    if not plan.period_start <= year <= plan.period_end:
        plan.period_start = min(plan.period_start, year)
        plan.period_end = max(plan.period_end, year)
        plan.save(update_fields=["period_start", "period_end", "updated_at"])
    return plan


def set_assigned_target(
    place: Jurisdiction, key: str, year: int, text: str, user: Any | None
) -> tuple[Target, bool]:
    """Store `text` as `place`'s `year` target for canonical indicator `key`.

    Returns (target, whether something changed). `user` must be allowed to edit `place`
    (`None` = trusted system caller); the caller attributes the change.
    """
    if user is not None:
        require_edit(user, place)
    text = (text or "").strip()
    if not text:
        raise AssignedTargetError("the target is empty")
    if parse_target(text).kind is TargetKind.UNKNOWN:
        raise AssignedTargetError(
            f"cannot read the target {text!r}: write it as in a plan (≥87.5, ≤30, 不降低, "
            "达到国家考核目标)"
        )
    canonical = CanonicalIndicator.objects.filter(key=key).first()
    if canonical is None:
        raise AssignedTargetError(f"no canonical indicator {key!r}")
    with transaction.atomic():
        plan = targets_plan(place, year)
        indicator = PlanIndicator.objects.filter(plan=plan, canonical=canonical).first()
        if indicator is None:
            position = (plan.indicators.aggregate(m=Max("position"))["m"] or 0) + 1
            indicator = PlanIndicator.objects.create(
                plan=plan, position=position, number=str(position), name=canonical.name_zh,
                unit=canonical.unit, direction=canonical.direction, canonical=canonical,
                match_rule=MatchRule.MANUAL, category=canonical.domain,
            )
        target = Target.objects.filter(indicator=indicator, year=year,
                                       is_standard_value=False).first()
        if target is not None and target.text == text:
            return target, False
        if target is None:
            target = Target(indicator=indicator, year=year, is_standard_value=False)
        target.text = text
        target.save()
    return target, True
