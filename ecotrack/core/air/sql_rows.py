"""Turn the rows of the generated SQL (any engine) into the engine-neutral result types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .annual import CHECKED_STATISTICS, PRIMARY_LABELS, AnnualAggregates
from .daily import ALL_DAILY_ITEMS, DailyCity
from .standards import ANNUAL_MEANS, ANNUAL_PERCENTILES, CATEGORY_NAMES, DAILY_STATISTICS


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def daily_from_row(row: Mapping[str, Any]) -> DailyCity:
    primary = row["primary_pollutants"] or ""
    return DailyCity(
        day=row["obs_day"],
        standard=row["standard"],
        n_stations=int(row["n_stations"]),
        raw={s: _float(row[f"raw_{s}"]) for s in DAILY_STATISTICS},
        concentration={s: _float(row[f"c_{s}"]) for s in DAILY_STATISTICS},
        iaqi={i: _int(row[f"iaqi_{i}"]) for i in ALL_DAILY_ITEMS},
        aqi=_int(row["aqi"]),
        primary=tuple(p for p in primary.split(",") if p),
        dust=bool(row["dust"]),
    )


def aggregates_from_row(row: Mapping[str, Any]) -> AnnualAggregates:
    return AnnualAggregates(
        valid_days=int(row["valid_days"]),
        days_by_category={name: int(row[f"cat_{i}"]) for i, name in enumerate(CATEGORY_NAMES)},
        good_days=int(row["good_days"]),
        heavy_days=int(row["heavy_days"]),
        means={s: _float(row[f"mean_{s}"]) for s in ANNUAL_MEANS},
        percentiles={key: _float(row[key]) for key in ANNUAL_PERCENTILES},
        primary_days={
            label: int(row[f"primary_{item}"] or 0)
            for label, item in zip(PRIMARY_LABELS, ALL_DAILY_ITEMS, strict=True)
        },
        valid_days_by_month={
            s: {m: int(row[f"n_{s}_m{m:02d}"]) for m in range(1, 13)} for s in CHECKED_STATISTICS
        },
    )
