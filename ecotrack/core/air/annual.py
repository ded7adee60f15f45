"""Annual evaluation: aggregates of the city daily series, validity and rounding (HJ 663).

Each engine computes `AnnualAggregates` its own way (SQL or Python); `assemble` applies the
rules that are not arithmetic — validity minima, rounding, naming — once for all engines.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .daily import ALL_DAILY_ITEMS, DailyCity
from .percentile import hj663_percentile
from .rounding import gbt8170_round
from .standards import (
    ANNUAL_MEANS,
    ANNUAL_PERCENTILES,
    CATEGORY_NAMES,
    CONCENTRATION_DECIMALS,
    DAILY_STATISTICS,
    ITEM_LABEL,
    METHOD_NAME,
    RATIO_DECIMALS,
    STANDARDS,
    SWITCH_DATE,
    VALIDITY,
)

# Statistics whose annual value needs the GB 3095 Table 4 day counts. Table 4 names SO2, NO2,
# PM10 and PM2.5; the engine applies the same counts to the CO and O3 percentiles (the HJ 663
# text was not available; see docs/air.md).
CHECKED_STATISTICS: tuple[str, ...] = ("pm25", "pm10", "so2", "no2", "co", "o3_8h")
LABEL = {"pm25": "PM2.5", "pm10": "PM10", "so2": "SO2", "no2": "NO2", "co": "CO",
         "o3_8h": "O3_8h"}
PRIMARY_LABELS: tuple[str, ...] = tuple(ITEM_LABEL[i] for i in ALL_DAILY_ITEMS)
# Keys of the "annual" block of the JSON output (the names), by annual statistic.
ANNUAL_KEY = {"pm25": "PM2.5", "pm10": "PM10", "so2": "SO2", "no2": "NO2",
              "co_p95": "CO_p95", "o3_8h_p90": "O3_8h_p90"}
# The annual statistic each checked daily statistic feeds.
STATISTIC_ANNUAL = {"pm25": "pm25", "pm10": "pm10", "so2": "so2", "no2": "no2",
                    "co": "co_p95", "o3_8h": "o3_8h_p90"}


@dataclass
class AnnualAggregates:
    """What the arithmetic of one engine yields for a set of days (unrounded)."""

    valid_days: int
    days_by_category: dict[str, int]
    good_days: int
    heavy_days: int
    means: dict[str, float | None]  # ANNUAL_MEANS
    percentiles: dict[str, float | None]  # keys of ANNUAL_PERCENTILES
    primary_days: dict[str, int]  # label → days it was (one of) the primary pollutant(s)
    valid_days_by_month: dict[str, dict[int, int]]  # statistic → month → valid city days


def empty_aggregates() -> AnnualAggregates:
    """The aggregates of no days at all (e.g. a city whose every day is a dust day)."""
    return aggregate_days(())


def aggregate_days(days: Iterable[DailyCity]) -> AnnualAggregates:
    """Reference aggregation of a city daily series (pure Python)."""
    days = list(days)
    valid = [d for d in days if d.aqi is not None]
    by_category = dict.fromkeys(CATEGORY_NAMES, 0)
    for d in valid:
        by_category[d.category or ""] += 1
    primary = dict.fromkeys(PRIMARY_LABELS, 0)
    for d in valid:
        for label in d.primary:
            primary[label] += 1
    means: dict[str, float | None] = {}
    for s in ANNUAL_MEANS:
        xs = [v for d in days if (v := d.raw[s]) is not None]
        means[s] = sum(xs) / len(xs) if xs else None
    percentiles = {
        key: hj663_percentile((d.raw[s] for d in days), p)
        for key, (s, p) in ANNUAL_PERCENTILES.items()
    }
    by_month = {s: dict.fromkeys(range(1, 13), 0) for s in CHECKED_STATISTICS}
    for d in days:
        for s in CHECKED_STATISTICS:
            if d.raw[s] is not None:
                by_month[s][d.day.month] += 1
    return AnnualAggregates(
        valid_days=len(valid),
        days_by_category=by_category,
        good_days=sum(1 for d in valid if d.aqi is not None and d.aqi <= 100),
        heavy_days=sum(1 for d in valid if d.aqi is not None and d.aqi > 200),
        means=means,
        percentiles=percentiles,
        primary_days=primary,
        valid_days_by_month=by_month,
    )


def validity_notes(agg: AnnualAggregates, year: int) -> list[str]:
    """GB 3095 Table 4: ≥324 valid days a year and ≥27 a month (≥25 in February)."""
    notes = []
    for s in CHECKED_STATISTICS:
        months = agg.valid_days_by_month[s]
        total = sum(months.values())
        if total < VALIDITY.days_per_year:
            notes.append(
                f"{LABEL[s]}: {total} valid days in {year} < {VALIDITY.days_per_year} "
                "(GB 3095 Table 4)"
            )
        short = []
        for month, n in months.items():
            need = VALIDITY.days_in_february if month == 2 else VALIDITY.days_per_month
            if n < need:
                short.append(f"{calendar.month_abbr[month]} {n}<{need}")
        if short:
            notes.append(f"{LABEL[s]}: months below the minimum: {', '.join(short)}")
    return notes


def _round(value: float | None, decimals: int) -> float | int | None:
    if value is None:
        return None
    rounded = gbt8170_round(value, decimals)
    return int(rounded) if decimals == 0 else rounded


def summary(agg: AnnualAggregates, year: int) -> dict[str, Any]:
    """The JSON block of one set of days (all days, or without dust days)."""
    ratio = None
    if agg.valid_days:
        ratio = _round(100 * agg.good_days / agg.valid_days, RATIO_DECIMALS)
    notes = validity_notes(agg, year)
    out: dict[str, Any] = {
        "valid_days": agg.valid_days,
        "good_days": agg.good_days,
        "good_ratio": ratio,
        "days_by_category": {name: agg.days_by_category[name] for name in CATEGORY_NAMES},
        "heavy_days": agg.heavy_days,
    }
    out["primary_pollutants"] = {k: v for k, v in agg.primary_days.items() if v}
    annual: dict[str, float | int | None] = {}
    for s in ANNUAL_MEANS:
        annual[ANNUAL_KEY[s]] = _round(agg.means[s], CONCENTRATION_DECIMALS[s])
    for key, (s, _p) in ANNUAL_PERCENTILES.items():
        annual[ANNUAL_KEY[key]] = _round(
            agg.percentiles[key], CONCENTRATION_DECIMALS[DAILY_STATISTICS[s]]
        )
    out["annual"] = annual
    out["annual_valid"] = annual_validity(agg)
    out["valid"] = all(out["annual_valid"].values())
    out["validity_notes"] = notes
    return out


def annual_validity(agg: AnnualAggregates) -> dict[str, bool]:
    """Per annual statistic: does it meet the GB 3095 Table 4 day counts?"""
    out = {}
    for s in CHECKED_STATISTICS:
        months = agg.valid_days_by_month[s]
        enough = sum(months.values()) >= VALIDITY.days_per_year and all(
            n >= (VALIDITY.days_in_february if m == 2 else VALIDITY.days_per_month)
            for m, n in months.items()
        )
        out[ANNUAL_KEY[STATISTIC_ANNUAL[s]]] = enough
    return out


def standard_label(choice: str, year: int) -> str:
    """Which HJ 633 version(s) the year's days used, as printed in output."""
    if choice != "auto":
        return STANDARDS[choice].title
    if year < SWITCH_DATE.year:
        return "HJ 633—2012 (auto)"
    if year > SWITCH_DATE.year:
        return "HJ 633—2026 (auto)"
    return "HJ 633—2012 to 2026-02-28, HJ 633—2026 from 2026-03-01 (auto)"


@dataclass
class AnnualResult:
    year: int
    standard: str
    city: str | None
    stations: list[str]
    engine: str
    all_days: AnnualAggregates
    excluding_dust: AnnualAggregates
    dust_days: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "year": self.year,
            "standard": self.standard,
            "city": self.city,
            "stations": self.stations,
            **summary(self.all_days, self.year),
            "dust_days": self.dust_days,
            "excluding_dust": summary(self.excluding_dust, self.year),
            "engine": self.engine,
            "method": METHOD_NAME.format(standard=self.standard),
            "units": {"PM2.5/PM10/SO2/NO2/O3_8h_p90": "µg/m³", "CO_p95": "mg/m³",
                      "good_ratio": "%"},
        }
        out.update(self.extra)
        return out


def assemble(
    *,
    year: int,
    choice: str,
    city: str | None,
    stations: Iterable[str],
    engine: str,
    all_days: AnnualAggregates,
    excluding_dust: AnnualAggregates,
    dust_days: int,
) -> AnnualResult:
    return AnnualResult(
        year=year,
        standard=standard_label(choice, year),
        city=city,
        stations=sorted(stations),
        engine=engine,
        all_days=all_days,
        excluding_dust=excluding_dust,
        dust_days=dust_days,
    )
