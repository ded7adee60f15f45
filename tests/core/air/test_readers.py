"""Readers: real excerpt files, unit conversion, and errors that name file, row and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ecotrack.core.air.csv_duckdb import ingest_long
from ecotrack.core.air.errors import AirDataError
from ecotrack.core.air.hourly import read_parquet, write_parquet
from ecotrack.core.air.readers import (
    read_cnemc,
    read_dust_days,
    read_files,
    read_long,
    read_prsa,
    read_stations,
)

from .conftest import FIXTURES

DONGSI = FIXTURES / "PRSA_Data_Dongsi_2015-01_2015-04.csv.gz"
CNEMC_HEADER = (
    "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,"
    "pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h"
)


def test_prsa_excerpt_and_co_conversion():
    table = read_prsa(DONGSI)
    assert len(table) == 120 * 24  # Jan–Apr 2015, hourly
    assert table.station[0] == "Dongsi" and table.date[0] == date(2015, 1, 1)
    # Line 2 of the file (2015-01-01 00h): PM2.5 3, CO 600 µg/m³ → 0.6 mg/m³.
    assert table.values["pm25"][0] == 3.0
    assert table.values["co"][0] == pytest.approx(0.6)


def test_parquet_round_trip(tmp_path):
    table = read_prsa(DONGSI)
    back = read_parquet([write_parquet(table, tmp_path / "h.parquet")])
    assert back.values == table.values and back.date == table.date


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_cnemc_hourly_file(tmp_path):
    path = _write(tmp_path / "china_sites_2025010108.csv", CNEMC_HEADER + "\n"
                  "2025-01-01 08:00:00,1001A,116.4,39.9,北京,东四,PM2.5,80,90,88,58,55,"
                  "20,30,25,40,50,45,5,6,0.9,0.8\n")
    table = read_cnemc(path)
    assert table.city_of_station == {"1001A": "北京"}
    # CNEMC labels an hour by its end: 08:00 is 07:00–08:00, slot 7.
    assert (table.date[0], table.hour[0]) == (date(2025, 1, 1), 7)
    assert read_cnemc(path, "start").hour == [8]
    assert table.values["pm25"] == [58.0] and table.values["co"] == [0.9]
    assert table.values["o3"] == [20.0]  # the 1-h value, not o3_8h


def test_long_format_converts_units(tmp_path):
    path = _write(tmp_path / "long.csv", "station,time,pollutant,value,unit\n"
                  "S1,2025-01-01 08:00,PM2.5,58,µg/m³\n"
                  "S1,2025-01-01 08:00,CO,900,ug/m3\n"
                  "S1,2025-01-01 08:00,SO2,0.005,mg/m3\n")
    for table in (read_long(path),
                  read_parquet([ingest_long([path], tmp_path / "l.parquet").parquet])):
        assert table.values["pm25"] == [58.0]
        assert table.values["co"] == [pytest.approx(0.9)]
        assert table.values["so2"] == [pytest.approx(5.0)]


def test_long_format_missing_column_stops_with_file_row_field(tmp_path):
    path = _write(tmp_path / "bad.csv",
                  "station,time,pollutant,value\nS1,2025-01-01 08:00,PM2.5,58\n")
    for read in (lambda: read_long(path), lambda: ingest_long([path], tmp_path / "l.parquet")):
        with pytest.raises(AirDataError, match="missing column") as caught:
            read()
        assert (caught.value.file, caught.value.row, caught.value.field) == (str(path), 1, "unit")
        assert str(path) in str(caught.value) and "row 1" in str(caught.value)


HEAD = "station,time,pollutant,value,unit\n"


@pytest.mark.parametrize(
    ("text", "kind", "row", "field", "value"),
    [
        (HEAD + "S1,2025-01-01 08:00,PM2.5,5x8,µg/m³\n", "unparseable_number", 2, "value", "5x8"),
        (HEAD + "S1,2025-01-01 08:00,PM1,5,µg/m³\n", "unknown_pollutant", 2, "pollutant", "PM1"),
        (HEAD + "S1,2025-01-01 08:00,PM10,5,ppb\n", "unknown_unit", 2, "unit", "ppb"),
        # CO in µg/m³ labelled mg/m³: 300 mg/m³ is implausible.
        (HEAD + "S1,2025-01-01 08:00,PM10,5,µg/m³\nS1,2025-01-01 09:00,CO,300,mg/m³\n",
         "implausible", 3, "value", "300"),
        (HEAD + "S1,2025-01-01 08:30,PM10,5,µg/m³\n", "unparseable_time", 2, "time",
         "2025-01-01 08:30"),
        (HEAD + "S1,2025-01-01 08:00,PM10,5,µg/m³\nS1,2025-01-01 08:00,PM10,6,µg/m³\n",
         "duplicate_hour", 2, "value", "5"),
        (HEAD + "S1,2025-01-01 08:00,PM10,-5,µg/m³\n", "negative", 2, "value", "-5"),
    ],
)
def test_long_format_bad_values_are_excluded_and_named(tmp_path, text, kind, row, field, value):
    path = _write(tmp_path / "bad.csv", text)
    ingested = ingest_long([path], tmp_path / "long.parquet")
    # The Python reader and the DuckDB ingest: the same report and the same values kept.
    for table, report in ((read_long(path), None),
                          (read_parquet([ingested.parquet]), ingested.flags.to_json())):
        report = report if report is not None else table.flags.to_json()
        assert list(report) == [kind]
        assert report[kind]["examples"][0] == {"file": str(path), "row": row, "field": field,
                                               "value": value}
        # Nothing flagged reaches the table (both copies of a duplicated value are left out).
        kept = [v for vs in table.values.values() for v in vs if v is not None]
        assert kept == ([5.0] if kind == "implausible" else [])


def test_long_format_counts_value_flags_under_the_pollutant(tmp_path):
    path = _write(tmp_path / "uneven.csv", HEAD + "".join(
        f"S1,2025-01-01 {h:02d}:00,{name},-1,µg/m³\n"
        for h, name in enumerate(["PM2.5", "pm25", "PM2_5", "SO2"])))
    ingested = ingest_long([path], tmp_path / "long.parquet")
    for report in (read_long(path).flags.to_json(), ingested.flags.to_json()):
        assert report["negative"]["count"] == 4
        assert report["negative"]["by_field"] == {"PM2.5": 3, "SO2": 1}
        # The examples name the column the text is in.
        assert {e["field"] for e in report["negative"]["examples"]} == {"value"}
    assert read_long(path).flags.to_json() == ingested.flags.to_json()


def test_long_format_hours_may_span_files(tmp_path):
    a = _write(tmp_path / "a.csv", HEAD + "S1,2025-01-01 08:00,PM10,5,µg/m³\n")
    b = _write(tmp_path / "b.csv", HEAD + "S1,2025-01-01 08:00,SO2,7,µg/m³\n")
    ingested = ingest_long([a, b], tmp_path / "l.parquet")
    assert not ingested.flags.kinds
    for table in (read_files("long", [a, b]), read_parquet([ingested.parquet])):
        assert len(table) == 1 and not table.flags.kinds
        assert (table.values["pm10"], table.values["so2"]) == ([5.0], [7.0])


def test_prsa_missing_column(tmp_path):
    path = _write(tmp_path / "p.csv", "No,year,month,day,hour,PM2.5,PM10,SO2,NO2,O3,station\n")
    with pytest.raises(AirDataError, match="missing column") as caught:
        read_prsa(path)
    assert caught.value.field == "CO"


def test_duplicate_hours_across_files_are_all_excluded():
    table = read_files("prsa", [DONGSI, DONGSI])
    assert len(table) == 0  # which copy is right cannot be known: neither is used
    report = table.flags.kinds["duplicate_hour"]
    assert report.count == 2 * 120 * 24
    assert [(e.row, e.value) for e in report.examples[:2]] == [
        (2, "Dongsi 2015-01-01 00h"), (2, "Dongsi 2015-01-01 00h")]


def test_station_metadata_and_dust_days(tmp_path):
    stations = _write(tmp_path / "s.csv", "station,city,name\nDongsi,北京,东四\nX,天津,\n")
    assert read_stations(stations) == {"Dongsi": "北京", "X": "天津"}
    clash = _write(tmp_path / "c.csv", "station,city\nA,北京\nA,天津\n")
    with pytest.raises(AirDataError, match="both") as caught:
        read_stations(clash)
    assert caught.value.row == 3
    dust = _write(tmp_path / "d.txt", "date\n2015-04-15\n# comment\n2015-04-16\n")
    assert read_dust_days(dust) == {date(2015, 4, 15), date(2015, 4, 16)}
    with pytest.raises(AirDataError, match="not a date"):
        read_dust_days(_write(tmp_path / "e.txt", "2015-13-01\n"))
