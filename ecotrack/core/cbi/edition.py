"""CBI editions as data: loaded from `editions/cbi-<year>.json`, checked, and frozen.

The JSON files are the single source of truth for indicators, inputs and bands. Loading checks
them against `schemas/edition.schema.json` and then against the rules a schema cannot express
(sums, contiguous bands, methods that name real fields), so a bad edit fails loudly, not quietly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from ecotrack.core.cbi.bands import Band, Bound, check_numeric_bands, check_ordinal_bands
from ecotrack.core.cbi.errors import EditionError
from ecotrack.core.cbi.provenance import Provenance

EDITIONS: tuple[str, ...] = ("2021", "2014")
DEFAULT_EDITION = "2021"

# The roles each computation needs, and the band kind it feeds.
METHOD_ROLES: dict[str, frozenset[str]] = {
    "percentage": frozenset({"part", "whole"}),
    "per_thousand": frozenset({"amount", "population"}),
    "ratio": frozenset({"numerator", "denominator"}),
    "count": frozenset({"count"}),
    "answer": frozenset({"answer"}),
    "species_change": frozenset({"baseline", "current"}),
    "mesh_size": frozenset({"groups"}),
    "mesh_coherence": frozenset({"groups"}),
    "same_taxon_ratio": frozenset({"groups"}),
}
METHOD_BAND_KIND = {"count": "steps", "species_change": "steps", "answer": "ordinal"}


@dataclass(frozen=True)
class InputField:
    name: str
    kind: str  # area, count, amount, text, year, answer, area_list, taxon_groups
    unit: str
    label: str
    label_zh: str
    required: bool


@dataclass(frozen=True)
class Method:
    kind: str
    # Each alternative maps role → field name; an input answers exactly one alternative.
    alternatives: tuple[tuple[tuple[str, str], ...], ...]

    def alternative_maps(self) -> list[dict[str, str]]:
        return [dict(pairs) for pairs in self.alternatives]


@dataclass(frozen=True)
class Indicator:
    number: int
    key: str
    component: str
    name: str
    name_zh: str
    definition: str
    method: Method
    inputs: tuple[InputField, ...]
    unit: str
    band_kind: str  # range, steps, ordinal
    direction: str  # higher_is_better, lower_is_better
    bands: tuple[Band, ...]
    provenance: Provenance  # of the definition and formula
    name_provenance: Provenance
    max_points: int = 4

    def field(self, name: str) -> InputField:
        for field in self.inputs:
            if field.name == name:
                return field
        raise KeyError(name)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.inputs)

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(b.answer for b in self.bands if b.answer is not None)

    @property
    def bands_provisional(self) -> bool:
        return any(b.provenance.is_provisional for b in self.bands)


@dataclass(frozen=True)
class Component:
    key: str
    name: str
    name_zh: str
    max_points: int
    indicator_keys: tuple[str, ...]


@dataclass(frozen=True)
class Edition:
    id: str
    title: str
    title_zh: str
    published: str
    points_per_indicator: int
    max_points: int
    provenance: Provenance
    component_provenance: Provenance
    components: tuple[Component, ...]
    indicators: tuple[Indicator, ...]

    def indicator(self, key: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.key == key:
                return indicator
        raise KeyError(key)

    def component(self, key: str) -> Component:
        for component in self.components:
            if component.key == key:
                return component
        raise KeyError(key)

    @property
    def indicator_keys(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.indicators)


def _provenance(data: Mapping[str, Any]) -> Provenance:
    return Provenance(status=data["status"], source=data["source"])


def _bound(data: Mapping[str, Any] | None) -> Bound | None:
    if data is None:
        return None
    return Bound(value=Fraction(data["value"]), inclusive=bool(data["inclusive"]))


def _step_bound(value: int | None) -> Bound | None:
    return None if value is None else Bound(value=Fraction(value), inclusive=True)


def _band(kind: str, data: Mapping[str, Any]) -> Band:
    common = {
        "points": data["points"],
        "text": data["text"],
        "provenance": _provenance(data["provenance"]),
        "note": data.get("note", ""),
    }
    if kind == "range":
        return Band(**common, lower=_bound(data["lower"]), upper=_bound(data["upper"]))
    if kind == "steps":
        return Band(**common, lower=_step_bound(data["min"]), upper=_step_bound(data["max"]))
    return Band(**common, answer=data["answer"], text_zh=data["text_zh"])


def _indicator(data: Mapping[str, Any]) -> Indicator:
    method = data["method"]
    return Indicator(
        number=data["number"],
        key=data["key"],
        component=data["component"],
        name=data["name"],
        name_zh=data["name_zh"],
        definition=data["definition"],
        method=Method(
            kind=method["kind"],
            alternatives=tuple(tuple(sorted(alt.items())) for alt in method["alternatives"]),
        ),
        inputs=tuple(
            InputField(
                name=f["name"],
                kind=f["kind"],
                unit=f["unit"],
                label=f["label"],
                label_zh=f["label_zh"],
                required=f["required"],
            )
            for f in data["inputs"]
        ),
        unit=data["unit"],
        band_kind=data["band_kind"],
        direction=data["direction"],
        bands=tuple(_band(data["band_kind"], b) for b in data["bands"]),
        provenance=_provenance(data["provenance"]),
        name_provenance=_provenance(data["name_provenance"]),
    )


def _indicator_issues(indicator: Indicator) -> list[str]:
    where = f"indicator {indicator.number} ({indicator.key})"
    issues: list[str] = []
    names = indicator.field_names
    if len(set(names)) != len(names):
        issues.append(f"{where}: duplicate input field names")
    method = indicator.method
    roles = METHOD_ROLES[method.kind]
    for alt in method.alternative_maps():
        if set(alt) != roles:
            issues.append(
                f"{where}: method {method.kind} needs roles {sorted(roles)}, got {sorted(alt)}"
            )
        issues.extend(
            f"{where}: method names unknown field {f!r}" for f in alt.values() if f not in names
        )
    expected_kind = METHOD_BAND_KIND.get(method.kind, "range")
    if indicator.band_kind != expected_kind:
        issues.append(f"{where}: method {method.kind} needs {expected_kind} bands")
    if indicator.band_kind == "ordinal":
        band_issues = check_ordinal_bands(indicator.bands)
    else:
        band_issues = check_numeric_bands(
            indicator.bands, indicator.direction, integer=indicator.band_kind == "steps"
        )
    issues.extend(f"{where}: {issue}" for issue in band_issues)
    return issues


def edition_from_dict(data: Mapping[str, Any], schema: Mapping[str, Any] | None = None) -> Edition:
    """Build an edition from its JSON data, refusing anything inconsistent."""
    name = str(data.get("edition", "?"))
    validator = jsonschema.Draft202012Validator(schema or edition_schema())
    schema_issues = [
        f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
        for e in validator.iter_errors(data)
    ]
    if schema_issues:
        raise EditionError(name, schema_issues)
    indicators = tuple(_indicator(i) for i in data["indicators"])
    issues: list[str] = []
    numbers = [i.number for i in indicators]
    if numbers != list(range(1, len(indicators) + 1)):
        issues.append(f"indicators must be numbered 1..{len(indicators)} in order, got {numbers}")
    keys = [i.key for i in indicators]
    if len(set(keys)) != len(keys):
        issues.append("indicator keys must be unique")
    per = data["points_per_indicator"]
    components = []
    for comp in data["components"]:
        members = tuple(i.key for i in indicators if i.component == comp["key"])
        if comp["max_points"] != per * len(members):
            issues.append(
                f"component {comp['key']}: max_points {comp['max_points']} but "
                f"{len(members)} indicators × {per} = {per * len(members)}"
            )
        components.append(
            Component(comp["key"], comp["name"], comp["name_zh"], comp["max_points"], members)
        )
    known = {c.key for c in components}
    issues.extend(
        f"indicator {i.number}: unknown component {i.component!r}"
        for i in indicators
        if i.component not in known
    )
    if data["max_points"] != per * len(indicators) or data["max_points"] != sum(
        c.max_points for c in components
    ):
        issues.append(
            f"max_points {data['max_points']} does not match the indicators and components"
        )
    for indicator in indicators:
        issues.extend(_indicator_issues(indicator))
    if issues:
        raise EditionError(name, issues)
    return Edition(
        id=data["edition"],
        title=data["title"],
        title_zh=data["title_zh"],
        published=data["published"],
        points_per_indicator=per,
        max_points=data["max_points"],
        provenance=_provenance(data["provenance"]),
        component_provenance=_provenance(data["component_provenance"]),
        components=tuple(components),
        indicators=indicators,
    )


def _read_json(package: str, name: str) -> Any:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@cache
def edition_schema() -> dict[str, Any]:
    schema: dict[str, Any] = _read_json("ecotrack.core.cbi.schemas", "edition.schema.json")
    return schema


def edition_data(edition_id: str) -> dict[str, Any]:
    """The raw JSON of an edition (for schema tests and exports)."""
    if edition_id not in EDITIONS:
        raise KeyError(f"unknown CBI edition {edition_id!r}; known: {', '.join(EDITIONS)}")
    data: dict[str, Any] = _read_json("ecotrack.core.cbi.editions", f"cbi-{edition_id}.json")
    return data


@cache
def load_edition(edition_id: str = DEFAULT_EDITION) -> Edition:
    """A checked, frozen edition; cached because the data files never change at run time."""
    return edition_from_dict(edition_data(edition_id))
