"""The air-quality methods as data: HJ 633 breakpoint tables, categories, validity minima.

This module is the single place where the numbers of the standards live. The pure-Python
reference, the SQL generator (DuckDB and Spark) and the documentation all read them from here,
so a table is typed once. Every value is checked against
`reference/research/standards.md` §1.1 (HJ 633—2012 Table 1), §1.4 (HJ 633—2026 Table 3),
§1.3 (categories, both versions) and §2.1/§2.3 (GB 3095 Table 4, HJ 663 §6.1.2) by
`tests/core/air/test_standards.py`, which retypes the tables from the standards independently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Literal

# The six pollutants of the daily report, in the order the standards list them.
POLLUTANTS: tuple[str, ...] = ("so2", "no2", "pm10", "co", "o3", "pm25")

# Units the engine works in (GB 3095: µg/m³, CO in mg/m³).
CANONICAL_UNIT: Mapping[str, str] = MappingProxyType(
    {"so2": "µg/m³", "no2": "µg/m³", "pm10": "µg/m³", "co": "mg/m³", "o3": "µg/m³", "pm25": "µg/m³"}
)

# IAQI levels of the rows of HJ 633 Table 1 (2012) / Table 3 (2026).
IAQI_LEVELS: tuple[int, ...] = (0, 50, 100, 150, 200, 300, 400, 500)

# An IAQI item: which concentration statistic of which pollutant is indexed.
# Names: <pollutant>_<averaging>; "24h" is the daily (natural-day) mean, "1h" the hourly
# value (daily report: O3 daily max 1-h), "8h" the O3 8-h moving average (daily: daily max).
ITEM_POLLUTANT: Mapping[str, str] = MappingProxyType(
    {
        "so2_24h": "so2",
        "so2_1h": "so2",
        "no2_24h": "no2",
        "no2_1h": "no2",
        "pm10_24h": "pm10",
        "co_24h": "co",
        "co_1h": "co",
        "o3_1h": "o3",
        "o3_8h": "o3",
        "pm25_24h": "pm25",
    }
)

# How items are named in output (primary pollutant lists, JSON keys).
ITEM_LABEL: Mapping[str, str] = MappingProxyType(
    {
        "so2_24h": "SO2",
        "so2_1h": "SO2_1h",
        "no2_24h": "NO2",
        "no2_1h": "NO2_1h",
        "pm10_24h": "PM10",
        "co_24h": "CO",
        "co_1h": "CO_1h",
        "o3_1h": "O3_1h",
        "o3_8h": "O3_8h",
        "pm25_24h": "PM2.5",
    }
)

# HJ 633—2012 Table 1 (standards.md §1.1, [V1]). Concentrations for IAQI_LEVELS[0..n-1];
# a shorter tuple means the table stops there (SO2 1-h stops at 200, O3 8-h at 300).
_HJ633_2012_BREAKPOINTS: dict[str, tuple[float, ...]] = {
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

# HJ 633—2026 Table 3 (standards.md §1.4, [V1]): only the PM10 and PM2.5 IAQI-100
# breakpoints changed (PM10 150→120, PM2.5 75→60).
_HJ633_2026_BREAKPOINTS: dict[str, tuple[float, ...]] = {
    **_HJ633_2012_BREAKPOINTS,
    "pm10_24h": (0, 50, 120, 250, 350, 420, 500, 600),
    "pm25_24h": (0, 35, 60, 115, 150, 250, 350, 500),
}


@dataclass(frozen=True)
class Category:
    """One AQI category (HJ 633—2012 Table 2 / HJ 633—2026 Table 1, identical in both)."""

    level: str  # 一级 … 六级
    name_zh: str
    name_en: str
    aqi_max: int | None  # inclusive upper bound; None for the open top class
    colour_zh: str
    colour_en: str
    rgb: tuple[int, int, int]


CATEGORIES: tuple[Category, ...] = (
    Category("一级", "优", "Excellent", 50, "绿", "green", (0, 228, 0)),
    Category("二级", "良", "Good", 100, "黄", "yellow", (255, 255, 0)),
    Category("三级", "轻度污染", "Lightly polluted", 150, "橙", "orange", (255, 126, 0)),
    Category("四级", "中度污染", "Moderately polluted", 200, "红", "red", (255, 0, 0)),
    Category("五级", "重度污染", "Heavily polluted", 300, "紫", "purple", (153, 0, 76)),
    Category("六级", "严重污染", "Severely polluted", None, "褐红", "maroon", (126, 0, 35)),
)
CATEGORY_NAMES: tuple[str, ...] = tuple(c.name_zh for c in CATEGORIES)

# What to do when a concentration is above the last row of a truncated column.
SpecialCase = Literal["use_24h", "use_1h", "iaqi_200", "iaqi_300"]


@dataclass(frozen=True)
class AqiStandard:
    """One version of HJ 633 as data."""

    code: str  # machine name, e.g. "hj633-2012"
    title: str  # as printed, e.g. "HJ 633—2012"
    in_force_from: date | None
    in_force_until: date | None  # last day in force (inclusive)
    breakpoints: Mapping[str, tuple[float, ...]]
    daily_items: tuple[str, ...]  # the items of the 日报 (daily AQI)
    # Table notes: SO2 1-h > 800 and O3 8-h > 800 (standards.md §1.1 notes 2-3, §1.4 b-c).
    so2_1h_above_800: SpecialCase
    o3_8h_above_800: SpecialCase
    # HJ 633—2026 §5.3.1: a day missing an item still has a valid AQI when the AQI of the
    # other items is above this value; None: no such rule (2012 has none).
    partial_day_valid_above: int | None
    # Lowest AQI printed (2026 §4.1.1: "范围为1～500"; 2012 Table 2 starts at 0).
    aqi_min: int
    clauses: Mapping[str, str] = field(default_factory=dict)

    def iaqi_table(self, item: str) -> tuple[tuple[float, int], ...]:
        """(concentration, IAQI) breakpoint rows of an item, lowest first."""
        concentrations = self.breakpoints[item]
        return tuple(zip(concentrations, IAQI_LEVELS[: len(concentrations)], strict=True))


HJ633_2012 = AqiStandard(
    code="hj633-2012",
    title="HJ 633—2012",
    in_force_from=None,  # not needed: it is the method for every day before the switch
    in_force_until=date(2026, 2, 28),
    breakpoints=MappingProxyType(_HJ633_2012_BREAKPOINTS),
    # §5.1.2: 24-h means of SO2, NO2, PM10, PM2.5, CO + O3 daily max 1-h + daily max 8-h.
    daily_items=("so2_24h", "no2_24h", "pm10_24h", "co_24h", "o3_1h", "o3_8h", "pm25_24h"),
    so2_1h_above_800="use_24h",
    o3_8h_above_800="use_1h",
    partial_day_valid_above=None,
    aqi_min=0,
    clauses=MappingProxyType(
        {
            "table": "Table 1",
            "rounding": "§6.2 全部进位取整数 (ceiling)",
            "daily": "§5.1.2 (7 items)",
        }
    ),
)

HJ633_2026 = AqiStandard(
    code="hj633-2026",
    title="HJ 633—2026",
    in_force_from=date(2026, 3, 1),
    in_force_until=None,
    breakpoints=MappingProxyType(_HJ633_2026_BREAKPOINTS),
    # §4.2.2: daily means of SO2, NO2, CO, PM10, PM2.5 + O3 daily max 8-h (6 items).
    daily_items=("so2_24h", "no2_24h", "pm10_24h", "co_24h", "o3_8h", "pm25_24h"),
    so2_1h_above_800="iaqi_200",
    o3_8h_above_800="iaqi_300",
    partial_day_valid_above=100,
    aqi_min=1,
    clauses=MappingProxyType(
        {
            "table": "Table 3",
            "rounding": "§4.2.6 全部向上进位取整数 (ceiling)",
            "daily": "§4.2.2 (6 items)",
            "completeness": "§5.3.1",
        }
    ),
)

STANDARDS: Mapping[str, AqiStandard] = MappingProxyType(
    {HJ633_2012.code: HJ633_2012, HJ633_2026.code: HJ633_2026}
)
STANDARD_CHOICES: tuple[str, ...] = ("auto", *STANDARDS)

# GB 3095—2026 / HJ 633—2026 / HJ 663—2026 in force from this day (standards.md §0).
SWITCH_DATE = date(2026, 3, 1)


def standard_for_day(day: date, choice: str = "auto") -> AqiStandard:
    """The HJ 633 version that computes the daily AQI of `day`.

    `auto` picks the version in force on that day: HJ 633—2012 up to 2026-02-28 and
    HJ 633—2026 from 2026-03-01. Earlier days are evaluated with HJ 633—2012 too: it is
    the only method the engine has for them.
    """
    if choice == "auto":
        return HJ633_2026 if day >= SWITCH_DATE else HJ633_2012
    try:
        return STANDARDS[choice]
    except KeyError:
        raise ValueError(
            f"unknown standard {choice!r}; choose one of {', '.join(STANDARD_CHOICES)}"
        ) from None


@dataclass(frozen=True)
class Validity:
    """Data-validity minima (GB 3095—2012/2026 Table 4; HJ 663 §6.1.2)."""

    hours_per_day: int = 20  # a daily mean needs ≥20 hourly values
    window_hours: int = 8  # O3 8-h moving average ...
    hours_per_window: int = 6  # ... needs ≥6 of its 8 hours
    # HJ 663: the daily max 8-h takes the windows ending at 08时…24时 of the natural day.
    # Slot s (0-23) is the s-th hour of the day, so the windows end at slots 7…23 (17 windows).
    first_window_end_slot: int = 7
    windows_per_day: int = 14  # daily max 8-h needs ≥14 valid windows ...
    o3_8h_limit: float = 160  # ... unless it exceeds the 二级 limit (GB 3095 Table 1)
    days_per_year: int = 324  # annual statistics: ≥324 valid days ...
    days_per_month: int = 27  # ... and ≥27 in every month ...
    days_in_february: int = 25  # ... (≥25 in February)

    @property
    def window_end_slots(self) -> tuple[int, ...]:
        return tuple(range(self.first_window_end_slot, 24))


VALIDITY = Validity()

# GB/T 8170 rounding of concentrations (HJ 633—2026 §4.2.2; practice under HJ 663—2013):
# integers in µg/m³, CO one decimal in mg/m³.
CONCENTRATION_DECIMALS: Mapping[str, int] = MappingProxyType(
    {"so2": 0, "no2": 0, "pm10": 0, "co": 1, "o3": 0, "pm25": 0}
)
# The good-day ratio is published as a percentage with one decimal.
RATIO_DECIMALS = 1

# HJ 663 annual evaluation: which percentile of which daily statistic (standards.md §2.3).
ANNUAL_PERCENTILES: Mapping[str, tuple[str, float]] = MappingProxyType(
    {"co_p95": ("co", 95.0), "o3_8h_p90": ("o3_8h", 90.0)}
)
ANNUAL_MEANS: tuple[str, ...] = ("pm25", "pm10", "so2", "no2")

# The daily city statistics the engines compute, with the pollutant each derives from.
DAILY_STATISTICS: Mapping[str, str] = MappingProxyType(
    {
        "so2": "so2",
        "no2": "no2",
        "pm10": "pm10",
        "co": "co",
        "o3_1h": "o3",
        "o3_8h": "o3",
        "pm25": "pm25",
    }
)
# Daily statistic feeding each daily IAQI item.
ITEM_STATISTIC: Mapping[str, str] = MappingProxyType(
    {
        "so2_24h": "so2",
        "no2_24h": "no2",
        "pm10_24h": "pm10",
        "co_24h": "co",
        "o3_1h": "o3_1h",
        "o3_8h": "o3_8h",
        "pm25_24h": "pm25",
    }
)

METHOD_NAME = (
    "IAQI/AQI per {standard}; validity per GB 3095 Table 4 and HJ 663 §6.1.2; "
    "percentiles per HJ 663 附录A; concentrations rounded per GB/T 8170"
)
