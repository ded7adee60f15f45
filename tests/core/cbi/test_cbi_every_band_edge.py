"""Every band edge of 2021 indicators 1–13 and of all 23 indicators of 2014: on, just below, above.

The expected points are NOT read from the edition files. Each indicator's bands are typed below
from the tables in `reference/research/cbi-and-citieswithnature.md` (§1.2 for 2021, §1.4 for
2014), and each edge states the points just below it, on it and just above it. The readings of
the published text are those explained in docs/cbi.md ("How a value meets a band"):

- `a–b.9%` followed by `(b+1)%–…`: the gap is closed at the next band's edge, so b.9 and
  b.95 still score the lower band and b+1 the upper one;
- a closed top band (`14.0–20.0%`, `1%–6%`) includes its top; the next band starts just above;
- integer steps (counts, change in species) have inclusive whole-number edges.

"Just below/above" is 0.001 of the unit for continuous values (0.001 percentage points, 0.001 ha,
0.001 ha per 1,000 persons, 0.001 visits per child) and 1 for whole numbers. Inputs are chosen so
the value equals the stated number exactly (e.g. 1.001 ha of 100 ha = 1.001%); each case also
checks that, so a builder cannot silently move a value across an edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from ecotrack.core.cbi import CBIInputError, Edition

from .conftest import score_one

Inputs = dict[str, Any]
FINE = Decimal("0.001")


# --- Ways to turn a value into raw inputs that give exactly that value --------------------------


def share_of_100(part: str, whole: str) -> Callable[[Decimal], Inputs]:
    """A percentage as a decimal part of a whole of 100 (areas, budgets): part = value."""
    return lambda v: {part: v, whole: Decimal(100)}


def share_of_100000(part: str, whole: str, **extra: Any) -> Callable[[Decimal], Inputs]:
    """A percentage of whole-number counts: of 100,000, value 5.999% is 5,999 (1 per 0.001 pp)."""
    return lambda v: {part: int(v * 1000), whole: 100_000, **extra}


def per_thousand_of_1000(amount: str) -> Callable[[Decimal], Inputs]:
    # 1,000 persons: the area in hectares is the value per 1,000 persons.
    return lambda v: {amount: v, "population": 1000}


def visits_per_child(v: Decimal) -> Inputs:
    # 1,000 children: 2,999 visits is 2.999 visits per child.
    return {"visits": int(v * 1000), "children_under_16": 1000}


def count_of(field: str) -> Callable[[Decimal], Inputs]:
    return lambda v: {field: int(v)}


def change_in_species(**extra: Any) -> Callable[[Decimal], Inputs]:
    # Baseline survey of 100 species; the value is current − baseline.
    return lambda v: {"baseline_species": 100, "current_species": 100 + int(v), **extra}


def invasive_same_taxon(v: Decimal) -> Inputs:
    # 2021 ind. 9: IAS ÷ (native + IAS) of one group; native + IAS = 100,000.
    invasive = int(v * 1000)
    group = {"group": "vascular plants", "native_species": 100_000 - invasive}
    return {"taxonomic_groups": [group | {"invasive_species": invasive}]}


def one_patch_group(v: Decimal) -> Inputs:
    # 2014 ind. 2: one group of A ha has meff = A² ÷ A = A.
    return {"patch_group_areas_ha": [v]}


# --- The bands, typed from the research note ---------------------------------------------------


@dataclass(frozen=True)
class Edge:
    value: str
    below: int | None  # None: there is nothing below (counts cannot be negative)
    on: int
    above: int


@dataclass(frozen=True)
class Table:
    edition: str
    number: int
    key: str
    bands: str  # 0 | 1 | 2 | 3 | 4 points, as published
    edges: tuple[Edge, ...]
    build: Callable[[Decimal], Inputs]
    whole: bool = False  # whole-number values: "just below/above" is ±1

    @property
    def step(self) -> Decimal:
        return Decimal(1) if self.whole else FINE


def e(value: str, below: int | None, on: int, above: int) -> Edge:
    return Edge(value, below, on, above)


# Shared shapes. Percent bands "a–b.9" list both the published top (b.9) and the next edge.
NATURAL = (
    e("1.0", 0, 1, 1), e("6.9", 1, 1, 1), e("7.0", 1, 2, 2), e("13.9", 2, 2, 2),
    e("14.0", 2, 3, 3), e("20.0", 3, 3, 4),
)  # fmt: skip
RECREATION = (
    e("0.1", 0, 1, 1), e("0.3", 1, 1, 1), e("0.4", 1, 2, 2), e("0.6", 2, 2, 2),
    e("0.7", 2, 3, 3), e("0.9", 3, 3, 4),
)  # fmt: skip
# Change in native species: "maintaining or decrease" | +1 | +2 | +3 | ≥ +4.
SPECIES = (e("0", 0, 0, 1), e("1", 0, 1, 2), e("2", 1, 2, 3), e("3", 2, 3, 4), e("4", 3, 4, 4))
# Invasive alien species, reverse-scored: 0 for "> 30%" | 20.1–30 → 1 | 11.1–20 → 2 |
# 1.0–11.0 → 3 | "< 1.0%" → 4. At 30.0% we follow 2014's "> 30%" (docs: open questions).
INVASIVE = (
    e("1.0", 4, 3, 3), e("11.0", 3, 3, 2), e("11.1", 2, 2, 2), e("20.0", 2, 2, 1),
    e("20.1", 1, 1, 1), e("30.0", 1, 1, 0),
)  # fmt: skip
TENS_TO_80 = (
    e("20", 0, 1, 1), e("39.9", 1, 1, 1), e("40", 1, 2, 2), e("59.9", 2, 2, 2),
    e("60", 2, 3, 3), e("79.9", 3, 3, 3), e("80", 3, 4, 4),
)  # fmt: skip

TABLES_2021 = [
    Table("2021", 1, "natural_areas", "<1.0 | 1.0–6.9 | 7.0–13.9 | 14.0–20.0 | >20.0 %",
          NATURAL, share_of_100("natural_area_ha", "city_area_ha")),
    # Indicator 2 (coherence) cannot be set to any value by one builder: see the patch-group
    # cases further down.
    Table("2021", 3, "birds_in_built_up", "<6 | 6–10.9 | 11–15.9 | 16–20 | >20 %",
          (e("6", 0, 1, 1), e("10.9", 1, 1, 1), e("11", 1, 2, 2), e("15.9", 2, 2, 2),
           e("16", 2, 3, 3), e("20", 3, 3, 4)),
          share_of_100000("built_up_native_bird_species", "native_bird_species")),
    Table("2021", 4, "change_vascular_plants", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(), whole=True),
    Table("2021", 5, "change_birds", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(), whole=True),
    Table("2021", 6, "change_arthropods", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(), whole=True),
    Table("2021", 7, "habitat_restoration", "<20 | 20–39.9 | 40–59.9 | 60–79.9 | ≥80 %",
          TENS_TO_80, share_of_100("restored_area_ha", "degraded_area_ha")),
    Table("2021", 8, "protected_areas", "<1 | 1–6 | 6.1–11 | 11.1–17 | >17 %",
          (e("1", 0, 1, 1), e("6", 1, 1, 2), e("6.1", 2, 2, 2), e("11", 2, 2, 3),
           e("11.1", 3, 3, 3), e("17", 3, 3, 4)),
          share_of_100("protected_area_ha", "city_area_ha")),
    Table("2021", 9, "invasive_species", ">30 | 20.1–30 | 11.1–20 | 1.0–11.0 | <1.0 % (reverse)",
          INVASIVE, invasive_same_taxon),
    Table("2021", 10, "water_regulation", "<30 | 30–39.9 | 40–49.9 | 50–59.9 | ≥60 %",
          (e("30", 0, 1, 1), e("39.9", 1, 1, 1), e("40", 1, 2, 2), e("49.9", 2, 2, 2),
           e("50", 2, 3, 3), e("59.9", 3, 3, 3), e("60", 3, 4, 4)),
          share_of_100("permeable_area_ha", "terrestrial_area_ha")),
    Table("2021", 11, "tree_canopy", "<10 | 10–24.9 | 25–39.9 | 40–54.9 | ≥55 %",
          (e("10", 0, 1, 1), e("24.9", 1, 1, 1), e("25", 1, 2, 2), e("39.9", 2, 2, 2),
           e("40", 2, 3, 3), e("54.9", 3, 3, 3), e("55", 3, 4, 4)),
          share_of_100("tree_canopy_ha", "terrestrial_area_ha")),
    Table("2021", 12, "recreational_services", "<0.1 | 0.1–0.3 | 0.4–0.6 | 0.7–0.9 | >0.9 ha/1000",
          RECREATION, per_thousand_of_1000("recreational_area_ha")),
    Table("2021", 13, "park_proximity", "<30 | 30–49.9 | 50–69.9 | 70–89.9 | ≥90 %",
          (e("30", 0, 1, 1), e("49.9", 1, 1, 1), e("50", 1, 2, 2), e("69.9", 2, 2, 2),
           e("70", 2, 3, 3), e("89.9", 3, 3, 3), e("90", 3, 4, 4)),
          share_of_100000("population_within_400m", "population")),
]  # fmt: skip

TABLES_2014 = [
    Table("2014", 1, "natural_areas", "<1.0 | 1.0–6.9 | 7.0–13.9 | 14.0–20.0 | >20.0 %",
          NATURAL, share_of_100("natural_area_ha", "city_area_ha")),
    # meff in ha. "<200 | 201–500": 200 itself is closed into the 1-point band (docs/cbi.md).
    Table("2014", 2, "connectivity", "<200 | 201–500 | 501–1000 | 1001–1500 | >1500 ha",
          (e("200", 0, 1, 1), e("201", 1, 1, 1), e("500", 1, 1, 2), e("501", 2, 2, 2),
           e("1000", 2, 2, 3), e("1001", 3, 3, 3), e("1500", 3, 3, 4)),
          one_patch_group),
    Table("2014", 3, "birds_in_built_up", "<12 | 12–19 | 20–27 | 28–68 | >68 species",
          (e("0", None, 0, 0), e("11", 0, 0, 1), e("12", 0, 1, 1), e("19", 1, 1, 2),
           e("20", 1, 2, 2), e("27", 2, 2, 3), e("28", 2, 3, 3), e("68", 3, 3, 4)),
          count_of("built_up_native_bird_species"), whole=True),
    Table("2014", 4, "change_vascular_plants", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(), whole=True),
    Table("2014", 5, "change_birds", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(), whole=True),
    Table("2014", 6, "change_butterflies", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(), whole=True),
    Table("2014", 7, "change_other_group_1", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(taxonomic_group="dragonflies"), whole=True),
    Table("2014", 8, "change_other_group_2", "≤0 | +1 | +2 | +3 | ≥+4 species",
          SPECIES, change_in_species(taxonomic_group="amphibians"), whole=True),
    Table("2014", 9, "protected_areas", "<1.4 | 1.4–5.5 | 5.6–11.1 | 11.2–19.4 | >19.4 %",
          (e("1.4", 0, 1, 1), e("5.5", 1, 1, 1), e("5.6", 1, 2, 2), e("11.1", 2, 2, 2),
           e("11.2", 2, 3, 3), e("19.4", 3, 3, 4)),
          share_of_100("protected_area_ha", "city_area_ha")),
    # 2014 ind. 10 is a share of all species (not same-taxon); same reverse bands.
    Table("2014", 10, "invasive_species", ">30 | 20.1–30 | 11.1–20 | 1.0–11.0 | <1.0 % (reverse)",
          INVASIVE, share_of_100000("invasive_species", "total_species")),
    Table("2014", 11, "water_regulation", "<33.1 | 33.1–39.7 | 39.8–64.2 | 64.3–75.0 | >75.0 %",
          (e("33.1", 0, 1, 1), e("39.7", 1, 1, 1), e("39.8", 1, 2, 2), e("64.2", 2, 2, 2),
           e("64.3", 2, 3, 3), e("75.0", 3, 3, 4)),
          share_of_100("permeable_area_ha", "terrestrial_area_ha")),
    Table("2014", 12, "tree_canopy", "<10.5 | 10.5–19.1 | 19.2–29.0 | 29.1–59.7 | >59.7 %",
          (e("10.5", 0, 1, 1), e("19.1", 1, 1, 1), e("19.2", 1, 2, 2), e("29.0", 2, 2, 2),
           e("29.1", 2, 3, 3), e("59.7", 3, 3, 4)),
          share_of_100("tree_canopy_ha", "terrestrial_area_ha")),
    Table("2014", 13, "recreational_parks", "<0.1 | 0.1–0.3 | 0.4–0.6 | 0.7–0.9 | >0.9 ha/1000",
          RECREATION, per_thousand_of_1000("recreational_area_ha")),
    # Visits per child "0 | 1 | 2 | 3 | >3": an average, so read as <1 | [1,2) | [2,3) | =3 | >3.
    Table("2014", 14, "education_visits", "0 | 1 | 2 | 3 | >3 visits per child",
          (e("1", 0, 1, 1), e("2", 1, 2, 2), e("3", 2, 3, 4)),
          visits_per_child),
    Table("2014", 15, "biodiversity_budget", "<0.4 | 0.4–2.2 | 2.3–2.7 | 2.8–3.7 | >3.7 %",
          (e("0.4", 0, 1, 1), e("2.2", 1, 1, 1), e("2.3", 1, 2, 2), e("2.7", 2, 2, 2),
           e("2.8", 2, 3, 3), e("3.7", 3, 3, 4)),
          share_of_100("biodiversity_budget", "city_budget")),
    Table("2014", 16, "biodiversity_projects", "<12 | 12–21 | 22–39 | 40–71 | >71 projects",
          (e("11", 0, 0, 1), e("12", 0, 1, 1), e("21", 1, 1, 2), e("22", 1, 2, 2),
           e("39", 2, 2, 3), e("40", 2, 3, 3), e("71", 3, 3, 4)),
          count_of("projects"), whole=True),
    Table("2014", 18, "biodiversity_functions", "0 | 1 | 2 | 3 | ≥4 functions",
          (e("0", None, 0, 1), e("1", 0, 1, 2), e("2", 1, 2, 3), e("3", 2, 3, 4),
           e("4", 3, 4, 4)),
          count_of("functions"), whole=True),
    # "1–2 | 3 | 4 | 5 | >5 agencies"; 0 is not in the table and is read as the bottom band.
    Table("2014", 19, "inter_agency_cooperation", "1–2 | 3 | 4 | 5 | >5 agencies",
          (e("1", 0, 0, 0), e("2", 0, 0, 1), e("3", 0, 1, 2), e("4", 1, 2, 3),
           e("5", 2, 3, 4), e("6", 3, 4, 4)),
          count_of("agencies"), whole=True),
    Table("2014", 21, "partnerships", "0 | 1–6 | 7–12 | 13–19 | ≥20 partners",
          (e("0", None, 0, 1), e("1", 0, 1, 1), e("6", 1, 1, 2), e("7", 1, 2, 2),
           e("12", 2, 2, 3), e("13", 2, 3, 3), e("19", 3, 3, 4), e("20", 3, 4, 4)),
          count_of("partners"), whole=True),
    Table("2014", 23, "outreach_events", "0 | 1–59 | 60–149 | 150–300 | >300 events",
          (e("0", None, 0, 1), e("1", 0, 1, 1), e("59", 1, 1, 2), e("60", 1, 2, 2),
           e("149", 2, 2, 3), e("150", 2, 3, 3), e("300", 3, 3, 4)),
          count_of("events"), whole=True),
]  # fmt: skip

# Ordinal ladders of 2014 (17, 20, 22): each rung is its own "edge".
LADDERS_2014 = {
    17: ("lbsap", ["none", "not_aligned", "aligned_no_initiatives", "aligned_1_to_3",
                   "aligned_4_or_more"]),
    20: ("public_consultation", ["none", "considered", "planned", "being_implemented", "in_place"]),
    22: ("school_curriculum", ["none", "considered", "planned", "being_implemented", "in_place"]),
}  # fmt: skip


def edge_cases(tables: list[Table]) -> list[Any]:
    cases = []
    for table in tables:
        for edge in table.edges:
            at = Decimal(edge.value)
            sides = [("below", at - table.step, edge.below), ("on", at, edge.on)]
            sides.append(("above", at + table.step, edge.above))
            for side, value, points in sides:
                if points is None:
                    continue
                case_id = f"{table.edition}-{table.number:02d}-{table.key}-{side}-{edge.value}"
                cases.append(pytest.param(table, value, points, id=case_id))
    return cases


@pytest.mark.parametrize(("table", "value", "points"), edge_cases(TABLES_2021 + TABLES_2014))
def test_band_edge(table: Table, value: Decimal, points: int) -> None:
    result = score_one(table.edition, table.key, table.build(value))
    assert result.value == Fraction(value), "the inputs must give exactly the stated value"
    assert result.score == points, (
        f"{table.edition} ind. {table.number}: {value} in {table.bands} → {points} points, "
        f"got {result.score} (band {result.band.text!r})"
    )


@pytest.mark.parametrize("number", sorted(LADDERS_2014))
def test_2014_ladders_score_each_rung(number: int) -> None:
    key, rungs = LADDERS_2014[number]
    for points, answer in enumerate(rungs):
        assert score_one("2014", key, {"answer": answer}).score == points, (number, answer)
    with pytest.raises(CBIInputError):
        score_one("2014", key, {"answer": "maybe"})


def test_habitat_types_method_uses_the_same_bands() -> None:
    # 2021 ind. 7 by habitat types: 1 of 5 = 20% (on "20–39.9") → 1; 2 of 5 = 40% → 2;
    # 4 of 5 = 80% (on "≥ 80") → 4; 0 of 5 → 0.
    got = [
        score_one(
            "2021", "habitat_restoration", {"habitat_types_restored": n, "habitat_types": 5}
        ).score
        for n in (0, 1, 2, 4)
    ]
    assert got == [0, 1, 2, 4]


# 2021 ind. 2, coherence = Σ A_Gi² ÷ (Σ A_Gi)² × 100%. Bands: <20 | 20–39.9 | 40–59.9 |
# 60–79.9 | ≥80 %. Each edge is hit exactly by a constructed landscape, worked out by hand; just
# above / below come from growing / shrinking the largest group by 0.001 ha, which raises /
# lowers coherence (d/da of (a² + K) / (a + m)² has the sign of a·m − K, positive in every set
# below: m, K = sum and sum of squares of the other groups).
COHERENCE_EDGES = [
    # Five equal groups: 5 ÷ 25 = 20% exactly → 1. Equal groups are the least coherent set of
    # five, so any change raises it: a sixth group of 0.001 ha is used for "below" instead:
    # (5 + 0.000001) ÷ 5.001² = 5.000001 ÷ 25.010001 ≈ 19.992% → 0.
    ([1, 1, 1, 1, 1, "0.001"], 0, None),
    ([1, 1, 1, 1, 1], 1, Fraction(20)),
    ([1, 1, 1, 1, "1.001"], 1, None),
    # (1+1+1+1+36) ÷ 10² = 40% exactly.
    ([1, 1, 1, 1, "5.999"], 1, None),
    ([1, 1, 1, 1, 6], 2, Fraction(40)),
    ([1, 1, 1, 1, "6.001"], 2, None),
    # (1+4+9+361) ÷ 25² = 375 ÷ 625 = 60% exactly.
    ([1, 2, 3, "18.999"], 2, None),
    ([1, 2, 3, 19], 3, Fraction(60)),
    ([1, 2, 3, "19.001"], 3, None),
    # 125, 1, 2, 3, 4, 5 ha: A_total = 140; Σ A² = 15,625 + 55 = 15,680; 140² = 19,600;
    # 15,680 ÷ 19,600 = 0.8 = 80% exactly (meff = 15,680 ÷ 140 = 112 ha).
    (["124.999", 1, 2, 3, 4, 5], 3, None),
    ([125, 1, 2, 3, 4, 5], 4, Fraction(80)),
    (["125.001", 1, 2, 3, 4, 5], 4, None),
]


@pytest.mark.parametrize(
    ("groups", "points", "exact"), COHERENCE_EDGES, ids=[str(c[0]) for c in COHERENCE_EDGES]
)
def test_2021_connectivity_edges_from_landscapes(
    groups: list[Any], points: int, exact: Fraction | None
) -> None:
    areas = [Decimal(str(a)) for a in groups]
    result = score_one("2021", "connectivity", {"patch_group_areas_ha": areas})
    if exact is not None:
        assert result.value == exact
    assert result.score == points


@pytest.mark.parametrize(("edition", "numbers"), [("2021", range(1, 14)), ("2014", range(1, 24))])
def test_every_required_indicator_is_covered(
    edition: str, numbers: range, ed2021: Edition, ed2014: Edition
) -> None:
    # Proves the tables above reach every indicator the issue names, under its stored key.
    ed = ed2021 if edition == "2021" else ed2014
    typed = {t.number: t.key for t in TABLES_2021 + TABLES_2014 if t.edition == edition}
    if edition == "2021":
        typed[2] = "connectivity"  # COHERENCE_EDGES
    else:
        typed |= {n: key for n, (key, _) in LADDERS_2014.items()}
    stored = {i.number: i.key for i in ed.indicators if i.number in numbers}
    assert typed == stored
