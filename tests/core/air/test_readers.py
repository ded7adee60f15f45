"""Readers: real excerpt files, unit conversion, and errors that name file, row and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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
    assert (table.date[0], table.hour[0]) == (date(2025, 1, 1), 8)
    assert table.values["pm25"] == [58.0] and table.values["co"] == [0.9]
    assert table.values["o3"] == [20.0]  # the 1-h value, not o3_8h


def test_long_format_converts_units(tmp_path):
    path = _write(tmp_path / "long.csv", "station,time,pollutant,value,unit\n"
                  "S1,2025-01-01 08:00,PM2.5,58,µg/m³\n"
                  "S1,2025-01-01 08:00,CO,900,ug/m3\n"
                  "S1,2025-01-01 08:00,SO2,0.005,mg/m3\n")
    table = read_long(path)
    assert table.values["pm25"] == [58.0]
    assert table.values["co"] == [pytest.approx(0.9)]
    assert table.values["so2"] == [pytest.approx(5.0)]


@pytest.mark.parametrize(
    ("text", "row", "field", "message"),
    [
        ("station,time,pollutant,value\nS1,2025-01-01 08:00,PM2.5,58\n", 1, "unit",
         "missing column"),
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:00,PM2.5,5x8,µg/m³\n", 2,
         "value", "not a number"),
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:00,PM1,5,µg/m³\n", 2,
         "pollutant", "unknown pollutant"),
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:00,PM10,5,ppb\n", 2,
         "unit", "unknown unit"),
        # CO in µg/m³ labelled mg/m³: 300 mg/m³ is implausible.
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:00,PM10,5,µg/m³\n"
         "S1,2025-01-01 09:00,CO,300,mg/m³\n", 3, "value", "implausible co"),
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:30,PM10,5,µg/m³\n", 2,
         "time", "whole hour"),
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:00,PM10,5,µg/m³\n"
         "S1,2025-01-01 08:00,PM10,6,µg/m³\n", 3, "value", "second pm10"),
        ("station,time,pollutant,value,unit\nS1,2025-01-01 08:00,PM10,-5,µg/m³\n", 2,
         "value", "impossible"),
    ],
)
def test_long_format_errors_name_file_row_field(tmp_path, text, row, field, message):
    path = _write(tmp_path / "bad.csv", text)
    with pytest.raises(AirDataError, match=message) as caught:
        read_long(path)
    assert (caught.value.file, caught.value.row, caught.value.field) == (str(path), row, field)
    assert str(path) in str(caught.value) and f"row {row}" in str(caught.value)


def test_prsa_co_mislabelled_is_caught_in_cnemc(tmp_path):
    # A CNEMC file whose CO column holds µg/m³ (e.g. 1200) is refused: CO is mg/m³ there.
    path = _write(tmp_path / "h.csv", CNEMC_HEADER + "\n"
                  "2025-01-01 08:00:00,1001A,116.4,39.9,北京,东四,,40,30,30,20,20,"
                  "20,30,25,40,50,45,5,6,1200,0.8\n")
    with pytest.raises(AirDataError, match="implausible co") as caught:
        read_cnemc(path)
    assert (caught.value.row, caught.value.field) == (2, "co")


def test_prsa_missing_column(tmp_path):
    path = _write(tmp_path / "p.csv", "No,year,month,day,hour,PM2.5,PM10,SO2,NO2,O3,station\n")
    with pytest.raises(AirDataError, match="missing column") as caught:
        read_prsa(path)
    assert caught.value.field == "CO"


def test_duplicate_hours_across_files_are_an_error():
    with pytest.raises(AirDataError, match="second record"):
        read_files("prsa", [DONGSI, DONGSI])


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
