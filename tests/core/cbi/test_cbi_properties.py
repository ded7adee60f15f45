"""Property tests: scores never move the wrong way as a ranged indicator's value moves."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecotrack.core.cbi import EDITIONS, Indicator, load_edition
from ecotrack.core.cbi.bands import match_value

from .conftest import score_one

NUMERIC = [
    pytest.param(indicator, id=f"{edition}-{indicator.number}-{indicator.key}")
    for edition in EDITIONS
    for indicator in load_edition(edition).indicators
    if indicator.band_kind != "ordinal"
]


def _values(indicator: Indicator) -> st.SearchStrategy[Fraction]:
    if indicator.band_kind == "steps":
        low = -200 if indicator.method.kind == "species_change" else 0
        return st.integers(min_value=low, max_value=2000).map(Fraction)
    high = 100 if indicator.unit == "%" else 5000
    return st.fractions(min_value=0, max_value=high, max_denominator=1000)


@pytest.mark.parametrize("indicator", NUMERIC)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_scores_are_monotone_in_the_indicator_direction(
    indicator: Indicator, data: st.DataObject
) -> None:
    a = data.draw(_values(indicator), label="a")
    b = data.draw(_values(indicator), label="b")
    low, high = sorted((a, b))
    low_points = match_value(indicator.bands, low).points
    high_points = match_value(indicator.bands, high).points
    if indicator.direction == "higher_is_better":
        assert low_points <= high_points
    else:  # reverse-scored: a larger share of invasive species never scores more
        assert low_points >= high_points


@settings(max_examples=80, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=10**6),
    parts=st.tuples(st.fractions(min_value=0, max_value=1), st.fractions(min_value=0, max_value=1)),
)
def test_more_natural_area_in_the_same_city_never_scores_less(
    whole: int, parts: tuple[Fraction, Fraction]
) -> None:
    small, large = sorted(parts)
    score_small = score_one(
        "2021", "natural_areas", {"natural_area_ha": small * whole, "city_area_ha": whole}
    )
    score_large = score_one(
        "2021", "natural_areas", {"natural_area_ha": large * whole, "city_area_ha": whole}
    )
    assert score_small.score <= score_large.score


@settings(max_examples=80, deadline=None)
@given(
    native=st.integers(min_value=1, max_value=2000),
    extra=st.integers(min_value=0, max_value=500),
    invasive=st.integers(min_value=0, max_value=500),
)
def test_more_invasive_species_never_scores_more(native: int, invasive: int, extra: int) -> None:
    def points(ias: int) -> int:
        group = {"group": "plants", "native_species": native, "invasive_species": ias}
        return score_one("2021", "invasive_species", {"taxonomic_groups": [group]}).score

    assert points(invasive) >= points(invasive + extra)


@settings(max_examples=60, deadline=None)
@given(areas=st.lists(st.integers(min_value=1, max_value=10**4), min_size=2, max_size=8))
def test_joining_two_patch_groups_never_lowers_connectivity(areas: list[int]) -> None:
    # Connecting two groups (a corridor) replaces a² + b² by (a + b)², which is larger.
    joined = [areas[0] + areas[1], *areas[2:]]
    apart = score_one("2021", "connectivity", {"patch_group_areas_ha": areas})
    together = score_one("2021", "connectivity", {"patch_group_areas_ha": joined})
    assert apart.value is not None and together.value is not None
    assert together.value > apart.value
    assert together.score >= apart.score
