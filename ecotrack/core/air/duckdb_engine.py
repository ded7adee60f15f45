"""The default engine: DuckDB SQL over the normalized Parquet files."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

import duckdb

from .annual import AnnualAggregates
from .daily import DailyCity
from .errors import AirDataError
from .hourly import SCHEMA
from .sql import DUCKDB, annual_sql, daily_sql
from .sql_rows import aggregates_from_row, daily_from_row


def _check_source(con: duckdb.DuckDBPyConnection, paths: Sequence[Path]) -> None:
    """Layout and uniqueness of the Parquet input (the SQL relies on both)."""
    for path in paths:
        names = [r[0] for r in con.execute(
            "SELECT name FROM parquet_schema(?)", [str(path)]).fetchall()]
        missing = [n for n in SCHEMA.names if n not in names]
        if missing:
            raise AirDataError(
                f"not the normalized air layout: missing column(s) {', '.join(missing)}",
                file=str(path), field=missing[0],
            )
    duplicate = con.execute(
        "SELECT station, date, hour, filename FROM hourly_source "
        "QUALIFY COUNT(*) OVER (PARTITION BY station, date, hour) > 1 LIMIT 1"
    ).fetchone()
    if duplicate:
        raise AirDataError(
            f"more than one record for station {duplicate[0]} at {duplicate[1]} hour "
            f"{duplicate[2]}", file=duplicate[3], field="station/date/hour",
        )


def evaluate_duckdb(
    parquet_paths: Sequence[Path],
    stations: Collection[str],
    year: int,
    standard_choice: str = "auto",
    dust_days: Collection[date] = (),
    *,
    threads: int | None = None,
) -> tuple[list[DailyCity], AnnualAggregates, AnnualAggregates]:
    """Daily series and annual aggregates (all days, without dust days) of one city-year."""
    con = duckdb.connect()
    try:
        if threads:
            con.execute(f"SET threads TO {int(threads)}")
        # A view cannot take parameters: the file list goes in through a relation.
        con.read_parquet([str(p) for p in parquet_paths], filename=True).create_view(
            "hourly_source"
        )
        _check_source(con, parquet_paths)
        con.execute("CREATE TEMP TABLE city_stations (station VARCHAR)")
        con.executemany("INSERT INTO city_stations VALUES (?)", [[s] for s in sorted(stations)])
        con.execute("CREATE TEMP TABLE dust_days (obs_day DATE)")
        if dust_days:
            con.executemany("INSERT INTO dust_days VALUES (?)", [[d] for d in sorted(dust_days)])
        con.execute(f"CREATE TEMP TABLE daily AS {daily_sql(year, standard_choice, DUCKDB)}")
        days = [daily_from_row(r) for r in _dicts(con, "SELECT * FROM daily ORDER BY obs_day")]
        rows = {r["subset"]: r for r in _dicts(con, annual_sql("daily", DUCKDB))}
        return days, aggregates_from_row(rows["all"]), aggregates_from_row(rows["excluding_dust"])
    finally:
        con.close()


def _dicts(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, object]]:
    cursor = con.execute(query)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
