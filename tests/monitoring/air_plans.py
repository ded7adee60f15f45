"""A plan whose indicators are the two that `air-evaluate --record` writes (shared by tests)."""

from __future__ import annotations

from ecotrack.plans.models import CanonicalIndicator, Plan, PlanIndicator

AIR_INDICATORS = (
    ("air.good_day_ratio", "空气质量优良天数比率", "higher_better"),
    ("air.pm25_annual_mean", "PM2.5年均浓度", "lower_better"),
)


def air_plan(place, title: str, period_start: int, period_end: int) -> Plan:
    plan = Plan.objects.create(jurisdiction=place, title=title, kind="five_year",
                               period_start=period_start, period_end=period_end)
    for position, (key, name, direction) in enumerate(AIR_INDICATORS):
        PlanIndicator.objects.create(plan=plan, position=position, number=str(position + 1),
                                     name=name, direction=direction,
                                     canonical=CanonicalIndicator.objects.get(key=key))
    return plan
