"""The city daily record and how a day's AQI follows from its daily concentrations.

The city daily concentration of each statistic is the arithmetic mean of the valid daily
values of the city's stations (standards.md §2.3); it is rounded per GB/T 8170 and only then
indexed (HJ 633—2026 §4.2.2). The city AQI comes from the city concentrations, never from
station AQIs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .iaqi import aqi_of, category_of
from .rounding import gbt8170_round
from .standards import (
    CONCENTRATION_DECIMALS,
    DAILY_STATISTICS,
    ITEM_STATISTIC,
    standard_for_day,
)

# All daily items of any version, in a fixed order (the union keeps each version's order).
ALL_DAILY_ITEMS: tuple[str, ...] = (
    "so2_24h", "no2_24h", "pm10_24h", "co_24h", "o3_1h", "o3_8h", "pm25_24h",
)


@dataclass(frozen=True)
class DailyCity:
    """One day of one city (or one station, evaluated alone)."""

    day: date
    standard: str  # code of the HJ 633 version used for this day
    n_stations: int  # stations with any hourly record that day
    raw: Mapping[str, float | None]  # city daily statistics before rounding
    concentration: Mapping[str, float | None]  # rounded per GB/T 8170
    iaqi: Mapping[str, int | None]  # per item of ALL_DAILY_ITEMS (None: missing/not used)
    aqi: int | None  # None: not a valid day
    primary: tuple[str, ...]
    dust: bool

    @property
    def category(self) -> str | None:
        return None if self.aqi is None else category_of(self.aqi).name_zh


def round_statistic(statistic: str, value: float | None) -> float | None:
    if value is None:
        return None
    return gbt8170_round(value, CONCENTRATION_DECIMALS[DAILY_STATISTICS[statistic]])


def city_day(
    day: date,
    raw: Mapping[str, float | None],
    *,
    n_stations: int,
    standard_choice: str,
    dust: bool,
) -> DailyCity:
    """Index one day from its unrounded city daily statistics."""
    standard = standard_for_day(day, standard_choice)
    rounded = {s: round_statistic(s, raw.get(s)) for s in DAILY_STATISTICS}
    result = aqi_of({item: rounded[ITEM_STATISTIC[item]] for item in standard.daily_items},
                    standard)
    iaqis = {item: result.iaqi.get(item) for item in ALL_DAILY_ITEMS}
    return DailyCity(
        day=day,
        standard=standard.code,
        n_stations=n_stations,
        raw={s: raw.get(s) for s in DAILY_STATISTICS},
        concentration=rounded,
        iaqi=iaqis,
        aqi=result.aqi,
        primary=result.primary,
        dust=dust,
    )
