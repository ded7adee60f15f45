"""One entry point: input files → normalized Parquet → the chosen engine → annual result."""

from __future__ import annotations

import calendar
import csv
import json
import tempfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from . import arrow_columns, reference
from .annual import AnnualAggregates, AnnualResult, assemble
from .csv_duckdb import CSV_FORMATS, ingest_csv
from .daily import ALL_DAILY_ITEMS, DailyCity
from .errors import AirError
from .flags import FlagReport
from .hour_labels import DEFAULT_HOUR_LABEL, START, check_hour_label
from .hourly import HourlyTable, read_parquet, write_parquet
from .iaqi import category_of
from .parquet_duckdb import check_parquet
from .readers import FORMATS, read_files
from .standards import DAILY_STATISTICS, POLLUTANTS, STANDARD_CHOICES
from .year_edges import EdgeGap, year_edge_gaps

ENGINES: tuple[str, ...] = ("duckdb", "spark", "python")


@dataclass
class Evaluation:
    result: AnnualResult
    days: list[DailyCity]
    flags: FlagReport = field(default_factory=FlagReport)


def missing_hours(parquet_paths: Sequence[Path], stations: Sequence[str], year: int
                  ) -> dict[str, int]:
    """Per station, the hours of `year` without any usable value (no row, or all missing).

    The input holds one row per station-hour: every reader and the Parquet check leave a
    duplicated station-hour out (and flag it) before this runs, so a plain count is exact.
    COUNT(DISTINCT (date, hour)) cost 3.3 s on the national year against 0.5 s, more than
    the whole evaluation."""
    import duckdb

    hours = 24 * (366 if calendar.isleap(year) else 365)
    con = duckdb.connect()
    try:
        con.register("wanted", arrow_columns.table({
            "station": arrow_columns.strings(list(stations)),
        }))
        any_value = " OR ".join(f"{p} IS NOT NULL" for p in POLLUTANTS)  # fixed names only
        query = (
            "SELECT station, count(*) FILTER (WHERE "  # noqa: S608
            f"{any_value}) FROM read_parquet(?) WHERE year(\"date\") = ? "
            "AND station IN (SELECT station FROM wanted) GROUP BY station"
        )
        present = dict(con.execute(query, [[str(p) for p in parquet_paths], year]).fetchall())
    finally:
        con.close()
    return {s: hours - int(present.get(s, 0)) for s in stations}


def _parquet_stations(paths: Sequence[Path]) -> set[str]:
    stations: set[str] = set()
    for path in paths:
        # ParquetFile.read, not pq.read_table: that goes through pyarrow.dataset, which
        # imports pandas (≈ 1 s of a one-shot run)
        column = pq.ParquetFile(path).read(columns=["station"]).column(0)
        stations.update(column.unique().to_pylist())
    return stations


def _checked_parquet(paths: list[Path], out: Path) -> tuple[list[Path], FlagReport]:
    """The Parquet files to evaluate and what their check flagged.

    Every file is checked, also those carrying the layout key (hourly.LAYOUT_KEY) that
    ecotrack's writers put there. The key does not prove the checks ran: it is part of the
    documented layout and comes with hourly.SCHEMA, so a user's script that follows the
    docs writes it too (as does the benchmark generator). The check is cheap where it
    matters: on the national year (17.5 M rows) 0.8 s at load 1.8 (about 2 s under load)
    against ~4 s for the evaluation, and a clean file is evaluated in place (no copy).
    Files are checked together, so duplicates across files count.
    """
    checked = check_parquet(paths, out)
    return checked.paths, checked.flags


def choose_stations(
    present: Collection[str], city_of_station: dict[str, str], city: str | None
) -> tuple[str | None, list[str]]:
    """The city's stations among those in the data.

    With station metadata (a stations file, or the CNEMC `area` column) the city picks its
    stations; without any, all stations in the data form the one city (e.g. the 12 Beijing
    PRSA files).
    """
    if not city_of_station:
        return city, sorted(present)
    known = sorted({city_of_station[s] for s in present if s in city_of_station})
    if city is None:
        if len(known) != 1:
            raise AirError(f"the data cover several cities; choose one with --city: {known}")
        city = known[0]
    stations = sorted(s for s in present if city_of_station.get(s) == city)
    if not stations:
        raise AirError(f"no station of city {city!r} in the data; cities present: {known}")
    return city, stations


def check_choices(fmt: str, standard: str, engine: str, hour_label: str | None = None) -> None:
    if fmt not in FORMATS:
        raise AirError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if hour_label is not None:
        try:
            check_hour_label(hour_label)
        except ValueError as exc:
            raise AirError(str(exc)) from None
    if hour_label is not None and fmt == "parquet":
        raise AirError("--hour-label applies to CSV input: the Parquet layout stores each "
                       "hour's slot (its start), not a label")
    if standard not in STANDARD_CHOICES:
        raise AirError(f"unknown standard {standard!r}; choose one of {STANDARD_CHOICES}")
    if engine not in ENGINES:
        raise AirError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


@dataclass
class PreparedInput:
    """Checked, normalized input: the Parquet files, the stations and their cities."""

    parquet_paths: list[Path]
    present: set[str]
    cities: dict[str, str]
    table: HourlyTable | None
    flags: FlagReport
    hour_label: str  # what the input's time labels were taken to name (hour_labels.py)


def prepare_input(
    fmt: str,
    paths: Sequence[Path],
    year: int,
    engine: str,
    station_cities: dict[str, str] | None,
    normalized: Path,
    on_file: Callable[[Path], None] | None,
    hour_label: str | None = None,
) -> PreparedInput:
    table: HourlyTable | None = None
    label = START if fmt == "parquet" else hour_label or DEFAULT_HOUR_LABEL[fmt]
    if fmt == "parquet":
        parquet_paths, flags = _checked_parquet(list(paths), normalized)
        present = _parquet_stations(parquet_paths)
        cities = dict(station_cities or {})
    elif fmt in CSV_FORMATS and engine != "python":
        # CSV → Parquet inside DuckDB (checks and flag counts in SQL).
        ingested = ingest_csv(fmt, list(paths), normalized, year=year, hour_label=label)
        for path in paths if on_file is not None else ():
            on_file(path)  # type: ignore[misc]
        parquet_paths, flags = [ingested.parquet], ingested.flags
        present = _parquet_stations(parquet_paths)
        cities = {**ingested.city_of_station, **(station_cities or {})}
    else:
        read = read_files(fmt, list(paths), on_file, label)
        table, flags = read.only_year(year), read.flags
        parquet_paths = [write_parquet(table, normalized)]
        present = set(table.station)
        cities = {**table.city_of_station, **(station_cities or {})}
    return PreparedInput(parquet_paths, present, cities, table, flags, label)


def evaluate_files(
    fmt: str,
    paths: Sequence[Path],
    *,
    year: int,
    city: str | None = None,
    standard: str = "auto",
    dust_days: Collection[date] = (),
    engine: str = "duckdb",
    station_cities: dict[str, str] | None = None,
    workdir: Path | None = None,
    spark_master: str | None = None,
    on_file: Callable[[Path], None] | None = None,
    hour_label: str | None = None,
) -> Evaluation:
    """One city-year. `hour_label` (CSV input): what the time labels name, None for the
    format's own (hour_labels.py)."""
    check_choices(fmt, standard, engine, hour_label)
    with tempfile.TemporaryDirectory(prefix="ecotrack-air-") as tmp:
        normalized = Path(workdir or tmp) / f"hourly-{year}.parquet"
        prepared = prepare_input(fmt, paths, year, engine, station_cities, normalized, on_file,
                                 hour_label)
        parquet_paths, table, flags = prepared.parquet_paths, prepared.table, prepared.flags
        present, cities = prepared.present, prepared.cities
        city, stations = choose_stations(present, cities, city)
        gaps = missing_hours(parquet_paths, stations, year)
        edge_gaps = year_edge_gaps(parquet_paths, stations, year, prepared.hour_label)
        dust = set(dust_days)
        if engine == "duckdb":
            from .duckdb_engine import evaluate_duckdb

            days, all_days, no_dust = evaluate_duckdb(parquet_paths, stations, year, standard, dust)
        elif engine == "spark":
            from .spark_engine import evaluate_spark, spark_session

            session = spark_session(spark_master)
            days, all_days, no_dust = evaluate_spark(
                session, parquet_paths, stations, year, standard, dust
            )
        else:
            source = table if table is not None else read_parquet(parquet_paths)
            days, all_days, no_dust = reference.evaluate(source, stations, year, standard, dust)
    evaluation = make_evaluation(year, standard, city, stations, engine, days, all_days,
                                 no_dust, flags, gaps, prepared.hour_label, edge_gaps)
    if city is not None and not cities:
        # Nothing to check the name against: say so, or a misspelt city passes unnoticed.
        evaluation.result.extra["city_note"] = (
            f"no station metadata (CNEMC area or --stations): the city name {city!r} only "
            f"labels the result; all {len(stations)} stations in the data were used"
        )
    return evaluation


def make_evaluation(
    year: int, standard: str, city: str | None, stations: Sequence[str], engine: str,
    days: list[DailyCity], all_days: AnnualAggregates, no_dust: AnnualAggregates,
    flags: FlagReport, gaps: dict[str, int], hour_label: str,
    edge_gaps: Sequence[EdgeGap] = (),
) -> Evaluation:
    result = assemble(
        year=year, choice=standard, city=city, stations=stations, engine=engine,
        all_days=all_days, excluding_dust=no_dust,
        dust_days=sum(1 for d in days if d.dust),
    )
    result.extra["hour_label"] = hour_label
    result.extra["input_notes"] = flags.notes_json()
    result.extra["flagged"] = flags.to_json()
    result.extra["missing_hours"] = {s: gaps[s] for s in sorted(stations)}
    result.extra["year_edge_gaps"] = [g.to_json() for g in edge_gaps]
    return Evaluation(result, days, flags)


def daily_records(days: Sequence[DailyCity]) -> list[dict[str, Any]]:
    """The daily table as flat records (rounded concentrations, as published)."""
    out = []
    for d in days:
        record: dict[str, Any] = {"date": d.day, "standard": d.standard,
                                  "n_stations": d.n_stations}
        record.update({s: d.concentration[s] for s in DAILY_STATISTICS})
        record.update({f"iaqi_{i}": d.iaqi[i] for i in ALL_DAILY_ITEMS})
        record["aqi"] = d.aqi
        category = None if d.aqi is None else category_of(d.aqi)
        record["category"] = category.name_zh if category else None
        record["category_en"] = category.name_en if category else None
        record["primary_pollutants"] = ",".join(d.primary)
        record["dust"] = d.dust
        out.append(record)
    return out


def write_outputs(out_dir: Path, evaluation: Evaluation) -> list[Path]:
    """daily.parquet, daily.csv and annual.json in `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    records = daily_records(evaluation.days)
    stem = f"air-{evaluation.result.year}"
    parquet_path = out_dir / f"{stem}-daily.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet_path)
    csv_path = out_dir / f"{stem}-daily.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as handle:
        fields = list(records[0]) if records else ["date"]
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(records)
    json_path = out_dir / f"{stem}-annual.json"
    json_path.write_text(
        json.dumps(evaluation.result.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return [parquet_path, csv_path, json_path]
