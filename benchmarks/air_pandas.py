"""The same city-year evaluation written the way a pandas user would (benchmark baseline).

Independent of the engine's SQL and of the pure-Python reference (it shares only the method
data in ecotrack.core.air.standards), so the benchmark also cross-checks the results.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ecotrack.core.air.standards import (
    CATEGORIES,
    POLLUTANTS,
    VALIDITY,
    standard_for_day,
)

PRSA = {"PM2.5": "pm25", "PM10": "pm10", "SO2": "so2", "NO2": "no2", "CO": "co", "O3": "o3"}
GAS_MEANS = ("so2", "no2", "pm10", "co", "pm25")


def read_prsa_frame(files: Sequence[Path], year: int) -> pd.DataFrame:
    cols = ["year", "month", "day", "hour", "station", *PRSA]
    df = pd.concat([pd.read_csv(f, usecols=cols) for f in files], ignore_index=True)
    df = df[df["year"] == year].rename(columns=PRSA)
    df["co"] = df["co"] / 1000  # PRSA publishes CO in µg/m³
    df["date"] = pd.to_datetime(df[["year", "month", "day"]]).dt.date
    return df[["station", "date", "hour", *POLLUTANTS]]


def _round_half_even(x: pd.Series, decimals: int) -> pd.Series:
    scale = 10.0**decimals
    y = np.round(x.to_numpy(dtype=float) * scale, 6)
    lower = np.floor(y)
    out = np.where(y - lower == 0.5, lower + np.mod(lower, 2), np.floor(y + 0.5)) / scale
    return pd.Series(out, index=x.index)


def _iaqi(c: pd.Series, item: str, version: Any) -> pd.Series:
    table = version.iaqi_table(item)
    xs = np.array([t[0] for t in table], dtype=float)
    ys = np.array([t[1] for t in table], dtype=float)
    v = np.interp(c.to_numpy(dtype=float), xs, ys)
    v = np.ceil(np.round(v, 9))
    if ys[-1] < 500 and item == "o3_8h":
        over = c.to_numpy(dtype=float) > xs[-1]
        v = np.where(over, 300.0 if version.o3_8h_above_800 == "iaqi_300" else np.nan, v)
    return pd.Series(v, index=c.index)


def evaluate_frame(df: pd.DataFrame, year: int, choice: str = "auto") -> dict[str, Any]:
    g = df.groupby(["station", "date"])
    counts = g[list(POLLUTANTS)].count()
    daily = g[list(GAS_MEANS)].mean().where(counts[list(GAS_MEANS)] >= VALIDITY.hours_per_day)
    daily["o3_1h"] = g["o3"].max().where(counts["o3"] >= VALIDITY.hours_per_day)
    grid = df.pivot_table(index=["station", "date"], columns="hour", values="o3",
                          aggfunc="first", dropna=False).reindex(columns=range(24))
    arr = grid.to_numpy(dtype=float)
    windows = []
    for end in VALIDITY.window_end_slots:
        block = arr[:, end - VALIDITY.window_hours + 1 : end + 1]
        n = (~np.isnan(block)).sum(axis=1)
        with np.errstate(invalid="ignore"):
            mean = np.nansum(block, axis=1) / n
        windows.append(np.where(n >= VALIDITY.hours_per_window, mean, np.nan))
    w = np.stack(windows, axis=1)
    n_valid = (~np.isnan(w)).sum(axis=1)
    best = np.where(n_valid > 0, np.nanmax(np.where(np.isnan(w), -1, w), axis=1), np.nan)
    ok = (n_valid >= VALIDITY.windows_per_day) | (best > VALIDITY.o3_8h_limit)
    daily["o3_8h"] = pd.Series(np.where(ok, best, np.nan), index=grid.index).reindex(daily.index)
    city = daily.groupby(level="date").mean()
    decimals = {"co": 1}
    rounded = {s: _round_half_even(city[s], decimals.get(s, 0)) for s in city.columns}
    statistic = {"so2_24h": "so2", "no2_24h": "no2", "pm10_24h": "pm10", "co_24h": "co",
                 "o3_1h": "o3_1h", "o3_8h": "o3_8h", "pm25_24h": "pm25"}
    aqi = pd.Series(np.nan, index=city.index)
    for code in {standard_for_day(d, choice).code for d in city.index}:
        version = standard_for_day(next(d for d in city.index
                                        if standard_for_day(d, choice).code == code), choice)
        mask = pd.Series([standard_for_day(d, choice).code == code for d in city.index],
                         index=city.index)
        items = pd.DataFrame({i: _iaqi(rounded[statistic[i]], i, version)
                              for i in version.daily_items})
        complete = pd.DataFrame({i: rounded[statistic[i]].notna()
                                 for i in version.daily_items}).all(axis=1)
        best_iaqi = items.max(axis=1)
        if version.partial_day_valid_above is not None:
            complete |= best_iaqi > version.partial_day_valid_above
        day_aqi = best_iaqi.where(complete)
        if version.aqi_min:
            day_aqi = day_aqi.clip(lower=version.aqi_min)
        aqi = aqi.where(~mask, day_aqi)
    valid = aqi.dropna()
    bounds = [c.aqi_max or 10**9 for c in CATEGORIES]
    cats = pd.cut(valid, [-1, *bounds], labels=[c.name_zh for c in CATEGORIES])
    return {
        "valid_days": int(valid.size),
        "good_days": int((valid <= 100).sum()),
        "heavy_days": int((valid > 200).sum()),
        "days_by_category": {k: int(v) for k, v in cats.value_counts(sort=False).items()},
        "pm25_mean": float(city["pm25"].mean()),
        "co_p95": float(city["co"].quantile(0.95)),
        "o3_8h_p90": float(city["o3_8h"].quantile(0.90)),
    }


def evaluate_prsa_pandas(files: Sequence[Path], year: int, choice: str = "auto") -> dict[str, Any]:
    return evaluate_frame(read_prsa_frame(files, year), year, choice)


def evaluate_parquet_pandas(path: Path, year: int, choice: str = "auto") -> dict[str, Any]:
    df = pd.read_parquet(path)
    df = df[pd.to_datetime(df["date"]).dt.year == year]
    return evaluate_frame(df, year, choice)
