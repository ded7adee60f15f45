"""The compiled station-day kernel computes exactly the SQL's station_day relation.

Exactly, not approximately: every row and column of `sql.station_day_sql` run by DuckDB on
one thread (which adds the hours in arrival order, as the kernel does) on the real Beijing
excerpt, sorted and shuffled, and on the layouts and edge cases other sources produce.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ecotrack.core.air import reference, station_day_kernel
from ecotrack.core.air.duckdb_engine import (
    COMPILED_FROM_ROWS_COLD,
    COMPILED_FROM_ROWS_STARTED,
    compiled_pays,
    evaluate_cities_duckdb,
    evaluate_duckdb,
)
from ecotrack.core.air.errors import AirDataError
from ecotrack.core.air.hourly import SCHEMA
from ecotrack.core.air.sql import DUCKDB, station_day_sql
from ecotrack.core.air.standards import POLLUTANTS

from .test_engines import DUST, assert_same


def _sql_station_days(paths: list[Path], stations: list[str], cities: list[str], year: int):
    con = duckdb.connect()
    con.execute("SET threads TO 1")  # rows added in file order, as the kernel adds them
    con.read_parquet([str(p) for p in paths]).create_view("hourly_source")
    con.register("city_stations", pa.table({
        "station": pa.array(stations, pa.string()), "city": pa.array(cities, pa.string()),
        "sid": pa.array(range(len(stations)), pa.int32()),
    }))
    return con, con.sql(station_day_sql(year, DUCKDB)).to_arrow_table()


def _assert_identical(paths, stations, cities, year, **kernel_options):
    con, expected = _sql_station_days(paths, stations, cities, year)
    got = station_day_kernel.station_day_table(paths, stations, cities, year, **kernel_options)
    assert got.schema.names == expected.schema.names
    con.register("expected", expected)
    con.register("got", got)
    assert con.execute("DESCRIBE got").fetchall() == con.execute("DESCRIBE expected").fetchall()
    # EXCEPT ALL both ways: equal as multisets of rows, NULLs equal, floats bit for bit.
    for a, b in (("expected", "got"), ("got", "expected")):
        query = f"SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b} LIMIT 3"  # noqa: S608
        extra = con.execute(query).fetchall()
        assert extra == [], (a, b, extra)
    assert got.num_rows == expected.num_rows
    return got


def test_equals_sql_on_the_beijing_excerpt(excerpt, excerpt_parquet):
    stations = sorted(set(excerpt.station))
    got = _assert_identical([excerpt_parquet], stations, ["Beijing"] * len(stations), 2015)
    assert got.num_rows > 100 * len(stations)  # the excerpt holds four months
    assert got.column("o3_8h").null_count < got.num_rows  # real values, not all missing


def test_equals_sql_on_shuffled_rows_in_many_row_groups(excerpt_parquet, tmp_path):
    table = pq.read_table(excerpt_parquet)
    order = list(range(table.num_rows))
    random.Random(7).shuffle(order)
    path = tmp_path / "shuffled.parquet"
    pq.write_table(table.take(order), path, row_group_size=5_000)
    stations = sorted(set(table.column("station").to_pylist()))
    cities = ["east" if s < "H" else "west" for s in stations]
    _assert_identical([path], stations, cities, 2015, threads=2)


def _rows(rows: list[tuple[str | None, str | None, int | None, float | None]],
          schema: pa.Schema = SCHEMA) -> pa.Table:
    """(station, date, hour, value) rows; the value goes to every pollutant."""
    columns = {
        "station": [r[0] for r in rows],
        "date": [None if r[1] is None else dt.date.fromisoformat(r[1]) for r in rows],
        "hour": [r[2] for r in rows],
        **{p: [r[3] for r in rows] for p in POLLUTANTS},
    }
    fields = [pa.field(f.name, f.type) for f in schema]  # nullable: edge cases hold nulls
    return pa.table(columns, schema=pa.schema(fields))


def _day(station: str, day: str, values: dict[int, float | None]):
    return [(station, day, h, v) for h, v in values.items()]


def test_equals_sql_on_edge_cases(tmp_path):
    rows = [
        *_day("S1", "2016-02-29", {h: 10.0 + h for h in range(24)}),  # leap day
        *_day("S1", "2016-12-31", {h: 0.1 * h for h in range(24)}),  # day 366
        *_day("S1", "2015-12-31", {h: 5.0 for h in range(24)}),  # another year
        *_day("S2", "2016-03-01", {h: (None if h % 5 == 0 else 200.0) for h in range(24)}),
        *_day("S2", "2016-03-02", {h: 170.0 for h in range(7, 19)}),  # few windows, > 160
        *_day("S9", "2016-03-01", {h: 1.0 for h in range(24)}),  # a station of no city
        (None, "2016-03-03", 3, 4.0),  # no station
        ("S1", None, 3, 4.0),  # no date
        ("S2", "2016-03-04", None, 4.0),  # no hour: a row in no slot
    ]
    path = tmp_path / "edges.parquet"
    pq.write_table(_rows(rows), path)
    got = _assert_identical([path], ["S1", "S2"], ["a", "b"], 2016)
    assert got.num_rows == 5


def test_a_row_without_date_is_in_no_year_not_even_1970(tmp_path):
    path = tmp_path / "epoch.parquet"
    pq.write_table(_rows([("S1", None, 0, 1.0), ("S1", "1970-01-01", 1, 2.0)]), path)
    got = _assert_identical([path], ["S1"], ["a"], 1970)
    assert got.column("n_rows").to_pylist() == [1]


def test_equals_sql_on_plain_station_and_wider_types(tmp_path):
    rows = [*_day("S1", "2015-05-01", {h: 30.0 + h for h in range(24)}),
            *_day("S2", "2015-05-01", {h: 7.5 for h in range(21)})]
    wide = pa.schema([("station", pa.large_string()), ("date", pa.date32()),
                      ("hour", pa.int32()), *((p, pa.float64()) for p in POLLUTANTS)])
    path = tmp_path / "plain.parquet"
    pq.write_table(_rows(rows, wide), path, use_dictionary=False)
    _assert_identical([path], ["S1", "S2"], ["a", "a"], 2015)


def test_several_files_are_one_input(excerpt_parquet, tmp_path):
    table = pq.read_table(excerpt_parquet)
    half = table.num_rows // 2
    first, second = tmp_path / "1.parquet", tmp_path / "2.parquet"
    pq.write_table(table.slice(0, half), first)
    pq.write_table(table.slice(half), second)
    stations = sorted(set(table.column("station").to_pylist()))
    _assert_identical([first, second], stations, stations, 2015)


def test_an_empty_file_has_no_station_days(tmp_path):
    path = tmp_path / "empty.parquet"
    pq.write_table(SCHEMA.empty_table(), path)
    assert _assert_identical([path], ["S1"], ["a"], 2015).num_rows == 0


def test_nan_is_missing_like_null(tmp_path):
    """The checked inputs hold null, never NaN; the kernel reads a raw NaN as missing too."""
    values = {h: (float("nan") if h < 5 else 50.0) for h in range(24)}
    nan_path, null_path = tmp_path / "nan.parquet", tmp_path / "null.parquet"
    pq.write_table(_rows(_day("S1", "2015-06-01", values)), nan_path)
    nulls = {h: (None if h < 5 else 50.0) for h in range(24)}
    pq.write_table(_rows(_day("S1", "2015-06-01", nulls)), null_path)
    nan_days = station_day_kernel.station_day_table([nan_path], ["S1"], ["a"], 2015)
    null_days = _assert_identical([null_path], ["S1"], ["a"], 2015)
    assert nan_days.equals(null_days)
    assert nan_days.column("pm25").to_pylist() == [None]  # 19 hours: not a valid day


@pytest.mark.parametrize("station_days", ["sql", "compiled"])
def test_duplicate_hours_are_refused_the_same_way(tmp_path, station_days):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    pq.write_table(_rows(_day("S1", "2015-01-02", {h: 1.0 for h in range(24)})), first)
    pq.write_table(_rows([("S1", "2015-01-02", 5, 2.0)]), second)
    with pytest.raises(AirDataError, match=r"S1 at 2015-01-02 hour 5 \(1 station-day"):
        evaluate_duckdb([first, second], ["S1"], 2015, station_days=station_days)


@pytest.mark.parametrize("station_days", ["sql", "compiled"])
def test_hours_outside_the_day_are_refused_the_same_way(tmp_path, station_days):
    path = tmp_path / "a.parquet"
    # (a negative hour stops the SQL in DuckDB's shift; check_parquet flags it before)
    pq.write_table(_rows([("S1", "2015-01-02", 24, 1.0), ("S1", "2015-01-03", 30, 1.0)]), path)
    with pytest.raises(AirDataError, match=r"2 station-day\(s\) have an hour outside 0…23"):
        evaluate_duckdb([path], ["S1"], 2015, station_days=station_days)


def test_negative_hours_are_refused_by_the_kernel(tmp_path):
    path = tmp_path / "a.parquet"
    pq.write_table(_rows([("S1", "2015-01-03", -1, 1.0)]), path)
    with pytest.raises(AirDataError, match=r"1 station-day\(s\) have an hour outside 0…23"):
        evaluate_duckdb([path], ["S1"], 2015, station_days="compiled")


@pytest.mark.parametrize("hour", [1000, 2**40])
def test_a_wide_hour_column_outside_the_day_is_named(tmp_path, hour):
    path = tmp_path / "a.parquet"
    wide = pa.schema([("station", pa.string()), ("date", pa.date32()), ("hour", pa.int64()),
                      *((p, pa.float64()) for p in POLLUTANTS)])
    pq.write_table(_rows([("S1", "2015-01-02", hour, 1.0)], wide), path)
    with pytest.raises(AirDataError, match="outside 0…23") as caught:
        evaluate_duckdb([path], ["S1"], 2015, station_days="compiled")
    assert caught.value.field == "hour" and str(path) in (caught.value.file or "")


def test_whole_evaluation_equals_the_reference(excerpt, excerpt_parquet):
    cities = {"Dongsi": "east", "Tiantan": "east", "Guanyuan": "west"}
    result = evaluate_cities_duckdb([excerpt_parquet], cities, 2015, "auto", DUST,
                                    station_days="compiled")
    for city, stations in (("east", ["Dongsi", "Tiantan"]), ("west", ["Guanyuan"])):
        got = result[city]
        assert_same(reference.evaluate(excerpt, stations, 2015, "auto", DUST),
                    (got.days, got.all_days, got.excluding_dust))


def test_auto_starts_the_kernel_only_where_it_pays():
    assert not compiled_pays(COMPILED_FROM_ROWS_COLD - 1, started=False)
    assert compiled_pays(COMPILED_FROM_ROWS_COLD, started=False)
    assert compiled_pays(COMPILED_FROM_ROWS_STARTED, started=True)
    assert not compiled_pays(COMPILED_FROM_ROWS_STARTED - 1, started=True)


def test_auto_keeps_using_a_started_kernel(excerpt_parquet, monkeypatch):
    from ecotrack.core.air import duckdb_engine

    calls = []
    real = station_day_kernel.station_day_table
    monkeypatch.setattr(station_day_kernel, "station_day_table",
                        lambda *a, **k: calls.append(a) or real(*a, **k))
    rows = pq.read_metadata(excerpt_parquet).num_rows
    monkeypatch.setattr(duckdb_engine, "COMPILED_FROM_ROWS_STARTED", rows)
    monkeypatch.setattr(station_day_kernel, "_started", False)
    evaluate_duckdb([excerpt_parquet], ["Dongsi"], 2015)
    assert calls == []  # cold and small: SQL
    monkeypatch.setattr(station_day_kernel, "_started", True)
    evaluate_duckdb([excerpt_parquet], ["Dongsi"], 2015)
    assert len(calls) == 1


def test_unknown_choice_is_refused(excerpt_parquet):
    with pytest.raises(ValueError, match="station_days must be one of"):
        evaluate_duckdb([excerpt_parquet], ["Dongsi"], 2015, station_days="fast")
