"""Reverse scoring (invasive species), change-in-count steps, counts and ordinal ladders."""

from __future__ import annotations

import pytest

from ecotrack.core.cbi import CBIInputError, Edition

from .conftest import score_one


def one_group(native: int, invasive: int) -> dict[str, object]:
    return {
        "taxonomic_groups": [
            {"group": "vascular plants", "native_species": native, "invasive_species": invasive}
        ]
    }


# 2021 indicator 9, lower is better: ≥/>30 → 0 | 20.1–30 → 1 | 11.1–20 → 2 | 1.0–11.0 → 3 | <1.0 → 4
INVASIVE_2021 = [
    (one_group(101, 1), 4, "1/102 ≈ 0.98% < 1.0% → 4"),
    (one_group(99, 1), 3, "1/100 = 1.0%, inclusive lower edge of 1.0–11.0 → 3"),
    (one_group(89, 11), 3, "11/100 = 11.0%, inclusive upper edge of 1.0–11.0 → 3"),
    (one_group(8, 1), 2, "1/9 ≈ 11.11%, in 11.1–20.0 → 2"),
    (one_group(4, 1), 2, "1/5 = 20.0%, inclusive upper edge of 11.1–20.0 → 2"),
    (one_group(79, 21), 1, "21/100 = 21% in 20.1–30.0 → 1"),
    (
        one_group(7, 3),
        1,
        "3/10 = 30.0%: 1 point (the note's '≥ 30% → 0' conflicts with '20.1–30%'; see docs)",
    ),
    (one_group(69, 31), 0, "31/100 = 31% > 30.0 → 0"),
    (one_group(0, 5), 0, "only invasive species: 100% → 0"),
]


@pytest.mark.parametrize(
    ("inputs", "points", "why"), INVASIVE_2021, ids=[c[2] for c in INVASIVE_2021]
)
def test_invasive_species_is_reverse_scored(
    inputs: dict[str, object], points: int, why: str
) -> None:
    assert score_one("2021", "invasive_species", inputs).score == points, why


def test_invasive_species_several_groups_are_averaged_and_say_so() -> None:
    # Birds 10/100 = 10%, plants 30/100 = 30%: mean 20% → "11.1%–20.0%" → 2 points.
    result = score_one(
        "2021",
        "invasive_species",
        {
            "taxonomic_groups": [
                {"group": "birds", "native_species": 90, "invasive_species": 10},
                {"group": "plants", "native_species": 70, "invasive_species": 30},
            ]
        },
    )
    assert (result.value, result.score) == (20, 2)
    assert any("unweighted mean of 2" in m for m in result.messages)
    assert any("provisional" in m for m in result.messages)


def test_2014_invasive_species_is_a_share_of_all_species() -> None:
    # 2014 indicator 10: 5 of 500 species = 1.0% → "1.0%–11.0%" → 3; 151 of 500 = 30.2% → 0.
    assert (
        score_one("2014", "invasive_species", {"invasive_species": 5, "total_species": 500}).score
        == 3
    )
    assert (
        score_one("2014", "invasive_species", {"invasive_species": 151, "total_species": 500}).score
        == 0
    )


# 2021 indicators 4–6 (and 2014 4–8): maintain or decrease → 0, +1 → 1, +2 → 2, +3 → 3, ≥ +4 → 4
CHANGES = [
    (100, 90, 0),
    (100, 99, 0),
    (100, 100, 0),
    (100, 101, 1),
    (100, 102, 2),
    (100, 103, 3),
    (100, 104, 4),
    (100, 180, 4),
    (0, 4, 4),
]


@pytest.mark.parametrize(("baseline", "current", "points"), CHANGES)
@pytest.mark.parametrize("key", ["change_vascular_plants", "change_birds", "change_arthropods"])
def test_change_in_native_species_steps(key: str, baseline: int, current: int, points: int) -> None:
    result = score_one("2021", key, {"baseline_species": baseline, "current_species": current})
    assert result.score == points
    assert result.value == current - baseline


def test_change_text_and_survey_years() -> None:
    result = score_one(
        "2021",
        "change_birds",
        {
            "baseline_species": 180,
            "current_species": 182,
            "baseline_year": 2018,
            "survey_year": 2024,
        },
    )
    assert result.value_text == "+2 species"
    assert ("surveys", "2018 → 2024") in result.details


def test_2014_other_group_needs_its_name() -> None:
    result = score_one(
        "2014",
        "change_other_group_1",
        {"taxonomic_group": "dragonflies", "baseline_species": 40, "current_species": 43},
    )
    assert result.score == 3  # +3 species → 3
    with pytest.raises(CBIInputError) as caught:
        score_one("2014", "change_other_group_1", {"baseline_species": 40, "current_species": 43})
    assert [p.path for p in caught.value.problems] == [
        "indicators.change_other_group_1.taxonomic_group"
    ]


# 2014 indicator 3, native bird species in built-up areas: <12 | 12–19 | 20–27 | 28–68 | >68
@pytest.mark.parametrize(
    ("count", "points"),
    [(0, 0), (11, 0), (12, 1), (19, 1), (20, 2), (27, 2), (28, 3), (68, 3), (69, 4)],
)
def test_2014_bird_count_steps(count: int, points: int) -> None:
    assert (
        score_one("2014", "birds_in_built_up", {"built_up_native_bird_species": count}).score
        == points
    )


# 2014 indicator 23 / 2021 indicator 26, outreach events: 0 | 1–59 | 60–149 | 150–300 | >300
@pytest.mark.parametrize(
    ("events", "points"), [(0, 0), (1, 1), (59, 1), (60, 2), (149, 2), (150, 3), (300, 3), (301, 4)]
)
def test_outreach_event_steps(events: int, points: int) -> None:
    assert score_one("2014", "outreach_events", {"events": events}).score == points
    assert score_one("2021", "outreach_events", {"events": events}).score == points


# 2014 indicator 19, inter-agency co-operation: 1–2 → 0 | 3 → 1 | 4 → 2 | 5 → 3 | >5 → 4
@pytest.mark.parametrize(
    ("agencies", "points"), [(1, 0), (2, 0), (3, 1), (4, 2), (5, 3), (6, 4), (20, 4)]
)
def test_inter_agency_steps(agencies: int, points: int) -> None:
    assert score_one("2014", "inter_agency_cooperation", {"agencies": agencies}).score == points


LADDER = [("none", 0), ("considered", 1), ("planned", 2), ("being_implemented", 3), ("in_place", 4)]


@pytest.mark.parametrize(("answer", "points"), LADDER)
@pytest.mark.parametrize(
    "key",
    ["public_consultation", "school_curriculum", "natural_capital_assessment", "citizen_science"],
)
def test_five_step_ladders(key: str, answer: str, points: int) -> None:
    result = score_one("2021", key, {"answer": answer})
    assert (result.score, result.answer, result.value) == (points, answer, None)
    assert result.band.answer == answer


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        ("none", 0),
        ("not_aligned", 1),
        ("aligned_no_initiatives", 2),
        ("aligned_1_to_3", 3),
        ("aligned_4_or_more", 4),
    ],
)
def test_lbsap_ladder(answer: str, points: int) -> None:
    assert score_one("2014", "lbsap", {"answer": answer}).score == points


def test_ladders_and_all_governance_2021_say_they_are_provisional(ed2021: Edition) -> None:
    result = score_one("2021", "public_consultation", {"answer": "in_place"})
    assert result.band_provenance.status == "provisional"
    assert result.provenance.status == "provisional"
    assert result.provisional
    assert all(i.bands_provisional for i in ed2021.indicators if i.component == "governance")
    # A sourced indicator is not flagged: 12% natural area, WRI-transcribed bands.
    sourced = score_one("2021", "natural_areas", {"natural_area_ha": 12, "city_area_ha": 100})
    assert not sourced.provisional
    assert sourced.band_provenance.status == "secondary"
