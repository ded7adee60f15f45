"""Subtotals and totals: out of the full maxima (36 / 20 / 56, 112) and out of the answered ones."""

from __future__ import annotations

from typing import Any

from ecotrack.core.cbi import score_assessment

# A complete 2021 assessment. Expected points per indicator, read off the band tables:
FULL_2021: dict[str, Any] = {
    "natural_areas": {"natural_area_ha": 12, "city_area_ha": 100},  # 12% → 7.0–13.9 → 2
    "connectivity": {"patch_group_areas_ha": [60, 30, 10]},  # 46% → 40–59.9 → 2
    "birds_in_built_up": {
        "built_up_native_bird_species": 30,
        "native_bird_species": 200,
    },  # 15% → 11–15.9 → 2
    "change_vascular_plants": {"baseline_species": 500, "current_species": 503},  # +3 → 3
    "change_birds": {"baseline_species": 180, "current_species": 180},  # maintained → 0
    "change_arthropods": {"baseline_species": 300, "current_species": 310},  # +10 → ≥ +4 → 4
    "habitat_restoration": {"restored_area_ha": 30, "degraded_area_ha": 100},  # 30% → 20–39.9 → 1
    "protected_areas": {"protected_area_ha": 8, "city_area_ha": 100},  # 8% → 6.1–11 → 2
    "invasive_species": {
        "taxonomic_groups": [{"group": "birds", "native_species": 95, "invasive_species": 5}]
    },
    # ↑ 5% → 1.0–11.0 → 3.  Native biodiversity: 2+2+2+3+0+4+1+2+3 = 19 of 36
    "water_regulation": {"permeable_area_ha": 45, "terrestrial_area_ha": 100},  # 45% → 40–49.9 → 2
    "tree_canopy": {"tree_canopy_ha": 20, "terrestrial_area_ha": 100},  # 20% → 10–24.9 → 1
    "recreational_services": {
        "recreational_area_ha": 450,
        "population": 1_500_000,
    },  # 0.3 ha → 0.1–0.3 → 1
    "park_proximity": {
        "population_within_400m": 800_000,
        "population": 1_000_000,
    },  # 80% → 70–89.9 → 3
    "food_security": {"answer": "planned"},  # → 2.  Ecosystem services: 2+1+1+3+2 = 9 of 20
    "biodiversity_budget": {"biodiversity_budget": 1, "city_budget": 100},  # 1% → 0.4–2.2 → 1
    "biodiversity_projects": {"projects": 25},  # 22–39 → 2
    "lbsap": {"answer": "aligned_1_to_3"},  # → 3
    "natural_capital_assessment": {"answer": "considered"},  # → 1
    "green_infrastructure_policy": {"answer": "being_implemented"},  # → 3
    "biodiversity_functions": {"functions": 4},  # ≥ 4 → 4
    "inter_agency_cooperation": {"agencies": 5},  # 5 → 3
    "public_consultation": {"answer": "in_place"},  # → 4
    "partnerships": {"partners": 8},  # 7–12 → 2
    "citizen_science": {"answer": "none"},  # → 0
    "school_curriculum": {"answer": "planned"},  # → 2
    "outreach_events": {"events": 75},  # 60–149 → 2
    "education_visits": {"visits": 200, "children_under_16": 100},  # 2 per child → 2
    "cross_sectoral_mainstreaming": {"answer": "considered"},  # → 1
    # Governance: 1+2+3+1+3+4+3+4+2+0+2+2+2+1 = 30 of 56
}


def test_full_2021_assessment_totals() -> None:
    result = score_assessment("2021", FULL_2021)
    assert [(c.key, c.score, c.max_points) for c in result.components] == [
        ("native_biodiversity", 19, 36),
        ("ecosystem_services", 9, 20),
        ("governance", 30, 56),
    ]
    assert [c.text for c in result.components] == ["19 of 36", "9 of 20", "30 of 56"]
    assert (result.total, result.max_points, result.answered_max) == (58, 112, 112)
    assert result.text == "58 of 112"
    assert result.unanswered == ()
    assert [r.number for r in result.indicators] == list(range(1, 29))


def test_points_resting_on_provisional_data_are_counted() -> None:
    # Provisional: bands of 4, 5, 6 (3 + 0 + 4) and 9 (3), and everything in 14–28 (2 + 30).
    assert score_assessment("2021", FULL_2021).provisional_points == 7 + 3 + 32


def test_partial_assessment_is_scored_out_of_full_and_answered_maxima() -> None:
    result = score_assessment(
        "2021",
        {
            "natural_areas": FULL_2021["natural_areas"],  # 2
            "water_regulation": FULL_2021["water_regulation"],  # 2
            "lbsap": FULL_2021["lbsap"],  # 3
        },
    )
    assert (result.total, result.max_points, result.answered_max) == (7, 112, 12)
    assert [
        (c.score, c.max_points, c.answered_max, c.answered, c.indicators) for c in result.components
    ] == [
        (2, 36, 4, 1, 9),
        (2, 20, 4, 1, 5),
        (3, 56, 4, 1, 14),
    ]
    assert len(result.unanswered) == 25 and "connectivity" in result.unanswered


def test_nothing_answered_reads_like_the_citieswithnature_export() -> None:
    # Tongliao's profile: "0 of 36", "0 of 20", "0 of 56", "out of 112 points: 0 Points".
    result = score_assessment("2021", {})
    assert [c.text for c in result.components] == ["0 of 36", "0 of 20", "0 of 56"]
    assert result.text == "0 of 112"
    assert result.answered_max == 0


def test_2014_totals_out_of_92() -> None:
    result = score_assessment(
        "2014",
        {
            "natural_areas": {"natural_area_ha": 25, "city_area_ha": 100},  # 25% > 20.0 → 4
            "change_butterflies": {"baseline_species": 100, "current_species": 102},  # +2 → 2
            "recreational_parks": {
                "recreational_area_ha": 1,
                "population": 1000,
            },  # 1.0 ha > 0.9 → 4
            "outreach_events": {"events": 150},  # 150–300 → 3
        },
    )
    assert [c.text for c in result.components] == ["6 of 40", "4 of 16", "3 of 36"]
    assert result.text == "13 of 92"
    assert result.answered_max == 16
