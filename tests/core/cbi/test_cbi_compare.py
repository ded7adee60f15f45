"""A later assessment against the city's own baseline."""

from __future__ import annotations

import pytest

from ecotrack.core.cbi import compare, score_assessment


def test_change_per_indicator_component_and_total() -> None:
    baseline = score_assessment(
        "2021",
        {
            "natural_areas": {"natural_area_ha": 5, "city_area_ha": 100},  # 5% → 1
            "water_regulation": {"permeable_area_ha": 45, "terrestrial_area_ha": 100},  # 45% → 2
            "lbsap": {"answer": "none"},  # → 0
        },
    )
    later = score_assessment(
        "2021",
        {
            "natural_areas": {"natural_area_ha": 12, "city_area_ha": 100},  # 12% → 2
            "protected_areas": {"protected_area_ha": 8, "city_area_ha": 100},  # 8% → 2, new
            "water_regulation": {"permeable_area_ha": 35, "terrestrial_area_ha": 100},  # 35% → 1
            "lbsap": {"answer": "aligned_4_or_more"},  # → 4
        },
    )
    comparison = compare(later, baseline)
    rows = {c.key: (c.baseline_score, c.score, c.change) for c in comparison.indicators}
    assert rows == {
        "natural_areas": (1, 2, 1),
        "protected_areas": (None, 2, None),
        "water_regulation": (2, 1, -1),
        "lbsap": (0, 4, 4),
    }
    assert [c.number for c in comparison.indicators] == [1, 8, 10, 17]
    assert comparison.indicators[0].value_change == 7  # 12% − 5%
    assert [
        (c.key, c.baseline_score, c.score, c.change, c.like_for_like_change)
        for c in comparison.components
    ] == [
        ("native_biodiversity", 1, 4, 3, 1),
        ("ecosystem_services", 2, 1, -1, -1),
        ("governance", 0, 4, 4, 4),
    ]
    assert (comparison.baseline_total, comparison.total, comparison.change) == (3, 9, 6)
    assert comparison.like_for_like_change == 4  # +1 − 1 + 4; the new indicator 8 is left out


def test_editions_cannot_be_compared() -> None:
    with pytest.raises(ValueError, match="cannot compare a 2021 assessment with a 2014 baseline"):
        compare(score_assessment("2021", {}), score_assessment("2014", {}))
