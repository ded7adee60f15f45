"""DuckDB: several cities in one pass = each city alone by the reference; Parquet checks."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ecotrack.core.air import reference
from ecotrack.core.air.annual import summary
from ecotrack.core.air.duckdb_engine import evaluate_cities_duckdb, evaluate_duckdb
from ecotrack.core.air.errors import AirDataError

from .test_engines import DUST, assert_same


def test_cities_in_one_pass_equal_each_city_alone(excerpt, excerpt_parquet):
    cities = {"Dongsi": "east", "Tiantan": "east", "Guanyuan": "west"}
    result = evaluate_cities_duckdb([excerpt_parquet], cities, 2015, "auto", DUST)
    assert sorted(result) == ["east", "west"]
    for city, stations in (("east", ["Dongsi", "Tiantan"]), ("west", ["Guanyuan"])):
        got = result[city]
        assert_same(reference.evaluate(excerpt, stations, 2015, "auto", DUST),
                    (got.days, got.all_days, got.excluding_dust))


def test_city_without_data_has_empty_aggregates(excerpt_parquet):
    result = evaluate_cities_duckdb([excerpt_parquet], {"Dongsi": "a", "Nowhere": "b"}, 2015)
    assert result["b"].days == [] and result["b"].all_days.valid_days == 0
    assert summary(result["b"].all_days, 2015)["good_ratio"] is None


def test_every_day_dust_leaves_an_empty_excluding_dust(excerpt, excerpt_parquet):
    every_day = frozenset(d for d in excerpt.date)
    _days, all_days, no_dust = evaluate_duckdb([excerpt_parquet], ["Dongsi"], 2015, "auto",
                                               every_day)
    assert all_days.valid_days > 100 and no_dust.valid_days == 0


def _table(rows: list[tuple[str, str, int, float]]) -> pa.Table:
    import datetime as dt

    return pa.table({
        "station": [r[0] for r in rows],
        "date": pa.array([dt.date.fromisoformat(r[1]) for r in rows], pa.date32()),
        "hour": pa.array([r[2] for r in rows], pa.int8()),
        **{p: pa.array([r[3] for r in rows], pa.float64())
           for p in ("so2", "no2", "pm10", "co", "o3", "pm25")},
    })


def test_duplicate_hour_in_parquet_names_station_hour_and_file(tmp_path):
    first = tmp_path / "a.parquet"
    second = tmp_path / "b.parquet"
    pq.write_table(_table([("S1", "2015-01-02", h, 1.0) for h in range(24)]), first)
    pq.write_table(_table([("S1", "2015-01-02", 5, 2.0)]), second)
    with pytest.raises(AirDataError, match=r"S1 at 2015-01-02 hour 5") as caught:
        evaluate_duckdb([first, second], ["S1"], 2015)
    assert "a.parquet" in (caught.value.file or "") and "b.parquet" in (caught.value.file or "")


def test_hour_out_of_range_in_parquet(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(_table([("S1", "2015-01-02", 24, 1.0)]), path)
    with pytest.raises(AirDataError, match="outside 0…23"):
        evaluate_duckdb([path], ["S1"], 2015)


def test_parquet_without_the_layout_columns(tmp_path):
    path = tmp_path / "x.parquet"
    pq.write_table(pa.table({"station": ["S1"]}), path)
    with pytest.raises(AirDataError, match="missing column") as caught:
        evaluate_duckdb([path], ["S1"], 2015)
    assert caught.value.field == "date"
