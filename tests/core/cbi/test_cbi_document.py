"""The input file: envelope rules, the generated JSON Schema, and the shipped examples."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ecotrack.core.cbi import (
    EDITIONS,
    CBIInputError,
    input_schema,
    load_edition,
    read_document,
    score_document,
)

DOCS = Path(__file__).resolve().parents[3] / "docs"
EXAMPLES = sorted(
    p for p in (DOCS / "examples").glob("cbi-input-*.json") if not p.name.endswith(".schema.json")
)


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def validator(edition: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(input_schema(edition))


@pytest.mark.parametrize("edition", EDITIONS)
def test_generated_input_schema_is_valid_json_schema(edition: str) -> None:
    jsonschema.Draft202012Validator.check_schema(input_schema(edition))


@pytest.mark.parametrize("edition", EDITIONS)
def test_shipped_schema_files_match_the_editions(edition: str) -> None:
    # docs/examples/cbi-input-<edition>.schema.json is generated: regenerate it with
    # `ecotrack cbi-score --schema --edition <edition>` when an edition changes.
    shipped = json.loads(
        (DOCS / "examples" / f"cbi-input-{edition}.schema.json").read_text(encoding="utf-8")
    )
    assert shipped == input_schema(edition)


def test_examples_exist_for_both_editions() -> None:
    assert {load(p)["edition"] for p in EXAMPLES} == {"2021", "2014"}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_validate_against_the_schema_and_score(path: Path) -> None:
    data = load(path)
    # jsonschema wants plain numbers; the scorer gets the exact decimals.
    validator(data["edition"]).validate(json.loads(path.read_text(encoding="utf-8")))
    document, result = score_document(data)
    assert document.edition.id == data["edition"]
    assert result.max_points == load_edition(data["edition"]).max_points


def test_schema_and_scorer_agree_on_habitat_restoration_alternatives() -> None:
    both = {
        "indicators": {
            "habitat_restoration": {
                "restored_area_ha": 1,
                "degraded_area_ha": 2,
                "habitat_types_restored": 1,
                "habitat_types": 2,
            }
        }
    }
    one = {"indicators": {"habitat_restoration": {"habitat_types_restored": 1, "habitat_types": 2}}}
    assert not validator("2021").is_valid(both)
    assert validator("2021").is_valid(one)
    with pytest.raises(CBIInputError):
        score_document(both)
    # 1 of 2 habitat types restored = 50% → "40%–59.9%" → 2 points.
    assert score_document(one)[1].indicator("habitat_restoration").score == 2


def test_schema_refuses_what_the_scorer_refuses_field_by_field() -> None:
    bad = {
        "indicators": {
            "natural_areas": {"natural_area_ha": -1, "city_area_ha": 10},
            "lbsap": {"answer": "x"},
        }
    }
    assert not validator("2021").is_valid(bad)
    with pytest.raises(CBIInputError) as caught:
        score_document(bad)
    assert [p.code for p in caught.value.problems] == ["negative", "unknown_answer"]


def test_edition_defaults_to_2021_and_follows_the_file() -> None:
    assert read_document({"indicators": {}}).edition.id == "2021"
    assert read_document({"edition": "2014", "indicators": {}}).edition.id == "2014"
    assert read_document({"indicators": {}}, "2014").edition.id == "2014"


@pytest.mark.parametrize(
    ("data", "edition", "expected"),
    [
        ([], None, [("(document)", "not_an_object")]),
        ({}, None, [("indicators", "missing")]),
        (
            {"indicators": [], "edition": "2030"},
            None,
            [("edition", "unknown_edition"), ("indicators", "not_an_object")],
        ),
        ({"indicators": {}, "edition": "2021"}, "2014", [("edition", "edition_mismatch")]),
        (
            {"indicators": {}, "town": "x", "assessment_year": 24.5},
            None,
            [("town", "unknown_field"), ("assessment_year", "not_a_year")],
        ),
    ],
)
def test_envelope_problems(data: Any, edition: str | None, expected: list[tuple[str, str]]) -> None:
    with pytest.raises(CBIInputError) as caught:
        read_document(data, edition)
    assert [(p.path, p.code) for p in caught.value.problems] == expected


@pytest.mark.parametrize("edition", EDITIONS)
def test_docs_list_every_indicator_and_field(edition: str) -> None:
    text = (DOCS / "cbi.md").read_text(encoding="utf-8")
    for indicator in load_edition(edition).indicators:
        assert f"`{indicator.key}`" in text
        for field in indicator.inputs:
            assert f"`{field.name}`" in text, (indicator.key, field.name)
