"""Readers of hourly air data into the normalized HourlyTable.

Formats:
- `prsa`: the Beijing per-station CSV (UCI "Beijing Multi-Site Air-Quality Data"), .csv or
  .csv.gz; columns year, month, day, hour, PM2.5, PM10, SO2, NO2, CO, O3, station; all in
  µg/m³ **including CO**, which is converted to mg/m³.
- `cnemc`: the CNEMC hourly release, one CSV per hour; `timepoint`, `stationcode`, `area`
  (the city) and the 1-h values `pm2_5, pm10, so2, no2, co, o3` (CO in mg/m³). The 24-h and
  8-h columns of the release are ignored: the engine computes them itself.
- `long`: one value per row: station, time, pollutant, value, unit (see docs/air.md).
Station metadata (CSV: station, city) is read by `read_stations`.

Every error names the file, the line (the header is line 1) and the field.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from .errors import AirDataError
from .hourly import HourlyTable, check_unique_hours
from .standards import CANONICAL_UNIT, POLLUTANTS
from .units import conversion_factor, parse_value, pollutant_code

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
LONG_COLUMNS = ("station", "time", "pollutant", "value", "unit")
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


def _int(text: str | None, *, file: str, row: int, field: str) -> int:
    try:
        return int(float(text or ""))
    except ValueError:
        raise AirDataError(
            f"not a whole number: {text!r}", file=file, row=row, field=field
        ) from None


def read_prsa(path: Path) -> HourlyTable:
    """One Beijing PRSA station file."""
    source = str(path)
    factors = {
        p: conversion_factor(p, PRSA_UNIT, file=source, row=1, field=PRSA_COLUMNS[p])
        for p in POLLUTANTS
    }
    required = ("year", "month", "day", "hour", "station", *PRSA_COLUMNS.values())
    table = HourlyTable()
    for line, row in _rows(path, required):
        parts = [_int(row[k], file=source, row=line, field=k) for k in ("year", "month", "day")]
        hour = _int(row["hour"], file=source, row=line, field="hour")
        try:
            day = date(*parts)
        except ValueError as exc:
            raise AirDataError(str(exc), file=source, row=line, field="year/month/day") from None
        if not 0 <= hour <= 23:
            raise AirDataError(f"hour {hour} outside 0…23", file=source, row=line, field="hour")
        values = [
            parse_value(
                row[PRSA_COLUMNS[p]], p, factors[p], file=source, row=line, field=PRSA_COLUMNS[p]
            )
            for p in POLLUTANTS
        ]
        station = row["station"].strip()
        if not station:
            raise AirDataError("empty station", file=source, row=line, field="station")
        table.append(station, day, hour, values)
    check_unique_hours(table, source)
    return table


def _parse_time(text: str, *, file: str, row: int, field: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip().replace("/", "-"))
    except ValueError:
        raise AirDataError(
            f"not a time (want YYYY-MM-DD HH:MM[:SS]): {text!r}", file=file, row=row, field=field
        ) from None
    if moment.tzinfo is not None or moment.minute or moment.second:
        raise AirDataError(
            f"want a local (UTC+8) whole hour without time zone: {text!r}",
            file=file, row=row, field=field,
        )
    return moment


def read_cnemc(path: Path) -> HourlyTable:
    """One CNEMC hourly release file (any number of stations and hours)."""
    source = str(path)
    factors = {
        p: conversion_factor(p, CNEMC_UNITS[p], file=source, row=1, field=CNEMC_COLUMNS[p])
        for p in POLLUTANTS
    }
    table = HourlyTable()
    for line, row in _rows(path, ("timepoint", "stationcode", "area", *CNEMC_COLUMNS.values())):
        moment = _parse_time(row["timepoint"], file=source, row=line, field="timepoint")
        station = row["stationcode"].strip()
        if not station:
            raise AirDataError("empty station code", file=source, row=line, field="stationcode")
        values = [
            parse_value(
                row[CNEMC_COLUMNS[p]], p, factors[p], file=source, row=line,
                field=CNEMC_COLUMNS[p],
            )
            for p in POLLUTANTS
        ]
        table.append(station, moment.date(), moment.hour, values)
        city = row["area"].strip()
        if city:
            table.city_of_station.setdefault(station, city)
    check_unique_hours(table, source)
    return table


def read_long(path: Path) -> HourlyTable:
    """A long-format CSV: station, time, pollutant, value, unit (one value per row)."""
    source = str(path)
    cells: dict[tuple[str, datetime], list[float | None]] = {}
    index = {p: i for i, p in enumerate(POLLUTANTS)}
    for line, row in _rows(path, LONG_COLUMNS):
        station = row["station"].strip()
        if not station:
            raise AirDataError("empty station", file=source, row=line, field="station")
        moment = _parse_time(row["time"], file=source, row=line, field="time")
        pollutant = pollutant_code(row["pollutant"], file=source, row=line, field="pollutant")
        factor = conversion_factor(pollutant, row["unit"], file=source, row=line, field="unit")
        value = parse_value(row["value"], pollutant, factor, file=source, row=line, field="value")
        slots = cells.setdefault((station, moment), [None] * len(POLLUTANTS))
        if slots[index[pollutant]] is not None:
            raise AirDataError(
                f"second {pollutant} value for {station} at {moment}",
                file=source, row=line, field="value",
            )
        slots[index[pollutant]] = value
    table = HourlyTable()
    for (station, moment), values in sorted(cells.items()):
        table.append(station, moment.date(), moment.hour, values)
    return table


READERS: dict[str, Callable[[Path], HourlyTable]] = {
    "prsa": read_prsa,
    "cnemc": read_cnemc,
    "long": read_long,
}


def read_files(
    fmt: str, paths: list[Path], on_file: Callable[[Path], None] | None = None
) -> HourlyTable:
    """Read CSV files of one format into one table (Parquet is read by the engines).

    `on_file` is called after each file (a progress bar in the command; the core stays
    free of any UI library)."""
    try:
        reader = READERS[fmt]
    except KeyError:
        known = ", ".join(READERS)
        raise AirDataError(f"no CSV reader for format {fmt!r}; known: {known}") from None
    table = HourlyTable()
    for path in paths:
        table.extend(reader(path))
        if on_file is not None:
            on_file(path)
    if len(paths) > 1:
        check_unique_hours(table, ", ".join(str(p) for p in paths))
    return table


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
