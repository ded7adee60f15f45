"""Scoring an assessment: raw inputs → value → band → points, per indicator, component and total.

Nothing partial comes out of a bad input: all problems across all indicators are collected and
raised together as one CBIInputError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ecotrack.core.cbi.bands import Band, match_answer, match_value
from ecotrack.core.cbi.edition import Edition, Indicator, load_edition
from ecotrack.core.cbi.errors import CBIInputError, Problem
from ecotrack.core.cbi.inputs import read_inputs
from ecotrack.core.cbi.methods import Computation, compute
from ecotrack.core.cbi.numbers import format_number
from ecotrack.core.cbi.provenance import Provenance


@dataclass(frozen=True)
class IndicatorResult:
    number: int
    key: str
    name: str
    name_zh: str
    component: str
    value: Fraction | None  # exact; None for ordinal answers
    answer: str | None
    value_text: str  # for people, e.g. "46%", "≈33.33%", "+2 species", "being_implemented"
    unit: str
    score: int
    max_points: int
    band: Band
    provenance: Provenance  # of the indicator's definition
    details: tuple[tuple[str, str], ...]
    messages: tuple[str, ...]

    @property
    def band_provenance(self) -> Provenance:
        return self.band.provenance

    @property
    def provisional(self) -> bool:
        """True when the score rests on an unverified definition or band (flag it in the UI)."""
        return self.band.provenance.is_provisional or self.provenance.is_provisional


@dataclass(frozen=True)
class ComponentResult:
    key: str
    name: str
    name_zh: str
    score: int
    max_points: int  # the component's full maximum (36 / 20 / 56 in 2021)
    answered_max: int  # the maximum of the indicators actually answered
    answered: int
    indicators: int

    @property
    def text(self) -> str:
        return f"{self.score} of {self.max_points}"


@dataclass(frozen=True)
class AssessmentResult:
    edition: str
    indicators: tuple[IndicatorResult, ...]
    components: tuple[ComponentResult, ...]
    total: int
    max_points: int  # full maximum: 112 (2021) or 92 (2014)
    answered_max: int  # maximum of the answered indicators only
    unanswered: tuple[str, ...]  # indicator keys without inputs
    provisional_points: int  # points that rest on provisional bands or definitions

    @property
    def text(self) -> str:
        return f"{self.total} of {self.max_points}"

    def indicator(self, key: str) -> IndicatorResult:
        for result in self.indicators:
            if result.key == key:
                return result
        raise KeyError(key)

    def component(self, key: str) -> ComponentResult:
        for result in self.components:
            if result.key == key:
                return result
        raise KeyError(key)


def _value_text(indicator: Indicator, computation: Computation) -> str:
    if computation.value is None:
        return computation.answer or ""
    number = format_number(computation.value)
    if indicator.method.kind == "species_change":
        return f"{int(computation.value):+d} species"
    if indicator.unit == "%":
        return f"{number}%"
    return f"{number} {indicator.unit}".strip()


def _band(indicator: Indicator, computation: Computation) -> Band:
    if computation.answer is not None:
        band = match_answer(indicator.bands, computation.answer)
        if band is None:  # inputs.py only lets known answers through
            raise LookupError(f"{indicator.key}: no band for answer {computation.answer!r}")
        return band
    assert computation.value is not None
    return match_value(indicator.bands, computation.value)


def score_indicator(
    indicator: Indicator, raw: object
) -> tuple[IndicatorResult | None, list[Problem]]:
    """One indicator's result, or the problems with its inputs."""
    parsed, problems = read_inputs(indicator, raw)
    if problems:
        return None, problems
    computation, problems = compute(indicator, parsed)
    if computation is None:
        return None, problems
    band = _band(indicator, computation)
    result = IndicatorResult(
        number=indicator.number,
        key=indicator.key,
        name=indicator.name,
        name_zh=indicator.name_zh,
        component=indicator.component,
        value=computation.value,
        answer=computation.answer,
        value_text=_value_text(indicator, computation),
        unit=indicator.unit,
        score=band.points,
        max_points=indicator.max_points,
        band=band,
        provenance=indicator.provenance,
        details=computation.details,
        messages=computation.messages,
    )
    return result, []


def score_assessment(edition: Edition | str, inputs: Mapping[str, Any]) -> AssessmentResult:
    """Score every answered indicator; raise CBIInputError listing every problem if any is bad.

    `inputs` maps indicator keys (e.g. "natural_areas") to their raw input fields. Indicators left
    out are unanswered: they score nothing and are reported, so totals can be read both out of the
    full maximum and out of the maximum of the answered indicators.
    """
    ed = load_edition(edition) if isinstance(edition, str) else edition
    problems: list[Problem] = []
    if not isinstance(inputs, Mapping):
        raise CBIInputError(
            [
                Problem(
                    "",
                    "indicators",
                    "not_an_object",
                    "must be an object keyed by indicator",
                    "必须是以指标为键的对象",
                )
            ]
        )
    known = set(ed.indicator_keys)
    for key in sorted(set(inputs) - known, key=str):
        problems.append(
            Problem(
                "",
                f"indicators.{key}",
                "unknown_indicator",
                f"unknown indicator for the {ed.id} edition; "
                f"expected one of: {', '.join(ed.indicator_keys)}",
                f"{ed.id} 版中没有该指标",
            )
        )
    results: list[IndicatorResult] = []
    for indicator in ed.indicators:
        if indicator.key not in inputs:
            continue
        result, found = score_indicator(indicator, inputs[indicator.key])
        problems.extend(found)
        if result is not None:
            results.append(result)
    if problems:
        raise CBIInputError(problems)
    return _assemble(ed, tuple(results))


def _assemble(ed: Edition, results: tuple[IndicatorResult, ...]) -> AssessmentResult:
    components = []
    for comp in ed.components:
        mine = [r for r in results if r.component == comp.key]
        components.append(
            ComponentResult(
                key=comp.key,
                name=comp.name,
                name_zh=comp.name_zh,
                score=sum(r.score for r in mine),
                max_points=comp.max_points,
                answered_max=sum(r.max_points for r in mine),
                answered=len(mine),
                indicators=len(comp.indicator_keys),
            )
        )
    answered = {r.key for r in results}
    provisional = sum(r.score for r in results if r.provisional)
    return AssessmentResult(
        edition=ed.id,
        indicators=results,
        components=tuple(components),
        total=sum(r.score for r in results),
        max_points=ed.max_points,
        answered_max=sum(r.max_points for r in results),
        unanswered=tuple(k for k in ed.indicator_keys if k not in answered),
        provisional_points=provisional,
    )
