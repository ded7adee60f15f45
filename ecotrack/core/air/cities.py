"""Every city of a data set at once: evaluated, ranked, written (`air-evaluate --all-cities`).

Each city's result is exactly the single-city evaluation (`evaluate.evaluate_files`) of its
stations on the same input; DuckDB evaluates all of them in one pass.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq

from . import reference
from .annual import AnnualAggregates, standard_label
from .daily import DailyCity
from .errors import AirError
from .evaluate import (
    Evaluation,
    check_choices,
    daily_records,
    make_evaluation,
    missing_hours,
    prepare_input,
)
from .flags import FlagReport
from .hourly import read_parquet
from .rounding import gbt8170_round
from .standards import CONCENTRATION_DECIMALS, RATIO_DECIMALS
from .year_edges import EdgeGap, year_edge_gaps

T = TypeVar("T")


@dataclass
class CitiesEvaluation:
    """Every city of a data set, each exactly as `evaluate_files` would evaluate it alone."""

    year: int
    standard: str  # the label, as in each city's result
    engine: str
    cities: dict[str, Evaluation]  # city → its evaluation, in ranking order
    flags: FlagReport
    missing_hours: dict[str, int]  # every evaluated station
    unassigned: list[str]  # stations in the data without a city (not evaluated)
    hour_label: str  # what the input's time labels were taken to name (hour_labels.py)
    # the year's first or last hour, missing at every station (year_edges.py)
    edge_gaps: list[EdgeGap] = field(default_factory=list)


def stations_by_city(present: Collection[str], city_of_station: dict[str, str]
                     ) -> tuple[dict[str, list[str]], list[str]]:
    """City → its stations present in the data, and the stations without a city."""
    if not city_of_station:
        raise AirError(
            "every city at once needs to know each station's city: the CNEMC 'area' column, "
            "or --stations FILE (columns station,city)"
        )
    by_city: dict[str, list[str]] = {}
    for station in sorted(present):
        if station in city_of_station:
            by_city.setdefault(city_of_station[station], []).append(station)
    if not by_city:
        raise AirError(
            f"no station of the data is assigned to a city (stations in the data: "
            f"{', '.join(sorted(present)[:10])}{' …' if len(present) > 10 else ''})"
        )
    return by_city, sorted(s for s in present if s not in city_of_station)


def rank_value(result: Mapping[str, Any]) -> tuple[Any, ...]:
    """The ranking rule on one city's result JSON (`AnnualResult.to_json()`, as printed by
    --json and stored with a run): good-day ratio descending, ties by PM2.5 ascending; a
    missing value ranks last. Callers add their own final tie-breaker (a name)."""
    ratio, pm25 = result.get("good_ratio"), (result.get("annual") or {}).get("PM2.5")
    return (ratio is None, -(ratio or 0), pm25 is None, pm25 or 0)


def shared_ranks(results: Sequence[Mapping[str, Any]]) -> list[int]:
    """Ranks of results already in ranking order: equal ratio and PM2.5 share a rank
    (1, 2, 2, 4)."""
    ranks: list[int] = []
    previous: tuple[Any, ...] | None = None
    for position, result in enumerate(results, start=1):
        key = rank_value(result)
        ranks.append(ranks[-1] if ranks and key == previous else position)
        previous = key
    return ranks


def rank_results(items: Iterable[T], result: Callable[[T], Mapping[str, Any]],
                 name: Callable[[T], str]) -> list[tuple[int, T]]:
    """(rank, item) in ranking order for anything that carries a city's result JSON, e.g.
    stored runs: the same rule as the command's table, ties broken by `name`."""
    ordered = sorted(items, key=lambda item: (*rank_value(result(item)), name(item)))
    return list(zip(shared_ranks([result(item) for item in ordered]), ordered, strict=True))


def rank_key(item: tuple[str, Evaluation]) -> tuple[Any, ...]:
    """Good-day ratio descending, ties by PM2.5 ascending; a missing value ranks last."""
    city, evaluation = item
    return (*rank_value(evaluation.result.to_json()), city)


def evaluate_all_cities(
    fmt: str,
    paths: Sequence[Path],
    *,
    year: int,
    standard: str = "auto",
    dust_days: Collection[date] = (),
    engine: str = "duckdb",
    station_cities: dict[str, str] | None = None,
    workdir: Path | None = None,
    spark_master: str | None = None,
    on_file: Callable[[Path], None] | None = None,
    hour_label: str | None = None,
) -> CitiesEvaluation:
    """Every city of the station metadata (CNEMC `area` or a stations file) that has data.

    DuckDB evaluates all cities in one pass (`evaluate_cities_duckdb`); Spark and the
    Python reference evaluate one city after another (same results, slower). Each city's
    Evaluation equals `evaluate_files(..., city=that city)` on the same input.
    """
    check_choices(fmt, standard, engine, hour_label)
    dust = set(dust_days)
    with tempfile.TemporaryDirectory(prefix="ecotrack-air-") as tmp:
        normalized = Path(workdir or tmp) / f"hourly-{year}.parquet"
        prepared = prepare_input(fmt, paths, year, engine, station_cities, normalized, on_file,
                                 hour_label)
        by_city, unassigned = stations_by_city(prepared.present, prepared.cities)
        evaluated = sorted(s for stations in by_city.values() for s in stations)
        gaps = missing_hours(prepared.parquet_paths, evaluated, year)
        edge_gaps = year_edge_gaps(prepared.parquet_paths, evaluated, year,
                                   prepared.hour_label)
        per_city: dict[str, tuple[list[DailyCity], AnnualAggregates, AnnualAggregates]] = {}
        if engine == "duckdb":
            from .duckdb_engine import evaluate_cities_duckdb

            mapping = {s: city for city, stations in by_city.items() for s in stations}
            for city, one in evaluate_cities_duckdb(
                prepared.parquet_paths, mapping, year, standard, dust
            ).items():
                per_city[city] = (one.days, one.all_days, one.excluding_dust)
        elif engine == "spark":
            from .spark_engine import evaluate_spark, spark_session

            session = spark_session(spark_master)
            for city, stations in by_city.items():
                per_city[city] = evaluate_spark(
                    session, prepared.parquet_paths, stations, year, standard, dust
                )
        else:
            source = (prepared.table if prepared.table is not None
                      else read_parquet(prepared.parquet_paths))
            for city, stations in by_city.items():
                per_city[city] = reference.evaluate(source, stations, year, standard, dust)
    evaluations = {
        city: make_evaluation(year, standard, city, by_city[city], engine, *per_city[city],
                          prepared.flags, gaps, prepared.hour_label, edge_gaps)
        for city in by_city
    }
    ranked = dict(sorted(evaluations.items(), key=rank_key))
    return CitiesEvaluation(
        year=year, standard=standard_label(standard, year), engine=engine, cities=ranked,
        flags=prepared.flags, missing_hours=gaps, unassigned=unassigned,
        hour_label=prepared.hour_label, edge_gaps=edge_gaps,
    )


# Columns of the ranked table (text output and cities.csv): header → value of a city's JSON.
CITY_TABLE_COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("city", lambda r: r["city"]),
    ("stations", lambda r: len(r["stations"])),
    ("valid_days", lambda r: r["valid_days"]),
    ("good_days", lambda r: r["good_days"]),
    ("good_ratio", lambda r: r["good_ratio"]),
    ("heavy_days", lambda r: r["heavy_days"]),
    ("PM2.5", lambda r: r["annual"]["PM2.5"]),
    ("PM10", lambda r: r["annual"]["PM10"]),
    ("O3_8h_p90", lambda r: r["annual"]["O3_8h_p90"]),
    ("CO_p95", lambda r: r["annual"]["CO_p95"]),
    ("valid", lambda r: "yes" if r["valid"] else "no"),
)


def city_ranking(cities: CitiesEvaluation) -> list[dict[str, Any]]:
    """One row per city in ranking order; equal ratio and PM2.5 share a rank (1, 2, 2, 4)."""
    results = [evaluation.result.to_json() for evaluation in cities.cities.values()]
    return [{"rank": rank, **{name: get(r) for name, get in CITY_TABLE_COLUMNS},
             "station_names": " ".join(r["stations"])}
            for rank, r in zip(shared_ranks(results), results, strict=True)]


AVERAGE_DAYS_DECIMALS = 1  # an average number of days, e.g. 298.3


def _mean(values: Sequence[float], decimals: int) -> float | int | None:
    if not values:
        return None
    mean = gbt8170_round(sum(values) / len(values), decimals)
    return int(mean) if decimals == 0 else mean


def _average_block(aggregates: Sequence[AnnualAggregates]) -> dict[str, Any]:
    counted = [a for a in aggregates if a.valid_days]
    pm25 = [mean for a in aggregates if (mean := a.means.get("pm25")) is not None]
    return {
        "cities": len(counted),
        "good_days": _mean([a.good_days for a in counted], AVERAGE_DAYS_DECIMALS),
        "good_ratio": _mean([100 * a.good_days / a.valid_days for a in counted],
                            RATIO_DECIMALS),
        "PM2.5": _mean(pm25, CONCENTRATION_DECIMALS["pm25"]),
    }


def average_of_cities(cities: CitiesEvaluation) -> dict[str, Any]:
    """Simple arithmetic means over the evaluated cities (or districts, banners…).

    Plans define some indicators of several areas this way: Tongliao's 十四五 plan (专栏 1,
    notes 1–2) takes the central city's good days as the average of its areas' annual good
    days, and PM2.5 as the simple arithmetic mean of the areas' annual means, on data
    without dust days. Means of the unrounded per-city values, rounded once (GB/T 8170);
    a city without valid days does not count. `valid_cities`: cities whose every annual
    statistic meets GB 3095 Table 4 (the means include the others too).
    """
    evaluations = list(cities.cities.values())
    return {
        **_average_block([e.result.all_days for e in evaluations]),
        "valid_cities": sum(1 for e in evaluations if e.result.to_json()["valid"]),
        "excluding_dust": _average_block([e.result.excluding_dust for e in evaluations]),
    }


def cities_json(cities: CitiesEvaluation) -> dict[str, Any]:
    """{year, standard, engine, cities: [each city's JSON], flagged, missing_hours}.

    The file-wide flag report and the missing hours are given once, at the top, rather
    than repeated in each city (where the single-city JSON has them).
    """
    per_city = []
    for evaluation in cities.cities.values():
        r = evaluation.result.to_json()
        r.pop("flagged", None)
        r.pop("missing_hours", None)
        r.pop("input_notes", None)
        r.pop("year_edge_gaps", None)
        per_city.append(r)
    return {
        "year": cities.year, "standard": cities.standard, "engine": cities.engine,
        "hour_label": cities.hour_label, "cities": per_city,
        "average": average_of_cities(cities),
        "input_notes": cities.flags.notes_json(), "flagged": cities.flags.to_json(),
        "missing_hours": cities.missing_hours,
        "year_edge_gaps": [g.to_json() for g in cities.edge_gaps],
        "unassigned_stations": cities.unassigned,
    }


def write_cities_outputs(out_dir: Path, cities: CitiesEvaluation) -> list[Path]:
    """air-<year>-cities.csv (the ranked table), the daily table of every city with a
    `city` column (-cities-daily.csv and .parquet) and the JSON (-cities.json)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"air-{cities.year}-cities"
    table_path = out_dir / f"{stem}.csv"
    rows = city_ranking(cities)
    with open(table_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["rank"])
        writer.writeheader()
        writer.writerows(rows)
    records = [{"city": city, **record} for city, evaluation in cities.cities.items()
               for record in daily_records(evaluation.days)]
    daily_csv = out_dir / f"{stem}-daily.csv"
    with open(daily_csv, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]) if records else ["city"])
        writer.writeheader()
        writer.writerows(records)
    daily_parquet = out_dir / f"{stem}-daily.parquet"
    pq.write_table(pa.Table.from_pylist(records), daily_parquet)
    json_path = out_dir / f"{stem}.json"
    json_path.write_text(json.dumps(cities_json(cities), ensure_ascii=False, indent=2),
                         encoding="utf-8")
    return [table_path, daily_csv, daily_parquet, json_path]
