"""A city compares itself with its own baseline: change per indicator, component and in total."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ecotrack.core.cbi.scoring import AssessmentResult, IndicatorResult


@dataclass(frozen=True)
class IndicatorChange:
    number: int
    key: str
    component: str
    score: int | None  # None: not answered in this assessment
    baseline_score: int | None  # None: not answered in the baseline
    change: int | None  # None unless answered in both
    value: Fraction | None
    baseline_value: Fraction | None
    value_change: Fraction | None  # numeric indicators answered in both


@dataclass(frozen=True)
class ComponentChange:
    key: str
    score: int
    baseline_score: int
    change: int
    like_for_like_change: int  # only indicators answered in both assessments


@dataclass(frozen=True)
class Comparison:
    edition: str
    indicators: tuple[IndicatorChange, ...]
    components: tuple[ComponentChange, ...]
    total: int
    baseline_total: int
    change: int
    # Totals also move when an indicator is answered for the first time; this part does not.
    like_for_like_change: int


def _change(now: IndicatorResult | None, then: IndicatorResult | None) -> IndicatorChange:
    either = now or then
    assert either is not None
    change: int | None = None
    value_change: Fraction | None = None
    if now is not None and then is not None:
        change = now.score - then.score
        if now.value is not None and then.value is not None:
            value_change = now.value - then.value
    return IndicatorChange(
        number=either.number,
        key=either.key,
        component=either.component,
        score=None if now is None else now.score,
        baseline_score=None if then is None else then.score,
        change=change,
        value=None if now is None else now.value,
        baseline_value=None if then is None else then.value,
        value_change=value_change,
    )


def compare(result: AssessmentResult, baseline_result: AssessmentResult) -> Comparison:
    """Change from the baseline. Both must use the same edition: scores of different editions
    measure different things (e.g. indicator 2 is hectares in 2014 and a percentage in 2021)."""
    if result.edition != baseline_result.edition:
        raise ValueError(
            f"cannot compare a {result.edition} assessment "
            f"with a {baseline_result.edition} baseline"
        )
    now = {r.key: r for r in result.indicators}
    then = {r.key: r for r in baseline_result.indicators}
    keys = sorted(set(now) | set(then), key=lambda k: (now.get(k) or then[k]).number)
    changes = tuple(_change(now.get(k), then.get(k)) for k in keys)
    components = tuple(
        ComponentChange(
            key=comp.key,
            score=comp.score,
            baseline_score=base.score,
            change=comp.score - base.score,
            like_for_like_change=sum(
                c.change for c in changes if c.change is not None and c.component == comp.key
            ),
        )
        for comp, base in zip(result.components, baseline_result.components, strict=True)
    )
    return Comparison(
        edition=result.edition,
        indicators=changes,
        components=components,
        total=result.total,
        baseline_total=baseline_result.total,
        change=result.total - baseline_result.total,
        like_for_like_change=sum(c.change for c in changes if c.change is not None),
    )
