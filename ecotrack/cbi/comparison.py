"""An assessment next to its baseline and its predecessor, row by row for the detail page.

The index compares a city only with itself: the first assessment (of the same edition — 2014
and 2021 scores measure different things) is the baseline, and each later one is also shown
against the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from ecotrack.cbi.models import Assessment, IndicatorEntry
from ecotrack.core.cbi import (
    AssessmentResult,
    Comparison,
    ComponentChange,
    Edition,
    Indicator,
    IndicatorChange,
    IndicatorResult,
    InputField,
    compare,
)
from ecotrack.places.models import localized


def baseline_of(assessment: Assessment) -> Assessment | None:
    """The jurisdiction's first assessment of the same edition (None: this one is the first)."""
    first = (
        Assessment.objects.filter(
            jurisdiction_id=assessment.jurisdiction_id, edition=assessment.edition
        )
        .order_by("year")
        .first()
    )
    return None if first is None or first.pk == assessment.pk else first


def previous_of(assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.filter(
            jurisdiction_id=assessment.jurisdiction_id,
            edition=assessment.edition,
            year__lt=assessment.year,
        )
        .order_by("-year")
        .first()
    )


@dataclass(frozen=True)
class InputLine:
    """One raw input as the assessment page shows it, with its data year and source (its own,
    or the indicator's when it has none)."""

    label: str
    value: str
    unit: str
    year: int | None
    source: str
    own_year: bool
    own_source: bool


def _input_value(indicator: Indicator, f: InputField, stored: Any) -> str:
    if f.kind == "area_list":
        return ", ".join(str(v) for v in stored)
    if f.kind == "taxon_groups":
        return "; ".join(
            _("%(group)s: %(native)s native, %(invasive)s invasive alien")
            % {
                "group": g.get("group", ""),
                "native": g.get("native_species", ""),
                "invasive": g.get("invasive_species", ""),
            }
            for g in stored
        )
    if f.kind == "answer":
        band = next((b for b in indicator.bands if b.answer == stored), None)
        return localized(band.text_zh, band.text) if band is not None else str(stored)
    return str(stored)


def input_lines(indicator: Indicator, entry: IndicatorEntry | None) -> list[InputLine]:
    """The answered inputs of one indicator in the edition's order."""
    if entry is None:
        return []
    lines = []
    for f in indicator.inputs:
        if f.name not in entry.inputs:
            continue
        own = entry.input_provenance.get(f.name) or {}
        year, source = entry.provenance_of(f.name)
        lines.append(
            InputLine(
                label=localized(f.label_zh, f.label),
                value=_input_value(indicator, f, entry.inputs[f.name]),
                unit="" if f.kind in ("answer", "text", "year") else f.unit,
                year=year,
                source=source,
                own_year=own.get("year") is not None,
                own_source=bool(own.get("source")),
            )
        )
    return lines


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    entry: IndicatorEntry | None
    result: IndicatorResult | None
    vs_baseline: IndicatorChange | None
    vs_previous: IndicatorChange | None

    @property
    def name(self) -> str:
        return localized(self.indicator.name_zh, self.indicator.name)

    @property
    def inputs(self) -> list[InputLine]:
        return input_lines(self.indicator, self.entry)

    @property
    def band_text(self) -> str:
        if self.result is None:
            return ""
        band = self.result.band
        return localized(band.text_zh, band.text) if band.answer else band.text

    @property
    def provenance_status(self) -> str:
        """The weakest of the definition's and the band's provenance (all bands if unanswered)."""
        bands = [self.result.band] if self.result is not None else list(self.indicator.bands)
        statuses = {self.indicator.provenance.status} | {b.provenance.status for b in bands}
        for status in ("provisional", "secondary"):
            if status in statuses:
                return status
        return "verified"


@dataclass(frozen=True)
class ComponentRow:
    key: str
    name: str
    score: int
    max_points: int
    answered: int
    indicators: int
    vs_baseline: ComponentChange | None
    vs_previous: ComponentChange | None
    rows: tuple[IndicatorRow, ...]


def _changes(comparison: Comparison | None) -> dict[str, IndicatorChange]:
    return {} if comparison is None else {c.key: c for c in comparison.indicators}


def _component_changes(comparison: Comparison | None) -> dict[str, ComponentChange]:
    return {} if comparison is None else {c.key: c for c in comparison.components}


def component_rows(
    edition: Edition,
    result: AssessmentResult,
    entries: list[IndicatorEntry],
    baseline: AssessmentResult | None,
    previous: AssessmentResult | None,
) -> list[ComponentRow]:
    vs_base = compare(result, baseline) if baseline is not None else None
    vs_prev = compare(result, previous) if previous is not None else None
    by_key = {e.indicator_key: e for e in entries}
    answered = {r.key: r for r in result.indicators}
    base_ind, prev_ind = _changes(vs_base), _changes(vs_prev)
    base_comp, prev_comp = _component_changes(vs_base), _component_changes(vs_prev)
    components = []
    for comp in result.components:
        spec = edition.component(comp.key)
        rows = tuple(
            IndicatorRow(
                indicator=edition.indicator(key),
                entry=by_key.get(key),
                result=answered.get(key),
                vs_baseline=base_ind.get(key),
                vs_previous=prev_ind.get(key),
            )
            for key in spec.indicator_keys
        )
        components.append(
            ComponentRow(
                key=comp.key,
                name=localized(comp.name_zh, comp.name),
                score=comp.score,
                max_points=comp.max_points,
                answered=comp.answered,
                indicators=comp.indicators,
                vs_baseline=base_comp.get(comp.key),
                vs_previous=prev_comp.get(comp.key),
                rows=rows,
            )
        )
    return components
