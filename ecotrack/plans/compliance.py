"""Compliance of plan indicators, computed by `ecotrack.core.compliance` from the database.

This module only translates: jurisdictions into the engine's chain, stored targets and
observations into its inputs, and other plans' targets into the resolver that answers
「达到自治区考核目标」. The decisions and their explanations are the engine's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language

from ecotrack.accounts.permissions import visible
from ecotrack.core import compliance as engine
from ecotrack.core.indicators import Direction, Measure
from ecotrack.core.targets import GovLevel, ParsedTarget, parse_target
from ecotrack.places.models import Jurisdiction, Level
from ecotrack.plans.models import (
    Observation,
    Plan,
    PlanIndicator,
    PlanKind,
    Target,
)
from ecotrack.plans.places import method_text

GOV_LEVEL = {
    Level.COUNTRY: GovLevel.NATIONAL,
    Level.PROVINCE: GovLevel.REGION,
    Level.PREFECTURE: GovLevel.PREFECTURE,
    Level.COUNTY: GovLevel.COUNTY,
}
# When a jurisdiction has several plans with a target for the same indicator and year, the
# five-year plan is the one higher levels assess by.
KIND_PREFERENCE = {PlanKind.FIVE_YEAR: 0, PlanKind.DEMONSTRATION: 1, PlanKind.OTHER: 2}


def engine_jurisdiction(place: Jurisdiction) -> engine.Jurisdiction:
    return engine.Jurisdiction(
        place.code, place.name_zh, place.name_en or place.name_zh, GOV_LEVEL[Level(place.level)]
    )


def chain_for(place: Jurisdiction) -> tuple[engine.Jurisdiction, ...]:
    """The place itself, then its parent, up to the root (what the engine walks)."""
    return tuple(engine_jurisdiction(j) for j in [place, *reversed(place.ancestors())])


def indicator_key(indicator: PlanIndicator) -> str:
    """The canonical key, or a key private to this row (nothing above can answer it)."""
    return indicator.canonical.key if indicator.canonical else f"plan-indicator-{indicator.pk}"


class PlanTargetResolver:
    """Answers the engine's question "what is X's own target for indicator K in year Y?"
    from the plans in `plans` (the ones the viewer may read)."""

    def __init__(self, plans: QuerySet[Plan]) -> None:
        self.plans = plans
        self._cache: dict[tuple[str, str, int], ParsedTarget | None] = {}

    def __call__(self, place: engine.Jurisdiction, key: str, year: int) -> ParsedTarget | None:
        cache_key = (place.code, key, year)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._lookup(place.code, key, year)
        return self._cache[cache_key]

    def _lookup(self, code: str, key: str, year: int) -> ParsedTarget | None:
        targets = Target.objects.filter(
            year=year,
            indicator__canonical__key=key,
            indicator__plan__jurisdiction__code=code,
            indicator__plan__in=self.plans,
        ).select_related("indicator__plan")
        ranked = sorted(
            targets,
            key=lambda t: (
                t.is_standard_value,
                KIND_PREFERENCE.get(PlanKind(t.indicator.plan.kind), 9),
                -t.indicator.plan.period_start,
            ),
        )
        return parse_target(ranked[0].text) if ranked else None


def resolver_for(user: Any | None) -> PlanTargetResolver:
    plans = Plan.objects.all()
    return PlanTargetResolver(plans if user is None else visible(plans, user))


def _engine_observation(obs: Observation, unit: str) -> engine.Observation:
    states: tuple[engine.QualState, ...] = ()
    if obs.text:
        read = engine.observation_from_cell(obs.text, obs.year, unit=unit or None)
        states = read.states if read is not None else ()
    return engine.Observation(
        data_year=obs.data_year,
        value=obs.value,
        states=states,
        marks=tuple(obs.marks),
        source=obs.get_source_display() + (f" · {method_text(obs.method)}" if obs.method else ""),
        reported_for=obs.year if obs.year != obs.data_year else None,
        text=obs.text,
    )


def build_case(indicator: PlanIndicator) -> engine.IndicatorCase:
    canonical = indicator.canonical
    measure = Measure(canonical.measure) if canonical else Measure.LEVEL
    targets: dict[int, ParsedTarget] = {}
    for target in indicator.targets.all():
        # A year's own target wins over a standard value given for the same year.
        if target.year is not None and (target.year not in targets or not target.is_standard_value):
            targets[target.year] = parse_target(target.text)
    current = [o for o in indicator.observations.all() if o.is_current]
    current.sort(key=lambda o: (o.year, o.data_year, o.pk))
    overrides = {
        o.year: engine.Override(
            engine.Status(o.status), o.reason, o.created_by.get_username() if o.created_by else ""
        )
        for o in indicator.overrides.all()
    }
    return engine.IndicatorCase(
        indicator=engine.IndicatorSpec(
            indicator_key(indicator), Direction(indicator.direction), indicator.unit, measure
        ),
        chain=chain_for(indicator.plan.jurisdiction),
        targets=targets,
        observations=tuple(_engine_observation(o, indicator.unit) for o in current),
        base_year=indicator.plan.base_year,
        overrides=overrides,
    )


@dataclass
class IndicatorStatus:
    """One dashboard row: the indicator, its assessments by target year, its latest value."""

    indicator: PlanIndicator
    assessments: dict[int, engine.Assessment]
    latest: Observation | None
    selected: engine.Assessment | None = None
    history: list[Observation] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.selected.status.value if self.selected else engine.Status.NO_DATA.value

    @property
    def explanation(self) -> str:
        if self.selected is None:
            return ""
        zh = (get_language() or "").startswith("zh")
        return self.selected.explanation_zh if zh else self.selected.explanation_en


def default_year(years: Iterable[int], as_of: int) -> int | None:
    """The next deadline not yet passed, else the last one (the final assessment)."""
    ordered = sorted(years)
    upcoming = [y for y in ordered if y >= as_of]
    return upcoming[0] if upcoming else (ordered[-1] if ordered else None)


def prefetched(indicators: QuerySet[PlanIndicator]) -> QuerySet[PlanIndicator]:
    return indicators.select_related("canonical", "plan__jurisdiction").prefetch_related(
        "targets", "observations__superseded_by", "overrides__created_by"
    )


def assess_indicator(
    indicator: PlanIndicator, as_of: int, resolver: PlanTargetResolver, year: int | None = None
) -> IndicatorStatus:
    case = build_case(indicator)
    assessments = {a.year: a for a in engine.assess_all(case, resolver, as_of)}
    current = [o for o in indicator.observations.all() if o.is_current]
    latest = max(current, key=lambda o: (o.year, o.data_year, o.pk), default=None)
    chosen = year if year is not None else default_year(assessments, as_of)
    return IndicatorStatus(
        indicator, assessments, latest, assessments.get(chosen) if chosen else None
    )


def assess_plan(
    plan: Plan, as_of: int, user: Any | None = None, year: int | None = None
) -> list[IndicatorStatus]:
    resolver = resolver_for(user)
    year = year or default_year(plan.target_years, as_of)
    rows = prefetched(plan.indicators.all())
    return [assess_indicator(ind, as_of, resolver, year) for ind in rows]


def count_by_status(rows: Iterable[IndicatorStatus]) -> dict[str, int]:
    counts = {status.value: 0 for status in engine.Status}
    for row in rows:
        counts[row.status] += 1
    return counts
