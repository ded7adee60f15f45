"""One year (2015) of Beijing's 12 PRSA stations: DuckDB engine vs pandas vs pure Python.

Run: .venv/bin/pytest benchmarks/bench_air.py --benchmark-columns=median,min,max,rounds
Reads ../shared/data/beijing-prsa in place; skipped when it is absent. Two groups:
- from-csv: the 12 .csv.gz files to the annual result (what `air-evaluate` does);
- from-parquet: the normalized Parquet of the year to the annual result (engine only).
Each run also checks that the three give the same good days, categories and PM2.5 mean.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from air_pandas import evaluate_parquet_pandas, evaluate_prsa_pandas

from ecotrack.core.air import reference
from ecotrack.core.air.annual import summary
from ecotrack.core.air.duckdb_engine import evaluate_duckdb
from ecotrack.core.air.hourly import read_parquet, write_parquet
from ecotrack.core.air.readers import read_files

BEIJING = Path(__file__).resolve().parents[2] / "shared" / "data" / "beijing-prsa"
if not BEIJING.is_dir():
    BEIJING = Path("/work/shared/data/beijing-prsa")
YEAR = 2015
ROUNDS = 3

pytestmark = pytest.mark.skipif(not BEIJING.is_dir(), reason="needs shared/data/beijing-prsa")


@pytest.fixture(scope="module")
def files() -> list[Path]:
    return sorted(BEIJING.glob("PRSA_Data_*.csv.gz"))


@pytest.fixture(scope="module")
def year_parquet(files, tmp_path_factory) -> Path:
    table = read_files("prsa", files).only_year(YEAR)
    return write_parquet(table, tmp_path_factory.mktemp("air") / "beijing-2015.parquet")


def _key(result: dict[str, Any]) -> tuple[Any, ...]:
    return (result["valid_days"], result["good_days"], result["heavy_days"],
            result["days_by_category"], round(result["pm25_mean"]))


def _engine_key(aggregates: Any) -> tuple[Any, ...]:
    s = summary(aggregates, YEAR)
    return (s["valid_days"], s["good_days"], s["heavy_days"], s["days_by_category"],
            s["annual"]["PM2.5"])


def _duckdb_from_csv(files: list[Path], tmp: Path) -> Any:
    table = read_files("prsa", files).only_year(YEAR)
    path = write_parquet(table, tmp / "h.parquet")
    return evaluate_duckdb([path], sorted(set(table.station)), YEAR)[1]


def _python_from_csv(files: list[Path]) -> Any:
    table = read_files("prsa", files).only_year(YEAR)
    return reference.evaluate(table, sorted(set(table.station)), YEAR)[1]


@pytest.mark.benchmark(group="air-year-from-csv")
def test_csv_duckdb(benchmark, files, tmp_path):
    agg = benchmark.pedantic(_duckdb_from_csv, args=(files, tmp_path), rounds=ROUNDS)
    assert _engine_key(agg) == _key(evaluate_prsa_pandas(files, YEAR))


@pytest.mark.benchmark(group="air-year-from-csv")
def test_csv_pandas(benchmark, files):
    result = benchmark.pedantic(evaluate_prsa_pandas, args=(files, YEAR), rounds=ROUNDS)
    assert result["valid_days"] > 350


@pytest.mark.benchmark(group="air-year-from-csv")
def test_csv_pure_python(benchmark, files):
    agg = benchmark.pedantic(_python_from_csv, args=(files,), rounds=ROUNDS)
    assert _engine_key(agg) == _key(evaluate_prsa_pandas(files, YEAR))


@pytest.mark.benchmark(group="air-year-from-parquet")
def test_parquet_duckdb(benchmark, year_parquet):
    stations = sorted(set(read_parquet([year_parquet]).station))
    agg = benchmark.pedantic(
        lambda: evaluate_duckdb([year_parquet], stations, YEAR)[1], rounds=ROUNDS
    )
    assert _engine_key(agg) == _key(evaluate_parquet_pandas(year_parquet, YEAR))


@pytest.mark.benchmark(group="air-year-from-parquet")
def test_parquet_pandas(benchmark, year_parquet):
    result = benchmark.pedantic(evaluate_parquet_pandas, args=(year_parquet, YEAR),
                                rounds=ROUNDS)
    assert result["valid_days"] > 350


@pytest.mark.benchmark(group="air-year-from-parquet")
def test_parquet_pure_python(benchmark, year_parquet):
    def run() -> Any:
        table = read_parquet([year_parquet])
        return reference.evaluate(table, sorted(set(table.station)), YEAR)[1]

    agg = benchmark.pedantic(run, rounds=ROUNDS)
    assert _engine_key(agg) == _key(evaluate_parquet_pandas(year_parquet, YEAR))
