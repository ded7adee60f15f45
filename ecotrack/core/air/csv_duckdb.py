"""DuckDB-native CSV ingest of the `prsa` and `cnemc` formats: CSV → normalized Parquet in SQL.

The twin of readers.py without a Python loop over rows: the files are read as text by
DuckDB's CSV reader, every cell is checked with TRY_CAST and CASE, and the flag report
(kind, count, first examples by file and row) is computed by the same SQL. The Python
readers stay the reference; tests check that both give the same table and the same flags.

Row numbers: `row_number() OVER ()` over an order-preserving scan of the files in the given
order (the header of each file is line 1, as in the Python reader); the tests check them
against the PRSA `No` column and the Python reader's examples.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from .errors import AirDataError
from .flags import (
    BAD_NUMBER,
    BAD_STATION,
    BAD_TIME,
    DUPLICATE,
    EXAMPLES,
    IMPLAUSIBLE,
    NEGATIVE,
    Example,
    FlagReport,
    KindReport,
)
from .hourly import SCHEMA
from .readers import CNEMC_COLUMNS, CNEMC_UNITS, PRSA_COLUMNS, PRSA_UNIT
from .standards import POLLUTANTS
from .units import MISSING_MARKS, PLAUSIBLE_MAX, conversion_factor

CSV_FORMATS = ("prsa", "cnemc")


@dataclass
class Ingested:
    parquet: Path
    city_of_station: dict[str, str]
    flags: FlagReport
    rows: int


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _num(value: float) -> str:
    return f"{float(value)!r}E0"


def _header(path: Path) -> list[str]:
    """The first line of a file (csv-parsed): the structural check, one line per file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
    return next(csv.reader(io.StringIO(first)), [])


def _check_headers(paths: Sequence[Path], required: Sequence[str]) -> None:
    for path in paths:
        header = _header(path)
        missing = [c for c in required if c not in header]
        if missing:
            raise AirDataError(
                f"missing column(s) {', '.join(missing)}; found {', '.join(header) or 'none'}",
                file=str(path), row=1, field=missing[0],
            )


def _int_sql(column: str) -> str:
    """Python's int(float(text)): truncation toward zero, NULL when it does not parse."""
    return f"TRY_CAST(trunc(TRY_CAST(trim({column}) AS DOUBLE)) AS INTEGER)"


def _time_sql(fmt: str) -> tuple[str, str, str, str]:
    """(day, slot, field at fault, text at fault) expressions over `raw`."""
    if fmt == "prsa":
        y, m, d, h = (_int_sql(f'"{c}"') for c in ("year", "month", "day", "hour"))
        day = (f"TRY_CAST(printf('%04d-%02d-%02d', {y}, {m}, {d}) AS DATE)")
        day = f"(CASE WHEN {y} BETWEEN 1 AND 9999 THEN {day} END)"
        slot = f"(CASE WHEN {h} BETWEEN 0 AND 23 THEN {h} END)"
        field = f"(CASE WHEN {day} IS NULL THEN 'year/month/day' ELSE 'hour' END)"
        parts = ", '-', ".join(f"coalesce(\"{c}\", '')" for c in ("year", "month", "day"))
        text = f"(CASE WHEN {day} IS NULL THEN concat({parts}) ELSE coalesce(\"hour\", '') END)"
        return day, slot, field, text
    t = "replace(trim(coalesce(timepoint, '')), '/', '-')"
    ts = f"TRY_CAST({t} AS TIMESTAMP)"
    # fromisoformat refuses nothing with a zone here: a zone means not local time.
    zone = rf"regexp_matches({t}, '\d:\d\d(:\d\d(\.\d+)?)?\s*(Z|[+-]\d\d(:?\d\d)?)$')"
    whole = (f"(CASE WHEN {ts} IS NOT NULL AND NOT {zone} AND minute({ts}) = 0 "
             f"AND second({ts}) = 0 AND microsecond({ts}) = 0 THEN {ts} END)")
    return (f"CAST({whole} AS DATE)", f"hour({whole})", "'timepoint'",
            "coalesce(timepoint, '')")


def _value_sql(column: str, pollutant: str, factor: float) -> tuple[str, str]:
    """(value, flag kind) of one cell, the SQL twin of units.classify_value."""
    s = f"trim(coalesce({column}, ''))"
    marks = ", ".join(_lit(m) for m in sorted(MISSING_MARKS))
    num = f"TRY_CAST({s} AS DOUBLE)"
    missing = f"(lower({s}) IN ({marks}) OR isnan({num}))"
    kind = (
        f"(CASE WHEN {missing} THEN NULL WHEN {num} IS NULL THEN '{BAD_NUMBER}' "
        f"WHEN isinf({num}) THEN '{IMPLAUSIBLE}' WHEN {num} < 0 THEN '{NEGATIVE}' "
        f"WHEN {num} * {_num(factor)} > {_num(PLAUSIBLE_MAX[pollutant])} "
        f"THEN '{IMPLAUSIBLE}' END)"
    )
    value = f"(CASE WHEN {missing} OR {kind} IS NOT NULL THEN NULL ELSE {num} * {_num(factor)} END)"
    return value, kind


def ingest_csv(
    fmt: str, paths: Sequence[Path], out: Path, *, year: int | None = None,
    threads: int | None = None,
) -> Ingested:
    """Read `prsa` or `cnemc` CSV files into normalized Parquet at `out` (rows of `year`)."""
    if fmt not in CSV_FORMATS:
        raise AirDataError(f"no DuckDB CSV ingest for format {fmt!r}")
    columns = PRSA_COLUMNS if fmt == "prsa" else CNEMC_COLUMNS
    units = {p: PRSA_UNIT for p in POLLUTANTS} if fmt == "prsa" else CNEMC_UNITS
    factors = {p: conversion_factor(p, units[p], row=1, field=columns[p], file=str(paths[0]))
               for p in POLLUTANTS}
    keys = (("year", "month", "day", "hour", "station") if fmt == "prsa"
            else ("timepoint", "stationcode", "area"))
    _check_headers(paths, (*keys, *columns.values()))
    station_col = "station" if fmt == "prsa" else "stationcode"
    con = duckdb.connect()
    try:
        if threads:
            con.execute(f"SET threads TO {int(threads)}")
        files = "[" + ", ".join(_lit(str(p)) for p in paths) + "]"
        wanted = ", ".join(f'"{c}"' for c in (*keys, *columns.values()))
        # Text only: every cast below is ours (TRY_CAST), so nothing fails inside the reader.
        con.execute(f"""
            CREATE TEMP TABLE raw AS
            SELECT filename AS file, row_number() OVER () AS seq, {wanted}
            FROM read_csv({files}, all_varchar = true, header = true, filename = true,
                          union_by_name = true, auto_detect = true)""")  # noqa: S608
        day, slot, time_field, time_text = _time_sql(fmt)
        values = {p: _value_sql(f'"{columns[p]}"', p, factors[p]) for p in POLLUTANTS}
        station = f"trim(coalesce(\"{station_col}\", ''))"
        area = "trim(coalesce(area, ''))" if fmt == "cnemc" else "''"
        con.execute(f"""
            CREATE TEMP TABLE parsed AS
            SELECT file, CAST(seq - min(seq) OVER (PARTITION BY file) + 2 AS INTEGER) AS line,
                   seq, {day} AS obs_day, {slot} AS slot, {time_field} AS time_field,
                   {time_text} AS time_text, {station} AS station,
                   coalesce("{station_col}", '') AS station_text, {area} AS area,
                   {", ".join(f"{v} AS {p}, {k} AS k_{p}" for p, (v, k) in values.items())},
                   {", ".join(f'coalesce("{columns[p]}", {_lit("")}) AS t_{p}'
                              for p in POLLUTANTS)}
            FROM raw""")  # noqa: S608
        con.execute("""
            CREATE TEMP TABLE kept AS
            SELECT *, count(*) OVER (PARTITION BY station, obs_day, slot) > 1 AS duplicate
            FROM parsed WHERE obs_day IS NOT NULL AND slot IS NOT NULL AND station <> ''""")
        flags = _flags(con, fmt, columns)
        cities = dict(con.execute(
            "SELECT station, arg_min(area, seq) FROM kept WHERE area <> '' GROUP BY station"
        ).fetchall()) if fmt == "cnemc" else {}
        in_year = "" if year is None else f"AND year(obs_day) = {int(year)}"
        out.parent.mkdir(parents=True, exist_ok=True)
        relation = con.sql(f"""
            SELECT station, obs_day AS "date", CAST(slot AS TINYINT) AS "hour",
                   {", ".join(POLLUTANTS)}
            FROM kept WHERE NOT duplicate {in_year}
            ORDER BY station, "date", "hour" """)  # noqa: S608
        table = relation.to_arrow_table()
        table = table.rename_columns(SCHEMA.names).cast(SCHEMA)
        pq.write_table(table, out, compression="zstd")
        return Ingested(out, cities, flags, table.num_rows)
    finally:
        con.close()


def _flags(con: duckdb.DuckDBPyConnection, fmt: str, columns: dict[str, str]) -> FlagReport:
    """Counts and first examples per kind, in SQL (the order of flags.Example)."""
    station_field = "station" if fmt == "prsa" else "stationcode"
    # Only fixed names and flags.py constants go into the text.
    duplicate_text = ("station || ' ' || strftime(obs_day, '%Y-%m-%d') || ' ' "
                      "|| lpad(CAST(slot AS VARCHAR), 2, '0') || 'h'")
    parts = [
        _select(f"'{BAD_TIME}'", "time_field", "time_text", "parsed",
                "obs_day IS NULL OR slot IS NULL"),
        _select(f"'{BAD_STATION}'", f"'{station_field}'", "station_text", "parsed",
                "obs_day IS NOT NULL AND slot IS NOT NULL AND station = ''"),
        *(_select(f"k_{p}", f"'{columns[p]}'", f"t_{p}", "kept", f"k_{p} IS NOT NULL")
          for p in POLLUTANTS),
        _select(f"'{DUPLICATE}'", "'station/time'", duplicate_text, "kept", "duplicate"),
    ]
    rows = con.execute(f"""
        WITH f AS ({" UNION ALL ".join(parts)}),
        ranked AS (SELECT *, count(*) OVER (PARTITION BY kind) AS n,
                          row_number() OVER (PARTITION BY kind ORDER BY file, line, field, value)
                          AS r FROM f)
        SELECT kind, n, file, line, field, value FROM ranked WHERE r <= {EXAMPLES}
        ORDER BY kind, r""").fetchall()  # noqa: S608
    report = FlagReport()
    for kind, n, file, line, field, value in rows:
        entry = report.kinds.setdefault(kind, KindReport(count=int(n)))
        entry.examples.append(Example(file, int(line), field, value))
    return report


def _select(kind: str, field: str, value: str, relation: str, where: str) -> str:
    """One branch of the flag union: (kind, file, line, field, value)."""
    return " ".join(["SELECT", kind, "AS kind, file, line,", field, "AS field,", value,
                     "AS value FROM", relation, "WHERE", where])
