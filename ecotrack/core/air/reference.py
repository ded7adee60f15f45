"""The pure-Python reference evaluation: hourly → station day → city day → year.

Written for clarity, not speed: it is what the DuckDB and Spark engines are checked against.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date

from .annual import AnnualAggregates, aggregate_days
from .daily import DailyCity, city_day
from .hourly import HourlyTable
from .standards import DAILY_STATISTICS, POLLUTANTS, VALIDITY

Slots = dict[str, list[float | None]]  # pollutant → 24 hourly values of one station-day


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def station_day_statistics(slots: Slots) -> dict[str, float | None]:
    """The daily statistics of one station-day, None where the data are not valid.

    GB 3095 Table 4: a daily mean (and, by the same count, the O3 daily max 1-h) needs ≥20
    hourly values; an O3 8-h window needs ≥6 of its 8 hours. HJ 663 §6.1.2: the daily max
    8-h needs ≥14 valid windows, unless the maximum exceeds the limit.
    """
    out: dict[str, float | None] = {}
    for statistic, pollutant in DAILY_STATISTICS.items():
        if statistic == "o3_8h":
            continue
        present = [v for v in slots[pollutant] if v is not None]
        if len(present) < VALIDITY.hours_per_day:
            out[statistic] = None
        elif statistic == "o3_1h":
            out[statistic] = max(present)
        else:
            out[statistic] = _mean(present)
    windows = []
    for end in VALIDITY.window_end_slots:
        hours = slots["o3"][end - VALIDITY.window_hours + 1 : end + 1]
        present = [v for v in hours if v is not None]
        if len(present) >= VALIDITY.hours_per_window:
            windows.append(_mean(present))
    best = max(windows) if windows else None
    valid = best is not None and (
        len(windows) >= VALIDITY.windows_per_day or best > VALIDITY.o3_8h_limit
    )
    out["o3_8h"] = best if valid else None
    return out


def station_days(
    table: HourlyTable, stations: Collection[str], year: int
) -> dict[tuple[str, date], dict[str, float | None]]:
    """Daily statistics of every station-day of `year` for the given stations."""
    slots: dict[tuple[str, date], Slots] = defaultdict(
        lambda: {p: [None] * 24 for p in POLLUTANTS}
    )
    for i, (station, day, hour) in enumerate(zip(table.station, table.date, table.hour,
                                                 strict=True)):
        if day.year != year or station not in stations:
            continue
        cell = slots[(station, day)]
        for p in POLLUTANTS:
            cell[p][hour] = table.values[p][i]
    return {key: station_day_statistics(s) for key, s in slots.items()}


def city_days(
    table: HourlyTable,
    stations: Collection[str],
    year: int,
    standard_choice: str = "auto",
    dust_days: Collection[date] = (),
) -> list[DailyCity]:
    """The city daily series: per statistic, the mean of the stations' valid daily values."""
    per_day: dict[date, list[dict[str, float | None]]] = defaultdict(list)
    for (_station, day), stats in station_days(table, stations, year).items():
        per_day[day].append(stats)
    out = []
    for day in sorted(per_day):
        rows = per_day[day]
        raw: dict[str, float | None] = {}
        for statistic in DAILY_STATISTICS:
            values = [v for r in rows if (v := r[statistic]) is not None]
            raw[statistic] = _mean(values) if values else None
        out.append(
            city_day(day, raw, n_stations=len(rows), standard_choice=standard_choice,
                     dust=day in dust_days)
        )
    return out


def evaluate(
    table: HourlyTable,
    stations: Collection[str],
    year: int,
    standard_choice: str = "auto",
    dust_days: Collection[date] = (),
) -> tuple[list[DailyCity], AnnualAggregates, AnnualAggregates]:
    """Daily series, annual aggregates of all days and of the days without dust."""
    days = city_days(table, set(stations), year, standard_choice, set(dust_days))
    return days, aggregate_days(days), aggregate_days(d for d in days if not d.dust)


def stations_in(table: HourlyTable) -> Iterable[str]:
    return sorted(set(table.station))
