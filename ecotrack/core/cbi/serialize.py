"""Plain-JSON views of results, for `--json` output and for storing alongside an assessment."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ecotrack.core.cbi.bands import Band
from ecotrack.core.cbi.compare import Comparison
from ecotrack.core.cbi.errors import Problem
from ecotrack.core.cbi.numbers import to_decimal
from ecotrack.core.cbi.provenance import Provenance
from ecotrack.core.cbi.scoring import AssessmentResult, IndicatorResult


def _number(value: Fraction | None) -> float | int | None:
    if value is None:
        return None
    if value.denominator == 1:
        return value.numerator
    return float(to_decimal(value, 6))


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


def provenance_to_dict(provenance: Provenance) -> dict[str, str]:
    return {"status": provenance.status, "source": provenance.source}


def band_to_dict(band: Band) -> dict[str, Any]:
    return {
        "points": band.points,
        "text": band.text,
        "rule": band.edges_text(),
        "answer": band.answer,
        "note": band.note,
        "provenance": provenance_to_dict(band.provenance),
    }


def indicator_to_dict(result: IndicatorResult) -> dict[str, Any]:
    return {
        "number": result.number,
        "key": result.key,
        "name": result.name,
        "name_zh": result.name_zh,
        "component": result.component,
        "value": _number(result.value),
        "value_exact": _exact(result.value),
        "answer": result.answer,
        "value_text": result.value_text,
        "unit": result.unit,
        "score": result.score,
        "max_points": result.max_points,
        "band": band_to_dict(result.band),
        "provenance": provenance_to_dict(result.provenance),
        "provisional": result.provisional,
        "details": [{"label": label, "text": text} for label, text in result.details],
        "messages": list(result.messages),
    }


def result_to_dict(result: AssessmentResult) -> dict[str, Any]:
    return {
        "edition": result.edition,
        "total": result.total,
        "max_points": result.max_points,
        "answered_max": result.answered_max,
        "provisional_points": result.provisional_points,
        "unanswered": list(result.unanswered),
        "components": [
            {
                "key": c.key,
                "name": c.name,
                "name_zh": c.name_zh,
                "score": c.score,
                "max_points": c.max_points,
                "answered_max": c.answered_max,
                "answered": c.answered,
                "indicators": c.indicators,
            }
            for c in result.components
        ],
        "indicators": [indicator_to_dict(r) for r in result.indicators],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "edition": comparison.edition,
        "total": comparison.total,
        "baseline_total": comparison.baseline_total,
        "change": comparison.change,
        "like_for_like_change": comparison.like_for_like_change,
        "components": [vars(c) for c in comparison.components],
        "indicators": [
            {
                "number": c.number,
                "key": c.key,
                "component": c.component,
                "score": c.score,
                "baseline_score": c.baseline_score,
                "change": c.change,
                "value_change": _number(c.value_change),
            }
            for c in comparison.indicators
        ],
    }


def problems_to_list(problems: tuple[Problem, ...] | list[Problem]) -> list[dict[str, str]]:
    return [
        {
            "path": p.path,
            "indicator": p.indicator,
            "field": p.field,
            "code": p.code,
            "message": p.message,
            "message_zh": p.message_zh,
        }
        for p in problems
    ]
