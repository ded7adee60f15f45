"""DuckDB-native CSV ingest of the `prsa` and `cnemc` formats: CSV → normalized Parquet in SQL.

The twin of readers.py without a Python loop over rows: the files are read as text by
DuckDB's CSV reader, every cell is checked with TRY_CAST and CASE, and the flag report
(kind, counts by field, first examples by file and row) is computed by the same SQL. The Python
readers stay the reference; tests check that both give the same table and the same flags.

Row numbers: `row_number() OVER ()` over an order-preserving scan of the files in the given
order (the header of each file is line 1, as in the Python reader); the tests check them
against the PRSA `No` column and the Python reader's examples.

The long format (station, time, pollutant, value, unit) is read the same way: pollutant and
unit are looked up per row in SQL generated from the spellings in units.py, the conversion
factor is chosen per row, and the table is pivoted to one row per station-hour.

`value_sql` and `flag_report` are the value rules and the flag report in SQL: the Parquet
check (parquet_duckdb.py) uses them too, so the rules are written once for DuckDB (and once
for Python, units.classify_value, which the tests hold them equal to).
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from . import arrow_columns
from .errors import AirDataError
from .flags import (
    BAD_NUMBER,
    BAD_POLLUTANT,
    BAD_STATION,
    BAD_TIME,
    BAD_UNIT,
    DUPLICATE,
    EXAMPLES,
    IMPLAUSIBLE,
    NEGATIVE,
    Example,
    FlagReport,
    KindReport,
)
from .hour_labels import DEFAULT_HOUR_LABEL, START, shift_sql
from .hourly import SCHEMA
from .readers import (
    CNEMC_COLUMNS,
    CNEMC_O3_MAX,
    CNEMC_UNITS,
    LONG_COLUMNS,
    O3_SWAPPED_NOTE,
    POLLUTANT_NAME,
    PRSA_COLUMNS,
    PRSA_UNIT,
)
from .sql import num_lit, str_lit
from .standards import POLLUTANTS
from .units import (
    MISSING_MARKS,
    PLAUSIBLE_MAX,
    POLLUTANT_SPELLINGS,
    UNIT_CODES,
    UNIT_SPELLINGS,
    conversion_factor,
)

CSV_FORMATS = ("prsa", "cnemc", "long")


@dataclass
class Ingested:
    parquet: Path
    city_of_station: dict[str, str]
    flags: FlagReport
    rows: int


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


def _time_sql(fmt: str, hour_label: str) -> tuple[str, str, str, str]:
    """(day, slot, field at fault, text at fault) expressions over `raw`."""
    if fmt == "prsa":
        y, m, d, h = (_int_sql(f'"{c}"') for c in ("year", "month", "day", "hour"))
        day = (f"TRY_CAST(printf('%04d-%02d-%02d', {y}, {m}, {d}) AS DATE)")
        day = f"(CASE WHEN {y} BETWEEN 1 AND 9999 THEN {day} END)"
        hour = f"(CASE WHEN {h} BETWEEN 0 AND 23 THEN {h} END)"
        field = f"(CASE WHEN {day} IS NULL THEN 'year/month/day' ELSE 'hour' END)"
        parts = ", '-', ".join(f"coalesce(\"{c}\", '')" for c in ("year", "month", "day"))
        text = f"(CASE WHEN {day} IS NULL THEN concat({parts}) ELSE coalesce(\"hour\", '') END)"
        labelled = f"(CAST({day} AS TIMESTAMP) + to_hours({hour}))"
        return (*_day_and_slot(shift_sql(labelled, hour_label)), field, text)
    return (*_timestamp_sql("timepoint", hour_label), "'timepoint'", "coalesce(timepoint, '')")


def _day_and_slot(timestamp: str) -> tuple[str, str]:
    return f"CAST({timestamp} AS DATE)", f"hour({timestamp})"


def _timestamp_sql(column: str, hour_label: str) -> tuple[str, str]:
    """(day, slot) of a local whole-hour time text, the SQL twin of readers.parse_time
    followed by hour_labels.slot_start."""
    t = f"replace(trim(coalesce(\"{column}\", '')), '/', '-')"
    ts = f"TRY_CAST({t} AS TIMESTAMP)"
    # fromisoformat refuses nothing with a zone here: a zone means not local time.
    zone = rf"regexp_matches({t}, '\d:\d\d(:\d\d(\.\d+)?)?\s*(Z|[+-]\d\d(:?\d\d)?)$')"
    whole = (f"(CASE WHEN {ts} IS NOT NULL AND NOT {zone} AND minute({ts}) = 0 "
             f"AND second({ts}) = 0 AND microsecond({ts}) = 0 THEN {ts} END)")
    return _day_and_slot(shift_sql(whole, hour_label))


def value_sql(num: str, missing: str, factor: str, limit: str) -> tuple[str, str]:
    """(value, flag kind) of one number: the SQL twin of units.classify_value once parsed.

    `num` is a DOUBLE expression (NULL when the text did not parse), `missing` the condition
    for a missing value (a missing mark, SQL NULL or NaN: missing, not flagged), `factor`
    the conversion to the canonical unit and `limit` the plausibility limit (SQL expressions).
    """
    kind = (
        f"(CASE WHEN {missing} THEN NULL WHEN {num} IS NULL THEN '{BAD_NUMBER}' "
        f"WHEN isinf({num}) THEN '{IMPLAUSIBLE}' WHEN {num} < 0 THEN '{NEGATIVE}' "
        f"WHEN {num} * {factor} > {limit} THEN '{IMPLAUSIBLE}' END)"
    )
    value = f"(CASE WHEN {missing} OR {kind} IS NOT NULL THEN NULL ELSE {num} * {factor} END)"
    return value, kind


def _text_value_sql(column: str, factor: str, limit: str) -> tuple[str, str]:
    """(value, flag kind) of one text cell."""
    s = f"trim(coalesce({column}, ''))"
    marks = ", ".join(str_lit(m) for m in sorted(MISSING_MARKS))
    num = f"TRY_CAST({s} AS DOUBLE)"
    return value_sql(num, f"(lower({s}) IN ({marks}) OR isnan({num}))", factor, limit)


def _value_sql(column: str, pollutant: str, factor: float) -> tuple[str, str]:
    """(value, flag kind) of one cell of a wide format (one pollutant, one unit per column)."""
    return _text_value_sql(column, num_lit(factor), num_lit(PLAUSIBLE_MAX[pollutant]))


def connect(threads: int | None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads TO {int(threads)}")
    return con


def _read_raw(con: duckdb.DuckDBPyConnection, paths: Sequence[Path],
              columns: Sequence[str]) -> None:
    """Temp table `raw`: file, seq (order of the scan) and the columns, all as text."""
    files = "[" + ", ".join(str_lit(str(p)) for p in paths) + "]"
    wanted = ", ".join(f'"{c}"' for c in columns)
    # Text only: every cast below is ours (TRY_CAST), so nothing fails inside the reader.
    con.execute(f"""
        CREATE TEMP TABLE raw AS
        SELECT filename AS file, row_number() OVER () AS seq, {wanted}
        FROM read_csv({files}, all_varchar = true, header = true, filename = true,
                      union_by_name = true, auto_detect = true)""")  # noqa: S608


# Line of a record in its file: the header is line 1 (as in the Python readers).
_LINE_SQL = "CAST(seq - min(seq) OVER (PARTITION BY file) + 2 AS INTEGER)"


def ingest_csv(
    fmt: str, paths: Sequence[Path], out: Path, *, year: int | None = None,
    threads: int | None = None, hour_label: str | None = None,
) -> Ingested:
    """Read `prsa`, `cnemc` or `long` CSV files into normalized Parquet at `out` (rows of
    `year`, after the hour labels are turned into slots; the flags count every row).
    `hour_label` None: the format's own (hour_labels.py)."""
    if fmt not in CSV_FORMATS:
        raise AirDataError(f"no DuckDB CSV ingest for format {fmt!r}")
    label = hour_label or DEFAULT_HOUR_LABEL[fmt]
    if fmt == "long":
        return ingest_long(paths, out, year=year, threads=threads, hour_label=label)
    columns = PRSA_COLUMNS if fmt == "prsa" else CNEMC_COLUMNS
    units = {p: PRSA_UNIT for p in POLLUTANTS} if fmt == "prsa" else CNEMC_UNITS
    factors = {p: conversion_factor(p, units[p], row=1, field=columns[p], file=str(paths[0]))
               for p in POLLUTANTS}
    keys = (("year", "month", "day", "hour", "station") if fmt == "prsa"
            else ("timepoint", "stationcode", "area"))
    _check_headers(paths, (*keys, *columns.values()))
    station_col = "station" if fmt == "prsa" else "stationcode"
    # CNEMC: the 24-hour maximum, to tell which column holds the 1-h O3 (cnemc_o3_column).
    check_o3 = fmt == "cnemc" and any(CNEMC_O3_MAX in _header(p) for p in paths)
    con = connect(threads)
    try:
        _read_raw(con, paths, (*keys, *columns.values(), *([CNEMC_O3_MAX] if check_o3 else [])))
        swapped = _o3_swapped_files(con) if check_o3 else []
        con.register("o3_swapped", arrow_columns.table({
            "swapped_file": arrow_columns.strings(swapped),
        }))
        # The O3 text and the field its flags name: the swapped files' from `o3_24h`.
        text = {p: f'"{columns[p]}"' for p in POLLUTANTS}
        o3_field = f"'{columns['o3']}'"
        if check_o3:
            text["o3"] = (f'(CASE WHEN sw.swapped_file IS NULL THEN "{columns["o3"]}" '
                          f'ELSE "{CNEMC_O3_MAX}" END)')
            o3_field = (f"(CASE WHEN sw.swapped_file IS NULL THEN '{columns['o3']}' "
                        f"ELSE '{CNEMC_O3_MAX}' END)")
        day, slot, time_field, time_text = _time_sql(fmt, label)
        values = {p: _value_sql(text[p], p, factors[p]) for p in POLLUTANTS}
        station = f"trim(coalesce(\"{station_col}\", ''))"
        area = "trim(coalesce(area, ''))" if fmt == "cnemc" else "''"
        con.execute(f"""
            CREATE TEMP TABLE parsed AS
            SELECT file, {_LINE_SQL} AS line, seq, {day} AS obs_day, {slot} AS slot,
                   {time_field} AS time_field, {time_text} AS time_text, {station} AS station,
                   coalesce("{station_col}", '') AS station_text, {area} AS area,
                   {", ".join(f"{v} AS {p}, {k} AS k_{p}" for p, (v, k) in values.items())},
                   {", ".join(f'coalesce({text[p]}, {str_lit("")}) AS t_{p}'
                              for p in POLLUTANTS)},
                   {o3_field} AS o3_field
            FROM raw LEFT JOIN o3_swapped AS sw ON raw.file = sw.swapped_file""")  # noqa: S608
        con.execute("""
            CREATE TEMP TABLE kept AS
            SELECT *, count(*) OVER (PARTITION BY station, obs_day, slot) > 1 AS duplicate
            FROM parsed WHERE obs_day IS NOT NULL AND slot IS NOT NULL AND station <> ''""")
        flags = _flags(con, fmt, columns)
        for file in swapped:
            flags.note(O3_SWAPPED_NOTE, file)
        cities = dict(con.execute(
            "SELECT station, arg_min(area, seq) FROM kept WHERE area <> '' GROUP BY station"
        ).fetchall()) if fmt == "cnemc" else {}
        in_year = "" if year is None else f"AND year(obs_day) = {int(year)}"
        rows = _write_normalized(con, f"""
            SELECT station, obs_day, slot, {", ".join(POLLUTANTS)}
            FROM kept WHERE NOT duplicate {in_year}""", out)  # noqa: S608
        return Ingested(out, cities, flags, rows)
    finally:
        con.close()


def _o3_swapped_files(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Files (in reading order) whose `o3` is the 24-hour maximum: the SQL twin of
    readers.cnemc_o3_column, which also says why. Refuses a file where it cannot be told."""
    number = "TRY_CAST(trim({}) AS DOUBLE)"
    h, m = number.format('"o3"'), number.format(f'"{CNEMC_O3_MAX}"')
    both = f"{h} IS NOT NULL AND {m} IS NOT NULL AND NOT isnan({h}) AND NOT isnan({m})"
    rows = con.execute(f"""
        SELECT file, min(line) FILTER (WHERE {h} > {m}), min(line) FILTER (WHERE {h} < {m})
        FROM (SELECT *, {_LINE_SQL} AS line FROM raw) WHERE {both}
        GROUP BY file ORDER BY min(seq)""").fetchall()  # noqa: S608
    for file, above, below in rows:
        if above is not None and below is not None:
            raise AirDataError(
                f"o3 is above o3_24h in row {above} and below it in row {below}: neither is "
                "the 24-hour maximum of the other, so the 1-h O3 cannot be told",
                file=file, row=int(above), field="o3",
            )
    return [file for file, above, _below in rows if above is not None]


def _write_normalized(con: duckdb.DuckDBPyConnection, query: str, out: Path) -> int:
    """Rows (station, obs_day, slot, *POLLUTANTS) of `query` → normalized Parquet, sorted."""
    out.parent.mkdir(parents=True, exist_ok=True)
    relation = con.sql(f"""
        SELECT station, obs_day AS "date", CAST(slot AS TINYINT) AS "hour",
               {", ".join(POLLUTANTS)}
        FROM ({query}) ORDER BY station, "date", "hour" """)  # noqa: S608
    table = relation.to_arrow_table()
    table = table.rename_columns(SCHEMA.names).cast(SCHEMA)
    pq.write_table(table, out, compression="zstd")
    return int(table.num_rows)


def _case_sql(expression: str, mapping: Mapping[str, str]) -> str:
    """CASE expression WHEN key THEN value … END (NULL for anything else)."""
    whens = " ".join(f"WHEN {str_lit(k)} THEN {str_lit(v)}" for k, v in mapping.items())
    return f"(CASE {expression} {whens} END)"


def ingest_long(
    paths: Sequence[Path], out: Path, *, year: int | None = None, threads: int | None = None,
    hour_label: str = START,
) -> Ingested:
    """Long-format CSVs (station, time, pollutant, value, unit) into normalized Parquet.

    The twin of readers.read_long_files: row checks in its order (time, station, pollutant,
    unit), then the value; pollutant and unit spellings come from units.py, the factor of
    each (pollutant, unit) from units.conversion_factor; a second value of the same station,
    hour and pollutant flags every copy. One station-hour may span files.
    """
    _check_headers(paths, LONG_COLUMNS)
    con = connect(threads)
    try:
        _read_raw(con, paths, LONG_COLUMNS)
        day, slot = _timestamp_sql("time", hour_label)
        pollutant = _case_sql("lower(trim(coalesce(\"pollutant\", '')))", POLLUTANT_SPELLINGS)
        unit = _case_sql("lower(trim(coalesce(\"unit\", '')))", UNIT_SPELLINGS)
        factor = "(CASE " + " ".join(
            f"WHEN pol = {str_lit(p)} AND unit_code = {str_lit(u)} THEN "
            f"{num_lit(conversion_factor(p, u, file='', row=0, field='unit'))}"
            for p in POLLUTANTS for u in UNIT_CODES) + " END)"
        limit = "(CASE " + " ".join(
            f"WHEN pol = {str_lit(p)} THEN {num_lit(PLAUSIBLE_MAX[p])}" for p in POLLUTANTS
        ) + " END)"
        value, kind = _text_value_sql("raw_value", factor, limit)
        con.execute(f"""
            CREATE TEMP TABLE parsed AS
            SELECT file, {_LINE_SQL} AS line, {day} AS obs_day, {slot} AS slot,
                   coalesce("time", '') AS time_text, trim(coalesce("station", '')) AS station,
                   coalesce("station", '') AS station_text, {pollutant} AS pol,
                   coalesce("pollutant", '') AS pollutant_text, {unit} AS unit_code,
                   coalesce("unit", '') AS unit_text, "value" AS raw_value,
                   coalesce("value", '') AS value_text
            FROM raw""")  # noqa: S608
        con.execute(f"""
            CREATE TEMP TABLE kept AS
            SELECT *, {value} AS value, {kind} AS kind,
                   count(*) OVER (PARTITION BY station, obs_day, slot, pol) > 1 AS duplicate
            FROM parsed
            WHERE obs_day IS NOT NULL AND slot IS NOT NULL AND station <> ''
              AND pol IS NOT NULL AND unit_code IS NOT NULL""")  # noqa: S608
        time_ok = "obs_day IS NOT NULL AND slot IS NOT NULL"
        # Value flags are counted under the row's pollutant (`value` is generic), as in
        # readers.read_long_files; the examples keep naming the column.
        named = _case_sql("pol", POLLUTANT_NAME)
        flags = flag_report(con, [
            select_sql(f"'{BAD_TIME}'", "'time'", "time_text", "parsed", f"NOT ({time_ok})"),
            select_sql(f"'{BAD_STATION}'", "'station'", "station_text", "parsed",
                       f"{time_ok} AND station = ''"),
            select_sql(f"'{BAD_POLLUTANT}'", "'pollutant'", "pollutant_text", "parsed",
                       f"{time_ok} AND station <> '' AND pol IS NULL"),
            select_sql(f"'{BAD_UNIT}'", "'unit'", "unit_text", "parsed",
                       f"{time_ok} AND station <> '' AND pol IS NOT NULL AND unit_code IS NULL"),
            select_sql("kind", "'value'", "value_text", "kept", "kind IS NOT NULL", named),
            select_sql(f"'{DUPLICATE}'", "'value'", "value_text", "kept", "duplicate", named),
        ])
        in_year = "" if year is None else f"WHERE year(obs_day) = {int(year)}"
        pivot = ", ".join(f"max(value) FILTER (WHERE pol = {str_lit(p)} AND NOT duplicate) AS {p}"
                          for p in POLLUTANTS)
        rows = _write_normalized(con, f"""
            SELECT station, obs_day, slot, {pivot} FROM kept {in_year}
            GROUP BY station, obs_day, slot""", out)  # noqa: S608
        return Ingested(out, {}, flags, rows)
    finally:
        con.close()


def _flags(con: duckdb.DuckDBPyConnection, fmt: str, columns: dict[str, str]) -> FlagReport:
    """Counts per kind and field and first examples per kind, in SQL (flags.Example order)."""
    station_field = "station" if fmt == "prsa" else "stationcode"
    # Only fixed names and flags.py constants go into the text.
    duplicate_text = ("station || ' ' || strftime(obs_day, '%Y-%m-%d') || ' ' "
                      "|| lpad(CAST(slot AS VARCHAR), 2, '0') || 'h'")
    parts = [
        select_sql(f"'{BAD_TIME}'", "time_field", "time_text", "parsed",
                "obs_day IS NULL OR slot IS NULL"),
        select_sql(f"'{BAD_STATION}'", f"'{station_field}'", "station_text", "parsed",
                "obs_day IS NOT NULL AND slot IS NOT NULL AND station = ''"),
        *(select_sql(f"k_{p}", "o3_field" if p == "o3" else f"'{columns[p]}'", f"t_{p}",
                     "kept", f"k_{p} IS NOT NULL")
          for p in POLLUTANTS),
        select_sql(f"'{DUPLICATE}'", "'station/time'", duplicate_text, "kept", "duplicate"),
    ]
    return flag_report(con, parts)


def flag_report(con: duckdb.DuckDBPyConnection, parts: Sequence[str]) -> FlagReport:
    """Counts per kind and field (GROUP BY kind, field) and the first examples (by file,
    row) per kind of a union of `select_sql`s: the SQL twin of FlagReport.flag."""
    # Materialized once (usually a handful of rows): both queries below read it.
    con.execute(f"CREATE OR REPLACE TEMP TABLE flagged AS {' UNION ALL '.join(parts)}")
    counts = con.execute(
        "SELECT kind, counted, count(*) FROM flagged GROUP BY kind, counted").fetchall()
    rows = con.execute(f"""
        SELECT kind, file, line, field, value FROM flagged
        QUALIFY row_number() OVER (PARTITION BY kind ORDER BY file, line, field, value)
                <= {EXAMPLES}
        ORDER BY kind, file, line, field, value""").fetchall()  # noqa: S608
    con.execute("DROP TABLE flagged")
    report = FlagReport()
    for kind, counted, n in counts:
        entry = report.kinds.setdefault(kind, KindReport())
        entry.count += int(n)
        entry.by_field[counted] = int(n)
    for kind, file, line, field, value in rows:
        report.kinds[kind].examples.append(Example(file, int(line), field, value))
    return report


def select_sql(kind: str, field: str, value: str, relation: str, where: str,
               counted: str | None = None) -> str:
    """One branch of the flag union: (kind, file, line, field, value, counted), where
    `counted` is what the case is counted under (default: the field)."""
    return " ".join(["SELECT", kind, "AS kind, file, line,", field, "AS field,", value,
                     "AS value,", counted or field, "AS counted FROM", relation,
                     "WHERE", where])
