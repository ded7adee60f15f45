"""IAQI/AQI arithmetic against the standards' worked values (standards.md §0, §1.5, §6)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecotrack.core.air.iaqi import NotFromThisItem, aqi_of, iaqi
from ecotrack.core.air.standards import HJ633_2012, HJ633_2026


@pytest.mark.parametrize(
    ("item", "c", "standard", "expected"),
    [
        # §1.5: (100−50)/(75−35)×(36−35)+50 = 51.25 → 52; 2026: 50/25×1+50 = 52.
        ("pm25_24h", 36, HJ633_2012, 52),
        ("pm25_24h", 36, HJ633_2026, 52),
        # §1.5: CO 2.5 → 50/2×0.5+50 = 62.5 → 63; SO2 10 → 10.
        ("co_24h", 2.5, HJ633_2012, 63),
        ("so2_24h", 10, HJ633_2012, 10),
        ("so2_24h", 10, HJ633_2026, 10),
        # §0: PM2.5 70 is 良 (94) under 2012 and 轻度污染 (110) under 2026.
        # 2012: 50/40×35+50 = 93.75 → 94; 2026: 50/55×10+100 = 109.09 → 110.
        ("pm25_24h", 70, HJ633_2012, 94),
        ("pm25_24h", 70, HJ633_2026, 110),
        # §6.1 (python-aqi errors), correct values: CO 1.9 → 47.5 → 48; 3.6 → 90; 0.5 → 12.5 → 13.
        ("co_24h", 1.9, HJ633_2012, 48),
        ("co_24h", 3.6, HJ633_2012, 90),
        ("co_24h", 0.5, HJ633_2012, 13),
        # PM2.5 75.4 → 50/40×0.4+100 = 100.5 → 101; 80 → 106.25 → 107; O3-8h 180 → 118.2 → 119.
        ("pm25_24h", 75.4, HJ633_2012, 101),
        ("pm25_24h", 80, HJ633_2012, 107),
        ("o3_8h", 180, HJ633_2012, 119),
        # §6.2 (aqi-hub used the 1-h SO2 column for 24-h): 150 → 100, 475 → 150.
        ("so2_24h", 150, HJ633_2026, 100),
        ("so2_24h", 475, HJ633_2026, 150),
        # PM10 2026: 120 is the new IAQI-100 breakpoint; 2012 120 → 50/100×70+50 = 85.
        ("pm10_24h", 120, HJ633_2026, 100),
        ("pm10_24h", 120, HJ633_2012, 85),
    ],
)
def test_worked_values(item, c, standard, expected):
    assert iaqi(item, c, standard) == expected


def test_special_cases_differ_by_version():
    # 2026 Table 3 notes b, c: SO2 1-h > 800 counts as 200, O3 8-h > 800 as 300.
    assert iaqi("so2_1h", 801, HJ633_2026) == 200
    assert iaqi("o3_8h", 801, HJ633_2026) == 300
    # 2012 Table 1 notes 2, 3: not indexed from that item; the 24-h / 1-h IAQI is used.
    with pytest.raises(NotFromThisItem) as so2:
        iaqi("so2_1h", 801, HJ633_2012)
    assert so2.value.fallback == "so2_24h"
    with pytest.raises(NotFromThisItem) as o3:
        iaqi("o3_8h", 801, HJ633_2012)
    assert o3.value.fallback == "o3_1h"
    # At exactly 800 the tables still apply (IAQI 200 / 300).
    assert iaqi("so2_1h", 800, HJ633_2012) == 200
    assert iaqi("o3_8h", 800, HJ633_2012) == 300


def test_o3_8h_above_800_in_a_2012_daily_set_uses_the_1h_item():
    conc = {"o3_1h": 900.0, "o3_8h": 850.0, "pm25_24h": 10.0}
    result = aqi_of(conc, HJ633_2012)
    # O3 1-h 900: (400−300)/(1000−800)×100+300 = 350.
    assert result.iaqi["o3_8h"] is None and result.substituted == {"o3_8h": "o3_1h"}
    assert result.aqi == 350 and result.primary == ("O3_1h",)
    assert aqi_of(conc, HJ633_2026).iaqi["o3_8h"] == 300


def test_so2_1h_above_800_needs_its_fallback_in_the_set():
    with pytest.raises(ValueError, match="so2_24h"):
        aqi_of({"so2_1h": 900.0}, HJ633_2012)
    result = aqi_of({"so2_1h": 900.0, "so2_24h": 500.0}, HJ633_2012)
    # SO2 24-h 500: 50/325×25+150 = 153.8 → 154.
    assert result.aqi == 154


def test_above_the_top_of_a_full_table_is_500():
    assert iaqi("pm25_24h", 600, HJ633_2012) == 500
    assert iaqi("pm10_24h", 601, HJ633_2026) == 500


def test_negative_concentration_is_refused():
    with pytest.raises(ValueError, match="negative"):
        iaqi("pm25_24h", -1, HJ633_2012)


def test_primary_pollutant_only_above_50_and_ties_all_listed():
    # PM2.5 35 → 50, PM10 50 → 50: AQI 50, no primary pollutant.
    low = aqi_of({"pm25_24h": 35.0, "pm10_24h": 50.0}, HJ633_2012)
    assert (low.aqi, low.primary) == (50, ())
    # PM2.5 75 → 100, PM10 150 → 100: tie, both listed (并列).
    tie = aqi_of({"pm25_24h": 75.0, "pm10_24h": 150.0, "no2_24h": 40.0}, HJ633_2012)
    assert tie.aqi == 100 and set(tie.primary) == {"PM10", "PM2.5"}


def test_incomplete_day_2026_rule_5_3_1():
    # PM2.5 missing; PM10 200 (2026: 50/130×80+100 = 130.8 → 131) > 100 → valid AQI.
    polluted = {"pm25_24h": None, "pm10_24h": 200.0}
    assert aqi_of(polluted, HJ633_2026).aqi == 131
    # Under 2012 there is no such rule: the day has no AQI.
    assert aqi_of(polluted, HJ633_2012).aqi is None
    # 2026 with the rest ≤ 100 → NA.
    assert aqi_of({"pm25_24h": None, "pm10_24h": 20.0}, HJ633_2026).aqi is None


def test_aqi_range_starts_at_1_in_2026():
    zero = {"pm25_24h": 0.0, "pm10_24h": 0.0}
    assert aqi_of(zero, HJ633_2012).aqi == 0
    assert aqi_of(zero, HJ633_2026).aqi == 1  # §4.1.1 "范围为1～500"


ITEMS = sorted(HJ633_2012.breakpoints)


@given(
    item=st.sampled_from(ITEMS),
    a=st.floats(min_value=0, max_value=4000, allow_nan=False),
    b=st.floats(min_value=0, max_value=4000, allow_nan=False),
    version=st.sampled_from([HJ633_2012, HJ633_2026]),
)
def test_more_pollution_never_lowers_the_iaqi(item, a, b, version):
    low, high = sorted((a, b))
    # 2012 truncated columns above 800: not indexed from that item at all.
    with contextlib.suppress(NotFromThisItem):
        assert iaqi(item, low, version) <= iaqi(item, high, version)


@given(
    pm25=st.floats(min_value=0, max_value=600, allow_nan=False),
    extra=st.floats(min_value=0, max_value=300, allow_nan=False),
    pm10=st.floats(min_value=0, max_value=700, allow_nan=False),
    version=st.sampled_from([HJ633_2012, HJ633_2026]),
)
def test_aqi_is_monotone_and_the_max_of_iaqis(pm25, extra, pm10, version):
    before = aqi_of({"pm25_24h": pm25, "pm10_24h": pm10}, version)
    after = aqi_of({"pm25_24h": pm25 + extra, "pm10_24h": pm10}, version)
    assert before.aqi is not None and after.aqi is not None
    assert before.aqi <= after.aqi
    assert after.aqi == max(max(v for v in after.iaqi.values() if v is not None),
                            version.aqi_min)
