"""Effective mesh size and coherence against hand-worked examples, and the other formulas."""

from __future__ import annotations

from fractions import Fraction

from ecotrack.core.cbi import measures

from .conftest import score_one


def test_effective_mesh_size_hand_worked() -> None:
    # Three groups of connected patches: 60 ha, 30 ha, 10 ha.
    #   A_total = 60 + 30 + 10 = 100 ha
    #   Σ A_Gi² = 3600 + 900 + 100 = 4600 ha²
    #   meff    = 4600 / 100 = 46 ha
    #   coherence = 46 / 100 × 100% = 46%
    areas = [Fraction(60), Fraction(30), Fraction(10)]
    assert measures.effective_mesh_size(areas) == 46
    assert measures.coherence(areas) == 46


def test_effective_mesh_size_with_fractions_of_a_hectare() -> None:
    # 2.5 ha and 0.5 ha: A_total = 3; Σ A² = 6.25 + 0.25 = 6.5; meff = 6.5 / 3 = 13/6 ha;
    # coherence = (13/6) / 3 = 13/18 ≈ 72.2%.
    areas = [Fraction("2.5"), Fraction("0.5")]
    assert measures.effective_mesh_size(areas) == Fraction(13, 6)
    assert measures.coherence(areas) == Fraction(1300, 18)


def test_coherence_is_independent_of_city_size_but_meff_is_not() -> None:
    small = [Fraction(6), Fraction(3), Fraction(1)]
    large = [a * 1000 for a in small]
    assert measures.coherence(small) == measures.coherence(large) == 46
    assert measures.effective_mesh_size(large) == 1000 * measures.effective_mesh_size(small)


def test_2021_connectivity_scores_coherence_with_the_mesh_size_shown() -> None:
    # 46% → "40%–59.9%" → 2 points.
    result = score_one("2021", "connectivity", {"patch_group_areas_ha": [60, 30, 10]})
    assert (result.value, result.unit, result.score) == (46, "%", 2)
    assert ("effective mesh size", "46 ha") in result.details
    assert ("total natural area (A_total)", "100 ha") in result.details
    assert result.band.text == "40%–59.9%"


def test_2014_connectivity_scores_the_mesh_size_in_hectares() -> None:
    # Groups 1000, 500, 500 ha: A_total = 2000; Σ A² = 1,000,000 + 250,000 + 250,000 = 1,500,000;
    # meff = 750 ha → "501–1000 ha" → 2 points.
    result = score_one("2014", "connectivity", {"patch_group_areas_ha": [1000, 500, 500]})
    assert (result.value, result.unit, result.score) == (750, "ha", 2)


def test_2014_connectivity_edges_in_hectares() -> None:
    # One group of A ha has meff = A² / A = A, which puts the value exactly on an edge.
    expected = {
        "199.9": 0,  # "< 200 ha"
        "200": 1,  # gap below 201 closed: 200 ≤ meff ≤ 500 → 1
        "500": 1,  # "201–500 ha", 500 inclusive
        "500.5": 2,  # gap 500–501 closed: > 500 → 2
        "1000": 2,  # "501–1000 ha", 1000 inclusive
        "1500": 3,  # "1001–1500 ha", 1500 inclusive
        "1500.1": 4,  # "> 1500 ha"
    }
    from decimal import Decimal

    got = {
        a: score_one("2014", "connectivity", {"patch_group_areas_ha": [Decimal(a)]}).score
        for a in expected
    }
    assert got == expected


def test_per_thousand_and_percentage() -> None:
    assert measures.per_thousand(Fraction(450), 1_500_000) == Fraction(3, 10)
    assert measures.percentage(1, 3) == Fraction(100, 3)


def test_invasive_share_is_the_same_taxon_ratio() -> None:
    # 10 invasive among 90 native + 10 invasive plants = 10%.
    assert measures.invasive_share(90, 10) == 10


def test_mesh_size_on_a_constructed_landscape_where_grouping_matters() -> None:
    # Four natural patches, worked by hand:
    #   P1 40 ha and P2 20 ha lie 50 m apart (< 100 m): one group of 60 ha;
    #   P3 25 ha lies 300 m from both: a group of its own;
    #   P4 15 ha is cut off by a 20 m-wide road (a barrier): a group of its own.
    # Groups 60, 25, 15: A_total = 100 ha; Σ A² = 3600 + 625 + 225 = 4450 ha²;
    # meff = 4450 / 100 = 44.5 ha; coherence = 44.5 / 100 = 44.5% → "40%–59.9%" → 2 points.
    grouped = [Fraction(60), Fraction(25), Fraction(15)]
    assert measures.effective_mesh_size(grouped) == Fraction(89, 2)
    assert measures.coherence(grouped) == Fraction(89, 2)
    result = score_one("2021", "connectivity", {"patch_group_areas_ha": [60, 25, 15]})
    assert (result.value, result.score) == (Fraction(89, 2), 2)
    # Listing P1 and P2 as separate groups (wrongly) gives 40, 20, 25, 15:
    # Σ A² = 1600 + 400 + 625 + 225 = 2850; coherence 28.5% → "20%–39.9%" → 1 point.
    split = score_one("2021", "connectivity", {"patch_group_areas_ha": [40, 20, 25, 15]})
    assert (split.value, split.score) == (Fraction(57, 2), 1)


def test_mesh_size_on_a_landscape_with_one_dominant_group() -> None:
    # Groups 125, 1, 2, 3, 4, 5 ha: A_total = 140 ha;
    # Σ A² = 15,625 + (1 + 4 + 9 + 16 + 25) = 15,680 ha²; meff = 15,680 / 140 = 112 ha;
    # coherence = 112 / 140 = 80% exactly → "≥ 80%" → 4 points (2021).
    # The same landscape in 2014 scores meff itself: 112 ha → "< 200 ha" → 0 points.
    areas = [125, 1, 2, 3, 4, 5]
    assert measures.effective_mesh_size([Fraction(a) for a in areas]) == 112
    assert measures.coherence([Fraction(a) for a in areas]) == 80
    assert score_one("2021", "connectivity", {"patch_group_areas_ha": areas}).score == 4
    old = score_one("2014", "connectivity", {"patch_group_areas_ha": areas})
    assert (old.value, old.unit, old.score) == (112, "ha", 0)
