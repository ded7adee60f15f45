"""The default engine: DuckDB SQL over the normalized Parquet files.

The hours are read from Parquet and aggregated to station days in one grouped SQL pass,
or by the compiled kernel of station_day_kernel.py (same columns, same numbers, faster
once started in a process; see COMPILED_FROM_ROWS_*). City days and annual aggregates are
SQL on that relation; only the city daily rows (365 per city) and the annual aggregates
come back to Python. One call evaluates one city or every city of a national data set
(`evaluate_cities_duckdb`).
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from . import arrow_columns
from .annual import AnnualAggregates, empty_aggregates
from .daily import DailyCity
from .errors import AirDataError
from .hourly import SCHEMA
from .sql import DUCKDB, annual_sql, city_daily_sql, station_day_sql
from .sql_rows import aggregates_from_row, daily_from_row

ONE_CITY = ""  # the city label when the caller evaluates one set of stations

# When `station_days="auto"` uses the compiled kernel: where it is expected to be faster.
# Measured on the 2-core machine, `make bench` inputs, medians of 3, 2026-11-24: in a fresh
# process (a one-shot CLI run) SQL against compiled takes 0.23 / 0.52 s for 100 stations ×
# one year (0.9 M rows), 0.60 / 0.74 s for 500, 1.15 / 1.05 s for 1,000, 2.0 / 1.5 s for
# the national 2,000 (17.5 M rows): starting the kernel (importing Numba, loading its cached
# machine code) costs ≈ 0.35 s, paid back from ≈ 8 M rows. Once started in a process (a
# long-lived worker, a notebook, the benchmark) it is faster at every size measured (100
# stations: 0.15 against 0.22 s), so it keeps being used.
COMPILED_FROM_ROWS_COLD = 8_000_000
COMPILED_FROM_ROWS_STARTED = 100_000
STATION_DAYS = ("auto", "sql", "compiled")


@dataclass
class CityYear:
    days: list[DailyCity]
    all_days: AnnualAggregates
    excluding_dust: AnnualAggregates


def _check_layout(con: duckdb.DuckDBPyConnection, paths: Sequence[Path]) -> None:
    for path in paths:
        names = [r[0] for r in con.execute(
            "SELECT name FROM parquet_schema(?)", [str(path)]).fetchall()]
        missing = [n for n in SCHEMA.names if n not in names]
        if missing:
            raise AirDataError(
                f"not the normalized air layout: missing column(s) {', '.join(missing)}",
                file=str(path), field=missing[0],
            )


def _check_one_row_per_hour(con: duckdb.DuckDBPyConnection, paths: Sequence[Path]) -> None:
    """The SQL pivots hours by slot: a duplicate or an out-of-range hour would be lost.

    Checked on the station-day table (n_rows against the set bits of the slot mask), which
    costs nothing extra; only when something is wrong do we go back to the files to name one.
    """
    bad = con.execute(
        "SELECT count(*) FILTER (WHERE min_slot < 0 OR max_slot > 23), "
        "count(*) FILTER (WHERE n_rows <> bit_count(slot_mask)) FROM station_day"
    ).fetchone()
    out_of_range, duplicated = (int(bad[0]), int(bad[1])) if bad else (0, 0)
    if out_of_range:
        raise AirDataError(
            f"{out_of_range} station-day(s) have an hour outside 0…23",
            file=", ".join(str(p) for p in paths), field="hour",
        )
    if duplicated:
        row = con.execute(
            "SELECT station, obs_day FROM station_day "
            "WHERE n_rows <> bit_count(slot_mask) ORDER BY station, obs_day LIMIT 1"
        ).fetchone()
        assert row is not None
        where = con.execute(
            "SELECT hour, string_agg(DISTINCT filename, ', ') FROM hourly_source "
            "WHERE station = ? AND date = ? GROUP BY hour HAVING count(*) > 1 "
            "ORDER BY hour LIMIT 1",
            [row[0], row[1]],
        ).fetchone()
        hour, files = (where[0], where[1]) if where else ("?", None)
        raise AirDataError(
            f"more than one record for station {row[0]} at {row[1]} hour {hour} "
            f"({duplicated} station-day(s) with duplicate hours)",
            file=files, field="station/date/hour",
        )


def evaluate_cities_duckdb(
    parquet_paths: Sequence[Path],
    city_of_station: Mapping[str, str],
    year: int,
    standard_choice: str = "auto",
    dust_days: Collection[date] = (),
    *,
    threads: int | None = None,
    with_days: bool = True,
    station_days: str = "auto",
) -> dict[str, CityYear]:
    """Every city of `city_of_station` in one pass: daily series (optional) and aggregates.

    `station_days` picks how hours become station days: "sql", "compiled", or "auto" (the
    compiled kernel where it is expected to be faster, see COMPILED_FROM_ROWS_*).
    """
    if station_days not in STATION_DAYS:
        raise ValueError(f"station_days must be one of {', '.join(STATION_DAYS)}")
    con = duckdb.connect()
    try:
        if threads:
            con.execute(f"SET threads TO {int(threads)}")
        # Row order of the temp tables does not matter (everything is grouped or sorted
        # later); not preserving it lets DuckDB aggregate with less memory and sooner.
        con.execute("SET preserve_insertion_order = false")
        _check_layout(con, parquet_paths)
        # A view cannot take parameters: the file list goes in through a relation.
        con.read_parquet([str(p) for p in parquet_paths], filename=True).create_view(
            "hourly_source"
        )
        stations = sorted(city_of_station)
        station_cities = [city_of_station[s] for s in stations]  # in `stations` order
        # (arrow_columns, not pa.array: that would import pandas, ≈ 1 s of a one-shot run)
        con.register("city_stations", arrow_columns.table({
            "station": arrow_columns.strings(stations),
            "city": arrow_columns.strings(station_cities),
            "sid": arrow_columns.numbers(np.arange(len(stations), dtype=np.int32), pa.int32()),
        }))
        con.register("dust_days", arrow_columns.table({
            "obs_day": arrow_columns.dates(sorted(dust_days)),
        }))
        if _compiled(station_days, parquet_paths):
            from .station_day_kernel import station_day_table  # imports Numba: only when used

            con.register("station_day", station_day_table(
                parquet_paths, stations, station_cities, year,
                threads=threads,
            ))
        else:
            con.execute(f"CREATE TEMP TABLE station_day AS {station_day_sql(year, DUCKDB)}")
        _check_one_row_per_hour(con, parquet_paths)
        con.execute(f"CREATE TEMP TABLE daily AS {city_daily_sql(standard_choice, DUCKDB)}")
        by_city: dict[str, dict[str, dict[str, object]]] = {}
        for r in _dicts(con, annual_sql("daily", DUCKDB)):
            by_city.setdefault(str(r["city"]), {})[str(r["subset"])] = r
        days: dict[str, list[DailyCity]] = {}
        if with_days:
            for r in _dicts(con, "SELECT * FROM daily ORDER BY city, obs_day"):
                days.setdefault(str(r["city"]), []).append(daily_from_row(r))
        cities = sorted(set(city_of_station.values()))
        return {
            city: CityYear(
                days.get(city, []),
                _aggregates(by_city.get(city, {}), "all"),
                _aggregates(by_city.get(city, {}), "excluding_dust"),
            )
            for city in cities
        }
    finally:
        con.close()


def _compiled(station_days: str, paths: Sequence[Path]) -> bool:
    if station_days != "auto":
        return station_days == "compiled"
    kernel = sys.modules.get(f"{__package__}.station_day_kernel")  # not imported here: costly
    started = kernel is not None and kernel.started()
    return compiled_pays(sum(pq.read_metadata(p).num_rows for p in paths), started)


def compiled_pays(rows: int, started: bool) -> bool:
    """Whether the compiled kernel is expected to be faster on `rows` input rows."""
    return rows >= (COMPILED_FROM_ROWS_STARTED if started else COMPILED_FROM_ROWS_COLD)


def _aggregates(rows: Mapping[str, Mapping[str, object]], subset: str) -> AnnualAggregates:
    row = rows.get(subset)
    return empty_aggregates() if row is None else aggregates_from_row(row)


def evaluate_duckdb(
    parquet_paths: Sequence[Path],
    stations: Collection[str],
    year: int,
    standard_choice: str = "auto",
    dust_days: Collection[date] = (),
    *,
    threads: int | None = None,
    station_days: str = "auto",
) -> tuple[list[DailyCity], AnnualAggregates, AnnualAggregates]:
    """Daily series and annual aggregates (all days, without dust days) of one city-year."""
    result = evaluate_cities_duckdb(
        parquet_paths, dict.fromkeys(stations, ONE_CITY), year, standard_choice, dust_days,
        threads=threads, station_days=station_days,
    )
    one = result.get(ONE_CITY) or CityYear([], empty_aggregates(), empty_aggregates())
    return one.days, one.all_days, one.excluding_dust


def _dicts(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, object]]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
