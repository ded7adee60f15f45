"""Readers of hourly air data into the normalized HourlyTable.

Formats:
- `prsa`: the Beijing per-station CSV (UCI "Beijing Multi-Site Air-Quality Data"), .csv or
  .csv.gz; columns year, month, day, hour, PM2.5, PM10, SO2, NO2, CO, O3, station; all in
  µg/m³ **including CO**, which is converted to mg/m³.
- `cnemc`: the CNEMC hourly release, one CSV per hour; `timepoint`, `stationcode`, `area`
  (the city) and the 1-h values `pm2_5, pm10, so2, no2, co, o3` (CO in mg/m³). The 24-h and
  8-h columns of the release are ignored: the engine computes them itself.
- `long`: one value per row: station, time, pollutant, value, unit (see docs/air.md).
- `parquet`: the normalized layout (hourly.py), checked by parquet_duckdb.py.
Station metadata (CSV: station, city) is read by `read_stations`.

A structural error (missing column, unreadable file) raises AirDataError naming the file,
the line (the header is line 1) and the field; a bad value or row is left out and counted in
the table's FlagReport (see flags.py).
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from .errors import AirDataError
from .flags import BAD_POLLUTANT, BAD_STATION, BAD_TIME, BAD_UNIT, DUPLICATE, FlagReport
from .hour_labels import DEFAULT_HOUR_LABEL, END, START, slot_start
from .hourly import HourlyTable, drop_duplicate_hours
from .standards import CANONICAL_UNIT, POLLUTANTS
from .units import classify_value, conversion_factor, pollutant_or_none, unit_code

FORMATS: tuple[str, ...] = ("prsa", "cnemc", "long", "parquet")

# Source columns of each wide format, per pollutant, with the unit the source publishes in.
PRSA_COLUMNS = {
    "so2": "SO2", "no2": "NO2", "pm10": "PM10", "co": "CO", "o3": "O3", "pm25": "PM2.5",
}
PRSA_UNIT = "µg/m³"  # data README: "Concentrations are in µg/m³, including CO"
CNEMC_COLUMNS = {
    "so2": "so2", "no2": "no2", "pm10": "pm10", "co": "co", "o3": "o3", "pm25": "pm2_5",
}
CNEMC_UNITS = dict(CANONICAL_UNIT)  # the release publishes CO in mg/m³, the rest in µg/m³
# The release's 24-hour maximum of the 1-h O3. In the widely used archive of the release
# (HeQinWill/CNEMC on GitHub) it and `o3` are swapped; see cnemc_o3_column.
CNEMC_O3_MAX = "o3_24h"
O3_SWAPPED_NOTE = (
    "O3 1-h values read from column o3_24h: in these files o3 is at or above o3_24h in "
    "every row and above it in some, so o3 holds the 24-hour maximum and the two columns "
    "are swapped"
)
LONG_COLUMNS = ("station", "time", "pollutant", "value", "unit")
# What a long-format value flag is counted under (flags.py `by_field`): the row's pollutant,
# by its usual name, since the `value` column is the same for all of them.
POLLUTANT_NAME = {
    "so2": "SO2", "no2": "NO2", "pm10": "PM10", "co": "CO", "o3": "O3", "pm25": "PM2.5",
}
STATION_COLUMNS = ("station", "city")


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV file, after checking the header has `required`."""
    with _open_text(path) as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        if missing:
            raise AirDataError(
                f"missing column(s) {', '.join(missing)}; found {', '.join(header) or 'none'}",
                file=str(path), row=1, field=missing[0],
            )
        yield from enumerate(reader, start=2)


def _int(text: str | None) -> int | None:
    try:
        return int(float(text or ""))
    except (ValueError, OverflowError):
        return None


def _prsa_day(row: dict[str, str]) -> tuple[date, int] | tuple[None, str]:
    """(day, hour) of a PRSA row, or (None, field at fault)."""
    parts = [_int(row[k]) for k in ("year", "month", "day")]
    hour = _int(row["hour"])
    try:
        day = date(*parts)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, "year/month/day"
    if hour is None or not 0 <= hour <= 23:
        return None, "hour"
    return day, hour


def _values(
    row: dict[str, str], columns: dict[str, str], factors: dict[str, float],
    flags: FlagReport, source: str, line: int,
) -> list[float | None]:
    """The row's values in POLLUTANTS order; a flagged cell is None and counted."""
    out: list[float | None] = []
    for p in POLLUTANTS:
        text = row[columns[p]] or ""
        value, kind = classify_value(text, p, factors[p])
        if kind is not None:
            flags.flag(kind, source, line, columns[p], text)
        out.append(value)
    return out


def read_prsa(path: Path, hour_label: str = START) -> HourlyTable:
    """One Beijing PRSA station file (`hour_label`: see hour_labels.py)."""
    source = str(path)
    factors = {
        p: conversion_factor(p, PRSA_UNIT, file=source, row=1, field=PRSA_COLUMNS[p])
        for p in POLLUTANTS
    }
    required = ("year", "month", "day", "hour", "station", *PRSA_COLUMNS.values())
    table = HourlyTable()
    for line, row in _rows(path, required):
        day, hour = _prsa_day(row)
        if day is None:
            field_name = str(hour)
            text = "-".join(row[k] or "" for k in ("year", "month", "day"))
            table.flags.flag(BAD_TIME, source, line, field_name,
                             text if field_name != "hour" else row["hour"] or "")
            continue
        station = (row["station"] or "").strip()
        if not station:
            table.flags.flag(BAD_STATION, source, line, "station", row["station"] or "")
            continue
        values = _values(row, PRSA_COLUMNS, factors, table.flags, source, line)
        start = slot_start(datetime(day.year, day.month, day.day, int(hour)), hour_label)
        table.append(station, start.date(), start.hour, values, (source, line))
    return table


def parse_time(text: str) -> datetime | None:
    """A local (UTC+8) whole hour `YYYY-MM-DD HH:MM[:SS]` (or with /), else None."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        return None
    if moment.tzinfo is not None or moment.minute or moment.second or moment.microsecond:
        return None
    return moment


def read_cnemc(path: Path, hour_label: str = END) -> HourlyTable:
    """One CNEMC hourly release file (any number of stations and hours); its `timepoint`
    names the end of the hour (hour_labels.py), and its 1-h O3 column is checked against
    the 24-hour maximum (cnemc_o3_column)."""
    source = str(path)
    rows = list(_rows(path, ("timepoint", "stationcode", "area", *CNEMC_COLUMNS.values())))
    columns = {**CNEMC_COLUMNS, "o3": cnemc_o3_column(rows, source)}
    factors = {
        p: conversion_factor(p, CNEMC_UNITS[p], file=source, row=1, field=columns[p])
        for p in POLLUTANTS
    }
    table = HourlyTable()
    if columns["o3"] != CNEMC_COLUMNS["o3"]:
        table.flags.note(O3_SWAPPED_NOTE, source)
    for line, row in rows:
        moment = parse_time(row["timepoint"] or "")
        if moment is None:
            table.flags.flag(BAD_TIME, source, line, "timepoint", row["timepoint"] or "")
            continue
        station = (row["stationcode"] or "").strip()
        if not station:
            table.flags.flag(BAD_STATION, source, line, "stationcode", row["stationcode"] or "")
            continue
        values = _values(row, columns, factors, table.flags, source, line)
        start = slot_start(moment, hour_label)
        table.append(station, start.date(), start.hour, values, (source, line))
        city = (row["area"] or "").strip()
        if city:
            table.city_of_station.setdefault(station, city)
    return table


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if value == value else None  # NaN: no comparison


def cnemc_o3_column(rows: list[tuple[int, dict[str, str]]], source: str) -> str:
    """The column of this file that holds the 1-h O3: `o3`, or `o3_24h` when they are swapped.

    The 24-hour maximum of the 1-h O3 is never below the hour's own value, so in a file
    where `o3` is above `o3_24h` in some row and below it in none, `o3` is the maximum.
    Both directions in one file: neither column can be trusted, and the file is refused.
    Without an `o3_24h` column (or with no row telling them apart) `o3` is taken.
    """
    above = below = None
    for line, row in rows:
        hour, maximum = _number(row.get("o3")), _number(row.get(CNEMC_O3_MAX))
        if hour is None or maximum is None:
            continue
        if hour > maximum and above is None:
            above = line
        elif hour < maximum and below is None:
            below = line
    if above is not None and below is not None:
        raise AirDataError(
            f"o3 is above o3_24h in row {above} and below it in row {below}: neither is the "
            "24-hour maximum of the other, so the 1-h O3 cannot be told",
            file=source, row=above, field="o3",
        )
    return CNEMC_O3_MAX if above is not None else CNEMC_COLUMNS["o3"]


def read_long(path: Path, hour_label: str = START) -> HourlyTable:
    """A long-format CSV: station, time, pollutant, value, unit (one value per row)."""
    return read_long_files([path], hour_label)


def read_long_files(paths: list[Path], hour_label: str = START) -> HourlyTable:
    """Long-format CSVs read together: one station-hour may be spread over several files
    (e.g. one file per pollutant). A second value of the same station, hour and pollutant
    flags both (duplicate_hour)."""
    flags = FlagReport()
    cells: dict[tuple[str, datetime], list[float | None]] = {}
    lines: dict[tuple[str, datetime, str], list[tuple[str, int, str]]] = {}
    index = {p: i for i, p in enumerate(POLLUTANTS)}
    rows = ((str(path), line, row) for path in paths for line, row in _rows(path, LONG_COLUMNS))
    for source, line, row in rows:
        station = (row["station"] or "").strip()
        moment = parse_time(row["time"] or "")
        if moment is None:
            flags.flag(BAD_TIME, source, line, "time", row["time"] or "")
            continue
        moment = slot_start(moment, hour_label)
        if not station:
            flags.flag(BAD_STATION, source, line, "station", row["station"] or "")
            continue
        pollutant = pollutant_or_none(row["pollutant"] or "")
        if pollutant is None:
            flags.flag(BAD_POLLUTANT, source, line, "pollutant", row["pollutant"] or "")
            continue
        unit = unit_code(row["unit"] or "")
        if unit is None:
            flags.flag(BAD_UNIT, source, line, "unit", row["unit"] or "")
            continue
        factor = conversion_factor(pollutant, row["unit"], file=source, row=line, field="unit")
        value, kind = classify_value(row["value"] or "", pollutant, factor)
        if kind is not None:
            flags.flag(kind, source, line, "value", row["value"] or "",
                       counted=POLLUTANT_NAME[pollutant])
        lines.setdefault((station, moment, pollutant), []).append(
            (source, line, row["value"] or ""))
        cells.setdefault((station, moment), [None] * len(POLLUTANTS))[index[pollutant]] = value
    for (station, moment, pollutant), seen in lines.items():
        if len(seen) > 1:
            for source, line, text in seen:
                flags.flag(DUPLICATE, source, line, "value", text,
                           counted=POLLUTANT_NAME[pollutant])
            cells[(station, moment)][index[pollutant]] = None
    table = HourlyTable(flags=flags)
    for (station, moment), values in sorted(cells.items()):
        table.append(station, moment.date(), moment.hour, values)
    return table


READERS: dict[str, Callable[[Path, str], HourlyTable]] = {
    "prsa": read_prsa,
    "cnemc": read_cnemc,
    "long": read_long,
}


def read_files(
    fmt: str, paths: list[Path], on_file: Callable[[Path], None] | None = None,
    hour_label: str | None = None,
) -> HourlyTable:
    """Read CSV files of one format into one table (Parquet is read by the engines).

    `on_file` is called after each file (a progress bar in the command; the core stays
    free of any UI library). `hour_label` None: the format's own (hour_labels.py)."""
    try:
        reader = READERS[fmt]
    except KeyError:
        known = ", ".join(READERS)
        raise AirDataError(f"no CSV reader for format {fmt!r}; known: {known}") from None
    label = hour_label or DEFAULT_HOUR_LABEL[fmt]
    if fmt == "long":
        table = read_long_files(paths, label)  # hours may span files: merged before checking
        if on_file is not None:
            for path in paths:
                on_file(path)
        return table
    table = HourlyTable()
    for path in paths:
        table.extend(reader(path, label))
        if on_file is not None:
            on_file(path)
    return drop_duplicate_hours(table)


def read_stations(path: Path) -> dict[str, str]:
    """Station metadata CSV (columns station, city; more columns allowed) → station → city."""
    source = str(path)
    out: dict[str, str] = {}
    for line, row in _rows(path, STATION_COLUMNS):
        station, city = row["station"].strip(), row["city"].strip()
        if not station or not city:
            raise AirDataError(
                "empty station or city", file=source, row=line,
                field="station" if not station else "city",
            )
        if out.get(station, city) != city:
            raise AirDataError(
                f"station {station} assigned to both {out[station]} and {city}",
                file=source, row=line, field="city",
            )
        out[station] = city
    return out


def read_dust_days(path: Path) -> set[date]:
    """Dust-affected days (扣沙): one ISO date per line, or a CSV with a `date` column."""
    source = str(path)
    days: set[date] = set()
    with _open_text(path) as handle:
        for line, raw in enumerate(handle, start=1):
            text = raw.split(",")[0].strip()
            if not text or text.startswith("#") or (line == 1 and text.lower() == "date"):
                continue
            try:
                days.add(date.fromisoformat(text))
            except ValueError:
                raise AirDataError(
                    f"not a date (want YYYY-MM-DD): {text!r}", file=source, row=line, field="date"
                ) from None
    return days
