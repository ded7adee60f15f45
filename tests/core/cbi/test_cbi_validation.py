"""Impossible inputs: every problem is reported, named by indicator and field, and nothing
partial comes back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ecotrack.core.cbi import CBIInputError, Problem, score_assessment


def problems(edition: str, inputs: dict[str, Any]) -> list[Problem]:
    with pytest.raises(CBIInputError) as caught:
        score_assessment(edition, inputs)
    return list(caught.value.problems)


def paths_and_codes(edition: str, inputs: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in problems(edition, inputs)]


def test_negative_area() -> None:
    found = problems("2021", {"natural_areas": {"natural_area_ha": -5, "city_area_ha": 100}})
    assert [(p.indicator, p.field, p.code) for p in found] == [
        ("natural_areas", "natural_area_ha", "negative")
    ]
    assert found[0].message == "must not be negative, got -5"
    assert found[0].message_zh == "不能为负数，实际为 -5"
    assert str(found[0]) == "indicators.natural_areas.natural_area_ha: must not be negative, got -5"


def test_part_larger_than_whole() -> None:
    found = problems("2021", {"protected_areas": {"protected_area_ha": 120, "city_area_ha": 100}})
    assert [(p.path, p.code) for p in found] == [
        ("indicators.protected_areas.protected_area_ha", "part_exceeds_whole")
    ]
    assert "larger than city_area_ha (100)" in found[0].message


def test_part_larger_than_whole_for_counts() -> None:
    assert paths_and_codes(
        "2021",
        {"birds_in_built_up": {"built_up_native_bird_species": 201, "native_bird_species": 200}},
    ) == [("indicators.birds_in_built_up.built_up_native_bird_species", "part_exceeds_whole")]
    assert paths_and_codes(
        "2021", {"park_proximity": {"population_within_400m": 11, "population": 10}}
    ) == [("indicators.park_proximity.population_within_400m", "part_exceeds_whole")]


@pytest.mark.parametrize(
    ("key", "inputs", "field"),
    [
        ("natural_areas", {"natural_area_ha": 0, "city_area_ha": 0}, "city_area_ha"),
        ("recreational_services", {"recreational_area_ha": 5, "population": 0}, "population"),
        ("habitat_restoration", {"habitat_types_restored": 0, "habitat_types": 0}, "habitat_types"),
    ],
)
def test_zero_denominators(key: str, inputs: dict[str, Any], field: str) -> None:
    assert paths_and_codes("2021", {key: inputs}) == [
        (f"indicators.{key}.{field}", "zero_denominator")
    ]


def test_zero_denominator_in_a_taxonomic_group() -> None:
    found = problems(
        "2021",
        {
            "invasive_species": {
                "taxonomic_groups": [
                    {"group": "birds", "native_species": 10, "invasive_species": 1},
                    {"group": "fish", "native_species": 0, "invasive_species": 0},
                ]
            }
        },
    )
    assert [(p.path, p.code) for p in found] == [
        ("indicators.invasive_species.taxonomic_groups[1]", "zero_denominator")
    ]
    assert "'fish'" in found[0].message


@pytest.mark.parametrize("bad", [12.5, Decimal("3.2"), "12", True, [3]])
def test_counts_must_be_whole_numbers(bad: Any) -> None:
    found = problems("2014", {"biodiversity_projects": {"projects": bad}})
    assert len(found) == 1 and found[0].path == "indicators.biodiversity_projects.projects"
    assert found[0].code in {"not_whole", "not_a_number"}


def test_whole_valued_decimals_are_accepted_as_counts() -> None:
    # 40.0 from a spreadsheet export is still a whole number: "40–71 projects" → 3.
    result = score_assessment("2014", {"biodiversity_projects": {"projects": Decimal("40.0")}})
    assert result.indicator("biodiversity_projects").score == 3


def test_unknown_ordinal_answer_lists_the_allowed_ones() -> None:
    found = problems("2021", {"school_curriculum": {"answer": "maybe"}})
    assert [(p.path, p.code) for p in found] == [
        ("indicators.school_curriculum.answer", "unknown_answer")
    ]
    assert found[0].message == (
        "unknown answer 'maybe'; expected one of: "
        "none, considered, planned, being_implemented, in_place"
    )


def test_missing_required_inputs() -> None:
    found = problems("2021", {"tree_canopy": {"tree_canopy_ha": 10}})
    assert [(p.path, p.code) for p in found] == [
        ("indicators.tree_canopy.terrestrial_area_ha", "missing")
    ]
    assert found[0].message == "is required (Total terrestrial area of the city)"
    assert found[0].message_zh == "为必填项（城市陆域总面积）"


def test_habitat_restoration_needs_exactly_one_method() -> None:
    assert paths_and_codes("2021", {"habitat_restoration": {}}) == [
        ("indicators.habitat_restoration", "missing")
    ]
    both = {
        "restored_area_ha": 1,
        "degraded_area_ha": 2,
        "habitat_types_restored": 1,
        "habitat_types": 2,
    }
    assert paths_and_codes("2021", {"habitat_restoration": both}) == [
        ("indicators.habitat_restoration", "ambiguous")
    ]
    assert paths_and_codes("2021", {"habitat_restoration": {"restored_area_ha": 1}}) == [
        ("indicators.habitat_restoration.degraded_area_ha", "missing")
    ]


def test_unknown_fields_and_indicators_are_refused_not_ignored() -> None:
    assert paths_and_codes(
        "2021", {"natural_areas": {"natual_area_ha": 1, "natural_area_ha": 1, "city_area_ha": 2}}
    ) == [("indicators.natural_areas.natual_area_ha", "unknown_field")]
    # "change_butterflies" exists in 2014 only.
    assert paths_and_codes("2021", {"change_butterflies": {}}) == [
        ("indicators.change_butterflies", "unknown_indicator")
    ]


def test_patch_groups_must_be_positive_areas() -> None:
    assert paths_and_codes("2021", {"connectivity": {"patch_group_areas_ha": []}}) == [
        ("indicators.connectivity.patch_group_areas_ha", "not_a_list")
    ]
    assert paths_and_codes("2021", {"connectivity": {"patch_group_areas_ha": [10, 0, -3]}}) == [
        ("indicators.connectivity.patch_group_areas_ha[1]", "not_positive"),
        ("indicators.connectivity.patch_group_areas_ha[2]", "negative"),
    ]


def test_survey_year_must_follow_baseline_year() -> None:
    inputs = {
        "baseline_species": 5,
        "current_species": 6,
        "baseline_year": 2024,
        "survey_year": 2020,
    }
    assert paths_and_codes("2021", {"change_birds": inputs}) == [
        ("indicators.change_birds.survey_year", "survey_year_not_after_baseline")
    ]


def test_taxonomic_groups_are_checked_item_by_item() -> None:
    groups = [
        {"group": "birds", "native_species": 1.5, "invasive_species": 0},
        {"group": "birds", "native_species": 3, "invasive_species": 1},
        {"group": "fish", "native": 3, "invasive_species": 1},
    ]
    assert paths_and_codes("2021", {"invasive_species": {"taxonomic_groups": groups}}) == [
        ("indicators.invasive_species.taxonomic_groups[0].native_species", "not_whole"),
        ("indicators.invasive_species.taxonomic_groups[2].native", "unknown_field"),
        ("indicators.invasive_species.taxonomic_groups[2].native_species", "missing"),
    ]


def test_all_problems_across_indicators_come_together_and_nothing_partial() -> None:
    inputs = {
        "natural_areas": {"natural_area_ha": 12, "city_area_ha": 100},  # fine on its own
        "protected_areas": {"protected_area_ha": -1, "city_area_ha": 100},
        "lbsap": {"answer": "yes"},
        "biodiversity_projects": {"projects": 2.5},
    }
    with pytest.raises(CBIInputError) as caught:
        score_assessment("2021", inputs)
    assert [p.indicator for p in caught.value.problems] == [
        "protected_areas",
        "biodiversity_projects",
        "lbsap",
    ]
    text = str(caught.value)
    assert text.startswith("3 problem(s) with the CBI input:")
    assert "indicators.protected_areas.protected_area_ha: must not be negative" in text


def test_nan_and_infinity_are_not_numbers() -> None:
    for bad in (float("nan"), float("inf"), Decimal("NaN")):
        assert paths_and_codes(
            "2021", {"natural_areas": {"natural_area_ha": bad, "city_area_ha": 1}}
        ) == [("indicators.natural_areas.natural_area_ha", "not_a_number")]
