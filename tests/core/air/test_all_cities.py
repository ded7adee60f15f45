"""Every city at once: each city's result equals its single-city evaluation; the ranking."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ecotrack.core.air.cities import (
    CitiesEvaluation,
    city_ranking,
    evaluate_all_cities,
    rank_key,
)
from ecotrack.core.air.errors import AirError
from ecotrack.core.air.evaluate import Evaluation, evaluate_files
from ecotrack.core.air.readers import read_stations

from .conftest import FIXTURES, SHARED_BEIJING
from .test_engines import DUST, assert_same

EXCERPT = sorted(FIXTURES.glob("PRSA_Data_*.csv.gz"))
DISTRICTS = FIXTURES / "beijing-stations-districts.csv"


def test_district_file_covers_the_twelve_prsa_stations_with_real_codes():
    import csv

    rows = list(csv.DictReader(DISTRICTS.open(encoding="utf-8")))
    assert len(rows) == 12
    assert {r["station"] for r in rows} == {
        "Aotizhongxin", "Changping", "Dingling", "Dongsi", "Guanyuan", "Gucheng", "Huairou",
        "Nongzhanguan", "Shunyi", "Tiantan", "Wanliu", "Wanshouxigong"}
    code_of = {r["city"]: r["code"] for r in rows}
    assert code_of == {"东城区": "110101", "西城区": "110102", "朝阳区": "110105",
                       "石景山区": "110107", "海淀区": "110108", "顺义区": "110113",
                       "昌平区": "110114", "怀柔区": "110116"}


@pytest.mark.parametrize("engine", ["duckdb", "python"])
def test_each_city_equals_its_single_city_evaluation(engine):
    stations = read_stations(DISTRICTS)
    cities = evaluate_all_cities("prsa", EXCERPT, year=2015, engine=engine, dust_days=DUST,
                                 station_cities=stations)
    # The excerpt holds Dongsi, Tiantan (东城区) and Guanyuan (西城区).
    assert sorted(cities.cities) == ["东城区", "西城区"]
    assert cities.cities["东城区"].result.stations == ["Dongsi", "Tiantan"]
    for city, evaluation in cities.cities.items():
        alone = evaluate_files("prsa", EXCERPT, year=2015, engine=engine, dust_days=DUST,
                               station_cities=stations, city=city)
        assert evaluation.result.to_json() == alone.result.to_json()
        assert evaluation.days == alone.days
    assert cities.unassigned == []
    assert set(cities.missing_hours) == {"Dongsi", "Tiantan", "Guanyuan"}


def test_python_and_duckdb_agree_city_by_city():
    stations = read_stations(DISTRICTS)
    by_engine = {e: evaluate_all_cities("prsa", EXCERPT, year=2015, engine=e, dust_days=DUST,
                                        station_cities=stations) for e in ("duckdb", "python")}
    for city, py in by_engine["python"].cities.items():
        duck = by_engine["duckdb"].cities[city]
        assert_same((py.days, py.result.all_days, py.result.excluding_dust),
                    (duck.days, duck.result.all_days, duck.result.excluding_dust))


def test_ranking_by_good_ratio_then_pm25_ties_share_a_rank():
    one = evaluate_all_cities("prsa", EXCERPT, year=2015,
                              station_cities={"Dongsi": "A", "Guanyuan": "B", "Tiantan": "C"})
    rows = city_ranking(one)
    ratios = [r["good_ratio"] for r in rows]
    assert ratios == sorted(ratios, reverse=True) and [r["rank"] for r in rows] == [1, 2, 3]
    # Two cities with the same data tie on ratio and PM2.5: same rank, then by name.
    a = one.cities["A"]
    twin = Evaluation(replace(a.result, city="Z"), a.days, a.flags)
    better_pm = Evaluation(replace(a.result, city="Y"), a.days, a.flags)
    better_pm.result.all_days = replace(a.result.all_days,
                                        means={**a.result.all_days.means, "pm25": 1.0})
    items = sorted({"A": a, "Z": twin, "Y": better_pm}.items(), key=rank_key)
    assert [c for c, _e in items] == ["Y", "A", "Z"]
    tied = CitiesEvaluation(2015, "x", "duckdb", dict(items), a.flags, {}, [], "start")
    assert [(r["city"], r["rank"]) for r in city_ranking(tied)] == [("Y", 1), ("A", 2),
                                                                     ("Z", 2)]


def test_stations_without_a_city_are_reported_not_evaluated():
    cities = evaluate_all_cities("prsa", EXCERPT, year=2015,
                                 station_cities={"Dongsi": "东城区", "Guanyuan": "西城区"})
    assert sorted(cities.cities) == ["东城区", "西城区"] and cities.unassigned == ["Tiantan"]


def test_without_station_metadata_every_city_cannot_be_known():
    with pytest.raises(AirError, match=r"CNEMC 'area' column, or --stations"):
        evaluate_all_cities("prsa", EXCERPT, year=2015)


@pytest.mark.spark
def test_spark_loops_over_cities_with_the_duckdb_results(spark):
    stations = read_stations(DISTRICTS)
    duck = evaluate_all_cities("prsa", EXCERPT, year=2015, station_cities=stations,
                               dust_days=DUST)
    on_spark = evaluate_all_cities("prsa", EXCERPT, year=2015, station_cities=stations,
                                   dust_days=DUST, engine="spark")
    assert list(on_spark.cities) == list(duck.cities)
    for city, got in on_spark.cities.items():
        want = duck.cities[city]
        assert_same((want.days, want.result.all_days, want.result.excluding_dust),
                    (got.days, got.result.all_days, got.result.excluding_dust))


@pytest.mark.skipif(not SHARED_BEIJING.exists(), reason="needs ../shared/data/beijing-prsa")
def test_beijing_2015_districts_in_one_pass_equal_each_district_alone(tmp_path: Path):
    paths = sorted(SHARED_BEIJING.glob("PRSA_Data_*.csv.gz"))
    stations = read_stations(DISTRICTS)
    cities = evaluate_all_cities("prsa", paths, year=2015, station_cities=stations,
                                 workdir=tmp_path)
    assert len(cities.cities) == 8
    normalized = [tmp_path / "hourly-2015.parquet"]
    for city, evaluation in cities.cities.items():
        alone = evaluate_files("parquet", normalized, year=2015, station_cities=stations,
                               city=city)
        got, want = evaluation.result.to_json(), alone.result.to_json()
        got.pop("flagged"), want.pop("flagged")  # CSV ingest vs Parquet check: files differ
        assert got == want and evaluation.days == alone.days
    rows = city_ranking(cities)
    assert [r["city"] for r in rows][:1] == ["昌平区"] and rows[-1]["city"] == "石景山区"
    # Invalid cities are shown and marked, not dropped.
    assert {r["city"]: r["valid"] for r in rows}["海淀区"] == "no"
