"""Every band edge of the sourced (WRI-transcribed) 2021 indicators, on both sides.

Expected points are read off the band tables in the edition file, whose text follows the
Handbook's style "a–b.9%"; where the published bands leave a gap (6.9 then 7.0) we close it at the
next band's edge, as docs/cbi.md explains. Inputs use a whole of 100 (or 1,000) so the value equals
the part exactly: e.g. natural area 7.0 ha of 100 ha is exactly 7.0%.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from ecotrack.core.cbi import Edition
from ecotrack.core.cbi.bands import match_value

from .conftest import d, score_one


def natural(pct: str) -> dict[str, Decimal]:
    return {"natural_area_ha": d(pct), "city_area_ha": d("100")}


def protected(pct: str) -> dict[str, Decimal]:
    return {"protected_area_ha": d(pct), "city_area_ha": d("100")}


def permeable(pct: str) -> dict[str, Decimal]:
    return {"permeable_area_ha": d(pct), "terrestrial_area_ha": d("100")}


def canopy(pct: str) -> dict[str, Decimal]:
    return {"tree_canopy_ha": d(pct), "terrestrial_area_ha": d("100")}


def restored(pct: str) -> dict[str, Decimal]:
    return {"restored_area_ha": d(pct), "degraded_area_ha": d("100")}


def birds(per_mille: int) -> dict[str, int]:
    # 1,000 native species in all, so 59 in built-up areas is exactly 5.9%.
    return {"built_up_native_bird_species": per_mille, "native_bird_species": 1000}


def recreation(ha: str) -> dict[str, object]:
    # 1,000 people, so the area in hectares is exactly the value per 1,000 persons.
    return {"recreational_area_ha": d(ha), "population": 1000}


def near_parks(people: int) -> dict[str, int]:
    # 1,000 people, so 299 living within 400 m is exactly 29.9%.
    return {"population_within_400m": people, "population": 1000}


CASES_2021 = [
    # Indicator 1, proportion of natural areas: <1.0 | 1.0–6.9 | 7.0–13.9 | 14.0–20.0 | >20.0
    ("natural_areas", natural("0.999"), 0, "< 1.0%: just below 1.0"),
    ("natural_areas", natural("1.0"), 1, "1.0%–6.9%: 1.0 is inclusive"),
    ("natural_areas", natural("6.9"), 1, "1.0%–6.9%: published top"),
    ("natural_areas", natural("6.99"), 1, "gap 6.9–7.0 closed: below 7.0 still scores 1"),
    ("natural_areas", natural("7.0"), 2, "7.0%–13.9%: 7.0 is inclusive"),
    ("natural_areas", natural("13.99"), 2, "7.0%–13.9%: gap closed below 14.0"),
    ("natural_areas", natural("14.0"), 3, "14.0%–20.0%: 14.0 is inclusive"),
    ("natural_areas", natural("20.0"), 3, "14.0%–20.0%: 20.0 is inclusive"),
    ("natural_areas", natural("20.01"), 4, "> 20.0%: just above 20.0"),
    # Indicator 3, birds in built-up areas: <6 | 6–10.9 | 11–15.9 | 16–20 | >20
    ("birds_in_built_up", birds(59), 0, "< 6%: 5.9%"),
    ("birds_in_built_up", birds(60), 1, "6%–10.9%: 6% is inclusive"),
    ("birds_in_built_up", birds(109), 1, "6%–10.9%: published top 10.9%"),
    ("birds_in_built_up", birds(110), 2, "11%–15.9%: 11% is inclusive"),
    ("birds_in_built_up", birds(159), 2, "11%–15.9%: 15.9%"),
    ("birds_in_built_up", birds(160), 3, "16%–20%: 16% is inclusive"),
    ("birds_in_built_up", birds(200), 3, "16%–20%: 20% is inclusive"),
    ("birds_in_built_up", birds(201), 4, "> 20%: 20.1%"),
    # Indicator 7 (area method), habitat restoration: <20 | 20–39.9 | 40–59.9 | 60–79.9 | ≥80
    ("habitat_restoration", restored("19.99"), 0, "< 20%"),
    ("habitat_restoration", restored("20"), 1, "20%–39.9%: 20 is inclusive"),
    ("habitat_restoration", restored("39.99"), 1, "20%–39.9%: gap closed below 40"),
    ("habitat_restoration", restored("40"), 2, "40%–59.9%: 40 is inclusive"),
    ("habitat_restoration", restored("60"), 3, "60%–79.9%: 60 is inclusive"),
    ("habitat_restoration", restored("79.99"), 3, "60%–79.9%: gap closed below 80"),
    ("habitat_restoration", restored("80"), 4, "≥ 80%: 80 is inclusive"),
    # Indicator 7 (habitat-types method): 1 of 5 types = 20% exactly.
    (
        "habitat_restoration",
        {"habitat_types_restored": 1, "habitat_types": 5},
        1,
        "20%–39.9%: 1 of 5 types",
    ),
    (
        "habitat_restoration",
        {"habitat_types_restored": 0, "habitat_types": 5},
        0,
        "< 20%: no type restored",
    ),
    # Indicator 8, protected natural areas: <1 | 1–6 | 6.1–11 | 11.1–17 | >17
    ("protected_areas", protected("0.99"), 0, "< 1%"),
    ("protected_areas", protected("1"), 1, "1%–6%: 1 is inclusive"),
    ("protected_areas", protected("6"), 1, "1%–6%: 6 is inclusive (WRI code would give 2)"),
    ("protected_areas", protected("6.05"), 2, "6.1%–11%: gap above 6 closed"),
    ("protected_areas", protected("11"), 2, "6.1%–11%: 11 is inclusive"),
    ("protected_areas", protected("11.05"), 3, "11.1%–17%: gap above 11 closed"),
    ("protected_areas", protected("17"), 3, "11.1%–17%: 17 is inclusive (WRI code would give 4)"),
    ("protected_areas", protected("17.01"), 4, "> 17%"),
    # Indicator 10, permeable area: <30 | 30–39.9 | 40–49.9 | 50–59.9 | ≥60
    ("water_regulation", permeable("29.99"), 0, "< 30%"),
    ("water_regulation", permeable("30"), 1, "30%–39.9%: 30 is inclusive"),
    ("water_regulation", permeable("39.9"), 1, "30%–39.9%: published top"),
    ("water_regulation", permeable("40"), 2, "40%–49.9%"),
    ("water_regulation", permeable("49.99"), 2, "40%–49.9%: gap closed below 50"),
    ("water_regulation", permeable("50"), 3, "50%–59.9%"),
    ("water_regulation", permeable("59.99"), 3, "50%–59.9%: gap closed below 60"),
    ("water_regulation", permeable("60"), 4, "≥ 60%: 60 is inclusive"),
    # Indicator 11, tree canopy: <10 | 10–24.9 | 25–39.9 | 40–54.9 | ≥55
    ("tree_canopy", canopy("9.99"), 0, "< 10%"),
    ("tree_canopy", canopy("10"), 1, "10%–24.9%: 10 is inclusive"),
    ("tree_canopy", canopy("24.99"), 1, "10%–24.9%: gap closed below 25"),
    ("tree_canopy", canopy("25"), 2, "25%–39.9%"),
    ("tree_canopy", canopy("40"), 3, "40%–54.9%"),
    ("tree_canopy", canopy("54.99"), 3, "40%–54.9%: gap closed below 55"),
    ("tree_canopy", canopy("55"), 4, "≥ 55%: 55 is inclusive"),
    # Indicator 12, ha per 1,000 persons: <0.1 | 0.1–0.3 | 0.4–0.6 | 0.7–0.9 | >0.9
    ("recreational_services", recreation("0.099"), 0, "< 0.1 ha"),
    ("recreational_services", recreation("0.1"), 1, "0.1–0.3: 0.1 is inclusive"),
    ("recreational_services", recreation("0.39"), 1, "0.1–0.3: gap closed below 0.4"),
    ("recreational_services", recreation("0.4"), 2, "0.4–0.6: 0.4 is inclusive"),
    ("recreational_services", recreation("0.69"), 2, "0.4–0.6: gap closed below 0.7"),
    ("recreational_services", recreation("0.7"), 3, "0.7–0.9: 0.7 is inclusive"),
    (
        "recreational_services",
        recreation("0.9"),
        3,
        "0.7–0.9: 0.9 is inclusive (WRI code would give 4)",
    ),
    ("recreational_services", recreation("0.901"), 4, "> 0.9 ha"),
    # Indicator 13, population within 400 m of a park: <30 | 30–49.9 | 50–69.9 | 70–89.9 | ≥90
    ("park_proximity", near_parks(299), 0, "< 30%: 29.9%"),
    ("park_proximity", near_parks(300), 1, "30%–49.9%: 30 is inclusive"),
    ("park_proximity", near_parks(499), 1, "30%–49.9%: 49.9%"),
    ("park_proximity", near_parks(500), 2, "50%–69.9%"),
    ("park_proximity", near_parks(700), 3, "70%–89.9%"),
    ("park_proximity", near_parks(899), 3, "70%–89.9%: 89.9%"),
    ("park_proximity", near_parks(900), 4, "≥ 90%: 90 is inclusive"),
    ("park_proximity", near_parks(1000), 4, "≥ 90%: everyone"),
]


@pytest.mark.parametrize(
    ("key", "inputs", "points", "why"), CASES_2021, ids=[f"{c[0]}-{c[3]}" for c in CASES_2021]
)
def test_2021_band_edges(key: str, inputs: dict[str, object], points: int, why: str) -> None:
    assert score_one("2021", key, inputs).score == points, why


# Indicator 2 (coherence, %): <20 | 20–39.9 | 40–59.9 | 60–79.9 | ≥80. Values set directly on the
# band table, because few sets of patch groups give an edge exactly.
CONNECTIVITY_EDGES = [
    ("19.999", 0),
    ("20", 1),
    ("39.99", 1),
    ("40", 2),
    ("59.99", 2),
    ("60", 3),
    ("79.99", 3),
    ("80", 4),
    ("100", 4),
]


@pytest.mark.parametrize(("value", "points"), CONNECTIVITY_EDGES)
def test_2021_connectivity_band_edges(ed2021: Edition, value: str, points: int) -> None:
    assert match_value(ed2021.indicator("connectivity").bands, Fraction(value)).points == points


@pytest.mark.parametrize(
    ("groups", "points", "why"),
    [
        # Five equal groups: 5·1² / 5² = 1/5 = 20% exactly → "20%–39.9%", lower edge inclusive.
        ([1, 1, 1, 1, 1], 1, "20% exactly"),
        # (1+1+1+1+36) / 10² = 40/100 = 40% exactly → "40%–59.9%", lower edge inclusive.
        ([1, 1, 1, 1, 6], 2, "40% exactly"),
        # (1+4+9+361) / 25² = 375/625 = 60% exactly → "60%–79.9%", lower edge inclusive.
        ([1, 2, 3, 19], 3, "60% exactly"),
        # One group: 1² / 1² = 100% → "≥ 80%".
        ([250], 4, "one connected group"),
        # Six equal groups: 6/36 = 16.7% → "< 20%".
        ([2, 2, 2, 2, 2, 2], 0, "six equal groups"),
    ],
)
def test_2021_connectivity_edges_from_patch_groups(
    groups: list[int], points: int, why: str
) -> None:
    assert score_one("2021", "connectivity", {"patch_group_areas_ha": groups}).score == points, why


CASES_2014 = [
    # 2014 indicator 9, protected areas (provisional bands):
    #   <1.4 | 1.4–5.5 | 5.6–11.1 | 11.2–19.4 | >19.4
    ("protected_areas", protected("1.39"), 0, "< 1.4%"),
    ("protected_areas", protected("1.4"), 1, "1.4%–5.5%: 1.4 is inclusive"),
    ("protected_areas", protected("5.59"), 1, "1.4%–5.5%: gap closed below 5.6"),
    ("protected_areas", protected("5.6"), 2, "5.6%–11.1%"),
    ("protected_areas", protected("11.2"), 3, "11.2%–19.4%"),
    ("protected_areas", protected("19.4"), 3, "11.2%–19.4%: 19.4 is inclusive"),
    ("protected_areas", protected("19.41"), 4, "> 19.4%"),
    # 2014 indicator 11, permeable: <33.1 | 33.1–39.7 | 39.8–64.2 | 64.3–75.0 | >75.0
    ("water_regulation", permeable("33.09"), 0, "< 33.1%"),
    ("water_regulation", permeable("33.1"), 1, "33.1%–39.7%"),
    ("water_regulation", permeable("39.8"), 2, "39.8%–64.2%"),
    ("water_regulation", permeable("64.3"), 3, "64.3%–75.0%"),
    ("water_regulation", permeable("75.0"), 3, "64.3%–75.0%: 75.0 is inclusive"),
    ("water_regulation", permeable("75.01"), 4, "> 75.0%"),
    # 2014 indicator 12, canopy: <10.5 | 10.5–19.1 | 19.2–29.0 | 29.1–59.7 | >59.7
    ("tree_canopy", canopy("10.49"), 0, "< 10.5%"),
    ("tree_canopy", canopy("10.5"), 1, "10.5%–19.1%"),
    ("tree_canopy", canopy("19.2"), 2, "19.2%–29.0%"),
    ("tree_canopy", canopy("29.1"), 3, "29.1%–59.7%"),
    ("tree_canopy", canopy("59.7"), 3, "29.1%–59.7%: 59.7 is inclusive"),
    ("tree_canopy", canopy("59.71"), 4, "> 59.7%"),
    # 2014 indicator 15, budget: <0.4 | 0.4–2.2 | 2.3–2.7 | 2.8–3.7 | >3.7 (city budget 1,000)
    ("biodiversity_budget", {"biodiversity_budget": 3, "city_budget": 1000}, 0, "0.3% < 0.4%"),
    (
        "biodiversity_budget",
        {"biodiversity_budget": 4, "city_budget": 1000},
        1,
        "0.4% is inclusive",
    ),
    ("biodiversity_budget", {"biodiversity_budget": 23, "city_budget": 1000}, 2, "2.3%–2.7%"),
    (
        "biodiversity_budget",
        {"biodiversity_budget": 37, "city_budget": 1000},
        3,
        "2.8%–3.7%: 3.7 inclusive",
    ),
    ("biodiversity_budget", {"biodiversity_budget": 38, "city_budget": 1000}, 4, "> 3.7%"),
    # 2014 indicator 14, visits per child: 0 | 1 | 2 | 3 | >3 (100 children)
    ("education_visits", {"visits": 99, "children_under_16": 100}, 0, "0.99 visits: below 1"),
    ("education_visits", {"visits": 100, "children_under_16": 100}, 1, "1 visit"),
    ("education_visits", {"visits": 300, "children_under_16": 100}, 3, "exactly 3 visits"),
    ("education_visits", {"visits": 301, "children_under_16": 100}, 4, "> 3 visits"),
]


@pytest.mark.parametrize(
    ("key", "inputs", "points", "why"), CASES_2014, ids=[f"{c[0]}-{c[3]}" for c in CASES_2014]
)
def test_2014_band_edges(key: str, inputs: dict[str, object], points: int, why: str) -> None:
    assert score_one("2014", key, inputs).score == points, why


def test_float_inputs_do_not_slip_across_an_edge() -> None:
    # 0.07 × 100 is 7.000000000000001 in binary floats; exact arithmetic gives 7.0% → 2 points
    # ("7.0%–13.9%"), and 0.069 ha of 1 ha gives 6.9% → 1 point.
    assert (
        score_one("2021", "natural_areas", {"natural_area_ha": 0.07, "city_area_ha": 1}).score == 2
    )
    assert (
        score_one("2021", "natural_areas", {"natural_area_ha": 0.069, "city_area_ha": 1}).score == 1
    )
    # 1/3 of the city: ≈33.33% → "> 20.0%".
    result = score_one("2021", "natural_areas", {"natural_area_ha": 1, "city_area_ha": 3})
    assert result.value == Fraction(100, 3)
    assert result.value_text == "≈33.33%"
