"""GB 3095 二级 limits, retyped from standards.md §2.2, and the comparison."""

from __future__ import annotations

from ecotrack.core.air.limits import LIMIT_SETS, compare

# standards.md §2.2, typed again from the table (年 / 日 / 日最大8h of the 二级 columns).
EXPECTED = {
    "gb3095-2012": {"PM2.5": 35, "PM10": 70, "SO2": 60, "NO2": 40, "CO_p95": 4, "O3_8h_p90": 160},
    "gb3095-2026-transition": {"PM2.5": 30, "PM10": 60, "SO2": 60, "NO2": 40, "CO_p95": 4,
                               "O3_8h_p90": 160},
    "gb3095-2026-final": {"PM2.5": 25, "PM10": 50, "SO2": 20, "NO2": 30, "CO_p95": 4,
                          "O3_8h_p90": 160},
}


def test_limit_sets_equal_the_table():
    assert {s.code: dict(s.annual) for s in LIMIT_SETS} == EXPECTED
    assert {s.code: s.provenance for s in LIMIT_SETS}["gb3095-2012"] == "R"


def test_compare_marks_each_statistic_against_each_version():
    rows = {r["key"]: r for r in compare({"PM2.5": 33, "PM10": None, "SO2": 20})}
    meets = {x["set"]: x["meets"] for x in rows["PM2.5"]["limits"]}
    assert meets == {"gb3095-2012": True, "gb3095-2026-transition": False,
                     "gb3095-2026-final": False}
    assert {x["meets"] for x in rows["PM10"]["limits"]} == {None}
    assert all(x["meets"] for x in rows["SO2"]["limits"])  # 20 ≤ 20: a limit is met at equality
