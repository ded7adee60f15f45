"""The breakpoint tables, retyped from standards.md §1.1 / §1.4, against the engine's data.

The rows below are typed again from the standards (not imported), so a typo in either copy
fails. Every breakpoint of both versions must index to its own row's IAQI, and ±0.1 around it
must land in the neighbouring segments.
"""

from __future__ import annotations

from datetime import date

import pytest

from ecotrack.core.air.iaqi import category_of, iaqi
from ecotrack.core.air.standards import (
    CATEGORIES,
    HJ633_2012,
    HJ633_2026,
    VALIDITY,
    standard_for_day,
)

LEVELS = (0, 50, 100, 150, 200, 300, 400, 500)
# HJ 633—2012 Table 1, column by column (standards.md §1.1).
TABLE_2012 = {
    "so2_24h": (0, 50, 150, 475, 800, 1600, 2100, 2620),
    "so2_1h": (0, 150, 500, 650, 800),
    "no2_24h": (0, 40, 80, 180, 280, 565, 750, 940),
    "no2_1h": (0, 100, 200, 700, 1200, 2340, 3090, 3840),
    "pm10_24h": (0, 50, 150, 250, 350, 420, 500, 600),
    "co_24h": (0, 2, 4, 14, 24, 36, 48, 60),
    "co_1h": (0, 5, 10, 35, 60, 90, 120, 150),
    "o3_1h": (0, 160, 200, 300, 400, 800, 1000, 1200),
    "o3_8h": (0, 100, 160, 215, 265, 800),
    "pm25_24h": (0, 35, 75, 115, 150, 250, 350, 500),
}
# HJ 633—2026 Table 3 (standards.md §1.4).
TABLE_2026 = {
    "so2_24h": (0, 50, 150, 475, 800, 1600, 2100, 2620),
    "so2_1h": (0, 150, 500, 650, 800),
    "no2_24h": (0, 40, 80, 180, 280, 565, 750, 940),
    "no2_1h": (0, 100, 200, 700, 1200, 2340, 3090, 3840),
    "co_24h": (0, 2, 4, 14, 24, 36, 48, 60),
    "co_1h": (0, 5, 10, 35, 60, 90, 120, 150),
    "o3_8h": (0, 100, 160, 215, 265, 800),
    "o3_1h": (0, 160, 200, 300, 400, 800, 1000, 1200),
    "pm10_24h": (0, 50, 120, 250, 350, 420, 500, 600),
    "pm25_24h": (0, 35, 60, 115, 150, 250, 350, 500),
}
VERSIONS = [(HJ633_2012, TABLE_2012), (HJ633_2026, TABLE_2026)]


@pytest.mark.parametrize(("standard", "table"), VERSIONS, ids=["2012", "2026"])
def test_tables_match_the_standard_text(standard, table):
    assert dict(standard.breakpoints) == table


BREAKPOINTS = [
    (std, item, c, level)
    for std, table in VERSIONS
    for item, column in table.items()
    for c, level in zip(column, LEVELS, strict=False)
]


@pytest.mark.parametrize(
    ("standard", "item", "concentration", "level"),
    BREAKPOINTS,
    ids=[f"{s.code}-{i}-{c}" for s, i, c, _ in BREAKPOINTS],
)
def test_every_breakpoint_indexes_to_its_row(standard, item, concentration, level):
    assert iaqi(item, concentration, standard) == level


@pytest.mark.parametrize(
    ("standard", "item", "concentration", "level"),
    [b for b in BREAKPOINTS if 0 < b[3] < 500],
    ids=[f"{s.code}-{i}-{c}" for s, i, c, lv in BREAKPOINTS if 0 < lv < 500],
)
def test_edges_fall_into_the_neighbouring_segments(standard, item, concentration, level):
    step = 0.1
    below = iaqi(item, concentration - step, standard)
    assert below <= level  # ceiling may reach the breakpoint's own IAQI
    column = dict(standard.breakpoints)[item]
    if concentration != column[-1]:
        # Just above a breakpoint the next segment starts: ceil gives level + 1 at least.
        assert iaqi(item, concentration + step, standard) >= level + 1


def test_2026_changes_only_the_pm_breakpoints():
    changed = {k for k in TABLE_2012 if TABLE_2012[k] != TABLE_2026[k]}
    assert changed == {"pm10_24h", "pm25_24h"}


def test_categories_and_colours_follow_table_2():
    # (upper AQI, 类别, RGB) from HJ 633—2012 Table 2 / Appendix A (standards.md §1.3).
    expected = [
        (50, "优", (0, 228, 0)),
        (100, "良", (255, 255, 0)),
        (150, "轻度污染", (255, 126, 0)),
        (200, "中度污染", (255, 0, 0)),
        (300, "重度污染", (153, 0, 76)),
        (None, "严重污染", (126, 0, 35)),
    ]
    assert [(c.aqi_max, c.name_zh, c.rgb) for c in CATEGORIES] == expected
    for aqi, name in [(0, "优"), (50, "优"), (51, "良"), (100, "良"), (101, "轻度污染"),
                      (150, "轻度污染"), (151, "中度污染"), (200, "中度污染"),
                      (201, "重度污染"), (300, "重度污染"), (301, "严重污染"), (500, "严重污染")]:
        assert category_of(aqi).name_zh == name
    assert category_of(301).name_en == "Severely polluted"


def test_auto_switches_on_2026_03_01():
    assert standard_for_day(date(2026, 2, 28)).code == "hj633-2012"
    assert standard_for_day(date(2026, 3, 1)).code == "hj633-2026"
    assert standard_for_day(date(2026, 3, 1), "hj633-2012").code == "hj633-2012"
    with pytest.raises(ValueError, match="unknown standard"):
        standard_for_day(date(2020, 1, 1), "hj633-2099")


def test_daily_item_sets():
    # 2012 §5.1.2: 7 items (O3 1-h max included); 2026 §4.2.2: 6 items (O3 1-h gone).
    assert len(HJ633_2012.daily_items) == 7 and "o3_1h" in HJ633_2012.daily_items
    assert len(HJ633_2026.daily_items) == 6 and "o3_1h" not in HJ633_2026.daily_items


def test_validity_minima_of_gb3095_table4_and_hj663():
    assert VALIDITY.hours_per_day == 20
    assert VALIDITY.hours_per_window == 6 and VALIDITY.window_hours == 8
    assert VALIDITY.windows_per_day == 14 and VALIDITY.o3_8h_limit == 160
    assert len(VALIDITY.window_end_slots) == 17  # 8时…24时
    assert (VALIDITY.days_per_year, VALIDITY.days_per_month, VALIDITY.days_in_february) == (
        324, 27, 25,
    )
