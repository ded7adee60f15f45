from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ecotrack.core.air import reference
from ecotrack.core.air.duckdb_engine import evaluate_duckdb
from ecotrack.core.air.hourly import HourlyTable, write_parquet
from ecotrack.core.air.readers import read_files
from ecotrack.core.air.standards import POLLUTANTS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "air"
SHARED_BEIJING = Path("/work/shared/data/beijing-prsa")


def hourly(
    rows: dict[tuple[str, date], dict[str, dict[int, float]]], *, all_rows: bool = True
) -> HourlyTable:
    """A table from {(station, day): {pollutant: {hour: value}}}; absent hours are missing.

    With all_rows=False an hour without any value has no row at all (as in sparse files).
    """
    table = HourlyTable()
    for (station, day), by_pollutant in rows.items():
        for hour in range(24):
            values = [by_pollutant.get(p, {}).get(hour) for p in POLLUTANTS]
            if all_rows or any(v is not None for v in values):
                table.append(station, day, hour, values)
    return table


@pytest.fixture(scope="module")
def excerpt() -> HourlyTable:
    """The real Beijing excerpt: 3 stations, January–April 2015 (tests/fixtures/air)."""
    return read_files("prsa", sorted(FIXTURES.glob("PRSA_Data_*.csv.gz")))


@pytest.fixture(scope="module")
def excerpt_parquet(excerpt: HourlyTable, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_parquet(excerpt, tmp_path_factory.mktemp("air") / "excerpt.parquet")


@pytest.fixture
def both_engines(tmp_path: Path) -> Callable[..., dict[str, Any]]:
    """Run the pure-Python reference and DuckDB (station days by SQL and by the compiled
    kernel) on the same table; return every result."""

    def run(table: HourlyTable, year: int, choice: str = "auto",
            dust: frozenset[date] = frozenset()) -> dict[str, Any]:
        stations = sorted(set(table.station))
        path = write_parquet(table, tmp_path / f"h-{len(list(tmp_path.iterdir()))}.parquet")
        return {
            "python": reference.evaluate(table, stations, year, choice, dust),
            "duckdb": evaluate_duckdb([path], stations, year, choice, dust, station_days="sql"),
            "compiled": evaluate_duckdb([path], stations, year, choice, dust,
                                        station_days="compiled"),
        }

    return run


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local SparkSession for the whole test session (2 cores, few shuffle partitions)."""
    pytest.importorskip("pyspark")
    from ecotrack.core.air.spark_engine import spark_session

    session = spark_session("local[2]", "ecotrack-air-tests")
    session.conf.set("spark.sql.shuffle.partitions", "2")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
