"""Validity edges (GB 3095 Table 4, HJ 663 §6.1.2), each checked in both engines.

The inputs are built by hand and the expected values worked out in the comments.
"""

from __future__ import annotations

from datetime import date

import pytest

from ecotrack.core.air.annual import AnnualAggregates, validity_notes

from .conftest import hourly

DAY = date(2015, 6, 1)


def _hours(n: int, value: float) -> dict[int, float]:
    return dict.fromkeys(range(n), value)


def _day(both_engines, by_pollutant, choice="auto"):
    results = both_engines(hourly({("S1", DAY): by_pollutant}), 2015, choice)
    days = {name: r[0] for name, r in results.items()}
    return tuple(engine_days[0] for engine_days in days.values())


@pytest.mark.parametrize(("n_hours", "valid"), [(19, False), (20, True), (24, True)])
def test_daily_mean_needs_20_hours(both_engines, n_hours, valid):
    for day in _day(both_engines, {"pm25": _hours(n_hours, 40.0)}):
        assert (day.raw["pm25"] == 40.0) is valid
        assert (day.raw["pm25"] is None) is not valid


@pytest.mark.parametrize(
    ("last_hour", "value", "valid"),
    [
        # O3 present in hours 0…last_hour. A window ending at slot e (7…23) has
        # |[e−7, e] ∩ [0, last_hour]| hours and is valid with ≥6 of them, i.e. e ≤ last_hour+2.
        (17, 100.0, False),  # windows e = 7…19: 13 < 14, max 100 ≤ 160 → invalid
        (18, 100.0, True),  # windows e = 7…20: 14 → valid
        (17, 170.0, True),  # 13 windows, but max 170 > 160 (exceeds the limit) → valid
    ],
)
def test_o3_daily_max_8h_needs_14_windows_unless_exceeding(both_engines, last_hour, value,
                                                           valid):
    o3 = _hours(last_hour + 1, value)
    for day in _day(both_engines, {"o3": o3}):
        assert (day.raw["o3_8h"] == value) is valid


def test_o3_windows_take_the_valid_hours_of_each_window(both_engines):
    # 50 all day, 150 in hours 10…17: the window ending at 17 is all 150 → max 150.
    o3 = {h: (150.0 if 10 <= h <= 17 else 50.0) for h in range(24)}
    for day in _day(both_engines, {"o3": o3}):
        assert day.raw["o3_8h"] == 150.0
        assert day.raw["o3_1h"] == 150.0
    # Only hours 12…17 at 150 plus hours 0…9 at 50 and 18…23 at 50, hours 10-11 missing:
    # window 10…17 has 6 valid hours all 150 → valid, mean 150.
    o3 = {h: (150.0 if 12 <= h <= 17 else 50.0) for h in range(24) if h not in (10, 11)}
    for day in _day(both_engines, {"o3": o3}):
        assert day.raw["o3_8h"] == 150.0
    # The same with no rows at all for hours 10-11: windows follow clock hours, not rows.
    table = hourly({("S1", DAY): {"o3": o3}}, all_rows=False)
    assert len(table) == 22
    for days, _a, _b in both_engines(table, 2015).values():
        assert days[0].raw["o3_8h"] == 150.0


def test_city_value_is_the_mean_of_station_days_rounded_before_indexing(both_engines):
    # Station daily PM2.5 40 and 61 → city 50.5 → GB/T 8170 → 50 (even) →
    # 2012: 50/40×(50−35)+50 = 68.75 → 69 (unrounded 50.5 would give 69.375 → 70).
    table = hourly({
        ("A", DAY): {"pm25": _hours(24, 40.0)},
        ("B", DAY): {"pm25": _hours(24, 61.0)},
    })
    for days, _all, _nodust in both_engines(table, 2015, "hj633-2012").values():
        (day,) = days
        assert day.raw["pm25"] == 50.5 and day.concentration["pm25"] == 50.0
        assert day.iaqi["pm25_24h"] == 69
        assert day.aqi is None  # the other six items are missing: 2012 has no partial AQI
        assert day.n_stations == 2


def test_partial_day_counts_under_2026_when_above_100(both_engines):
    # Only PM2.5 70 → 2026 IAQI 110 > 100: valid day (§5.3.1), 轻度污染, primary PM2.5.
    for day in _day(both_engines, {"pm25": _hours(24, 70.0)}, "hj633-2026"):
        assert day.aqi == 110 and day.category == "轻度污染" and day.primary == ("PM2.5",)
    for day in _day(both_engines, {"pm25": _hours(24, 70.0)}, "hj633-2012"):
        assert day.aqi is None


def _aggregates(by_month: dict[int, int]) -> AnnualAggregates:
    counts = {s: dict(by_month) for s in ("pm25", "pm10", "so2", "no2", "co", "o3_8h")}
    return AnnualAggregates(0, {}, 0, 0, {}, {}, {}, counts)


def test_annual_minimum_324_days():
    # 27 in each month and 25 in February: every month passes, but 11×27+25 = 322 < 324.
    notes = validity_notes(_aggregates({m: 25 if m == 2 else 27 for m in range(1, 13)}), 2015)
    assert len(notes) == 6 and all("322 valid days" in n for n in notes)
    assert not validity_notes(_aggregates({m: 28 for m in range(1, 13)}), 2015)


def test_monthly_minimum_27_and_25_in_february():
    months = {m: 30 for m in range(1, 13)}
    assert not validity_notes(_aggregates({**months, 2: 25}), 2015)
    assert any("Feb 24<25" in n for n in validity_notes(_aggregates({**months, 2: 24}), 2015))
    assert any("Apr 26<27" in n for n in validity_notes(_aggregates({**months, 4: 26}), 2015))
