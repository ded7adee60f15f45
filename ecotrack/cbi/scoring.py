"""Between stored entries and the core: turn stored inputs into the core's input mapping, score
an assessment, and write the result back onto the assessment and its entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from ecotrack.cbi.editions import scoring_basis, scoring_edition
from ecotrack.cbi.models import Assessment, IndicatorEntry, Status
from ecotrack.core.cbi import AssessmentResult, Edition, score_assessment

NUMERIC_KINDS = frozenset({"area", "amount", "count", "year"})


def _number(text: Any) -> Any:
    """A stored decimal string back to a Decimal for the core's exact reading. Anything that is
    not a decimal string is passed through, so the core reports it rather than us hiding it."""
    if isinstance(text, str):
        try:
            return Decimal(text)
        except InvalidOperation:
            return text
    return text


def core_inputs(edition: Edition, key: str, stored: Mapping[str, Any]) -> dict[str, Any]:
    """One indicator's stored inputs in the shape `score_assessment` reads."""
    indicator = edition.indicator(key)
    result: dict[str, Any] = {}
    for field in indicator.inputs:
        if field.name not in stored:
            continue
        value = stored[field.name]
        if field.kind in NUMERIC_KINDS:
            value = _number(value)
        elif field.kind == "area_list":
            value = [_number(v) for v in value]
        elif field.kind == "taxon_groups":
            value = [
                {
                    "group": g.get("group"),
                    "native_species": _number(g.get("native_species")),
                    "invasive_species": _number(g.get("invasive_species")),
                }
                for g in value
            ]
        result[field.name] = value
    return result


def assessment_inputs(
    edition: Edition, entries: Iterable[IndicatorEntry]
) -> dict[str, dict[str, Any]]:
    return {
        e.indicator_key: core_inputs(edition, e.indicator_key, e.inputs)
        for e in entries
        if e.is_answered
    }


def score(assessment: Assessment) -> AssessmentResult:
    """The assessment's result by the edition as corrected; stored inputs were valid when saved,
    and a correction changes only bands, so this does not raise for stored data."""
    edition = scoring_edition(assessment.edition)
    return score_assessment(edition, assessment_inputs(edition, assessment.entries.all()))


def store_result(assessment: Assessment, result: AssessmentResult) -> None:
    """Write the result onto the assessment and its entries (each save is audited)."""
    assessment.total = result.total
    assessment.max_points = result.max_points
    assessment.answered_max = result.answered_max
    assessment.provisional_points = result.provisional_points
    assessment.component_scores = {c.key: c.score for c in result.components}
    assessment.scoring_basis = scoring_basis(assessment.edition, {r.key for r in result.indicators})
    if assessment.status == Status.NOT_STARTED and result.indicators:
        assessment.status = Status.IN_PROGRESS
    assessment.save()
    by_key = {r.key: r for r in result.indicators}
    for entry in assessment.entries.all():
        r = by_key.get(entry.indicator_key)
        new = (
            (r.score, r.value_text, r.band.text, r.provisional)
            if r is not None
            else (None, "", "", False)
        )
        old = (entry.score, entry.value_text, entry.band_text, entry.provisional)
        if new != old:  # unchanged rows stay out of the history
            entry.score, entry.value_text, entry.band_text, entry.provisional = new
            entry.save(update_fields=["score", "value_text", "band_text", "provisional"])


def rescore(assessment: Assessment) -> AssessmentResult:
    result = score(assessment)
    store_result(assessment, result)
    return result
