"""The input file: an envelope (edition, city, year) around per-indicator raw inputs, and the JSON
Schema that describes it, generated from the edition so the two can never drift apart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ecotrack.core.cbi.edition import (
    DEFAULT_EDITION,
    EDITIONS,
    Edition,
    Indicator,
    InputField,
    load_edition,
)
from ecotrack.core.cbi.errors import CBIInputError, Problem
from ecotrack.core.cbi.inputs import META_FIELDS
from ecotrack.core.cbi.numbers import as_whole
from ecotrack.core.cbi.scoring import AssessmentResult, score_assessment

ENVELOPE_FIELDS = ("$schema", "edition", "city", "assessment_year", "notes", "indicators")


@dataclass(frozen=True)
class InputDocument:
    edition: Edition
    indicators: Mapping[str, Any]
    city: str | None = None
    assessment_year: int | None = None


def _doc_problem(field: str, code: str, message: str, message_zh: str) -> Problem:
    return Problem("", field, code, message, message_zh)


def read_document(data: object, edition: str | None = None) -> InputDocument:
    """Check the envelope and settle the edition: `edition` (e.g. from --edition) must agree with
    the file's own `edition` when both are given; with neither, the 2021 edition applies."""
    if not isinstance(data, Mapping):
        raise CBIInputError(
            [
                _doc_problem(
                    "", "not_an_object", "the input must be a JSON object", "输入必须是 JSON 对象"
                )
            ]
        )
    problems = [
        _doc_problem(
            str(key),
            "unknown_field",
            f"unknown field; expected one of: {', '.join(ENVELOPE_FIELDS)}",
            f"未知字段；可选：{', '.join(ENVELOPE_FIELDS)}",
        )
        for key in sorted(set(data) - set(ENVELOPE_FIELDS), key=str)
    ]
    declared = data.get("edition")
    if declared is not None and declared not in EDITIONS:
        problems.append(
            _doc_problem(
                "edition",
                "unknown_edition",
                f"unknown edition {declared!r}; expected one of: {', '.join(EDITIONS)}",
                f"未知版本 {declared!r}",
            )
        )
    elif edition is not None and declared is not None and declared != edition:
        problems.append(
            _doc_problem(
                "edition",
                "edition_mismatch",
                f"the file says {declared} but the {edition} edition was asked for",
                f"文件声明为 {declared} 版，但请求的是 {edition} 版",
            )
        )
    if edition is not None and edition not in EDITIONS:
        problems.append(
            _doc_problem(
                "edition",
                "unknown_edition",
                f"unknown edition {edition!r}; expected one of: {', '.join(EDITIONS)}",
                f"未知版本 {edition!r}",
            )
        )
    city = data.get("city")
    if city is not None and not isinstance(city, str):
        problems.append(_doc_problem("city", "not_text", "must be a text", "必须是文本"))
    year = data.get("assessment_year")
    if year is not None and (as_whole(year) is None or not 1900 <= (as_whole(year) or 0) <= 2200):
        problems.append(
            _doc_problem(
                "assessment_year",
                "not_a_year",
                f"must be a year such as 2024, got {year!r}",
                f"必须是年份（如 2024），实际为 {year!r}",
            )
        )
    indicators = data.get("indicators")
    if not isinstance(indicators, Mapping):
        problems.append(
            _doc_problem(
                "indicators",
                "missing" if indicators is None else "not_an_object",
                'must be an object keyed by indicator key (e.g. "natural_areas")',
                '必须是以指标键（如 "natural_areas"）为键的对象',
            )
        )
    if problems:
        raise CBIInputError(problems)
    assert isinstance(indicators, Mapping)
    chosen = edition or declared or DEFAULT_EDITION
    return InputDocument(
        load_edition(chosen), indicators, city, as_whole(year) if year is not None else None
    )


def score_document(
    data: object, edition: str | None = None
) -> tuple[InputDocument, AssessmentResult]:
    """Read an input document and score it; raises CBIInputError with every problem found."""
    document = read_document(data, edition)
    return document, score_assessment(document.edition, document.indicators)


def _field_schema(indicator: Indicator, field: InputField) -> dict[str, Any]:
    unit = f" [{field.unit}]" if field.unit else ""
    schema: dict[str, Any] = {"description": f"{field.label}{unit} / {field.label_zh}"}
    if field.kind in ("area", "amount"):
        schema.update(type="number", minimum=0)
    elif field.kind == "count":
        schema.update(type="integer", minimum=0)
    elif field.kind == "year":
        schema.update(type="integer", minimum=1900, maximum=2200)
    elif field.kind == "text":
        schema.update(type="string", minLength=1)
    elif field.kind == "answer":
        schema["enum"] = list(indicator.answers)
    elif field.kind == "area_list":
        schema.update(type="array", minItems=1, items={"type": "number", "exclusiveMinimum": 0})
    elif field.kind == "taxon_groups":
        schema.update(
            type="array",
            minItems=1,
            items={
                "type": "object",
                "additionalProperties": False,
                "required": ["group", "native_species", "invasive_species"],
                "properties": {
                    "group": {"type": "string", "minLength": 1},
                    "native_species": {"type": "integer", "minimum": 0},
                    "invasive_species": {"type": "integer", "minimum": 0},
                },
            },
        )
    return schema


def _indicator_schema(indicator: Indicator) -> dict[str, Any]:
    properties = {f.name: _field_schema(indicator, f) for f in indicator.inputs}
    properties.update({name: {"type": "string"} for name in sorted(META_FIELDS)})
    schema: dict[str, Any] = {
        "title": f"{indicator.number}. {indicator.name} / {indicator.name_zh}",
        "description": indicator.definition,
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "required": [f.name for f in indicator.inputs if f.required],
    }
    alternatives = indicator.method.alternative_maps()
    if len(alternatives) > 1:
        # Exactly one alternative: its fields present, none of the others' fields.
        schema["oneOf"] = [
            {
                "required": sorted(alt.values()),
                "not": {
                    "anyOf": [
                        {"required": [f]}
                        for other in alternatives
                        if other is not alt
                        for f in sorted(other.values())
                    ]
                },
            }
            for alt in alternatives
        ]
    return schema


def input_schema(edition: Edition | str) -> dict[str, Any]:
    """JSON Schema (2020-12) of an input file for one edition. Rules across fields (a part no
    larger than its whole, non-zero denominators) are beyond JSON Schema and checked in code."""
    ed = load_edition(edition) if isinstance(edition, str) else edition
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ecotrack.example/schemas/cbi-input-{ed.id}.schema.json",
        "title": f"CBI assessment input, {ed.id} edition",
        "description": f"Raw inputs for {ed.title}. Leave out indicators you have not assessed.",
        "type": "object",
        "additionalProperties": False,
        "required": ["indicators"],
        "properties": {
            "$schema": {"type": "string"},
            "edition": {"const": ed.id},
            "city": {"type": "string"},
            "assessment_year": {"type": "integer", "minimum": 1900, "maximum": 2200},
            "notes": {"type": "string"},
            "indicators": {
                "type": "object",
                "additionalProperties": False,
                "properties": {i.key: _indicator_schema(i) for i in ed.indicators},
            },
        },
    }
