"""Hour labels: both readers (Python and the DuckDB ingest) turn labels into the same slots."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ecotrack.core.air.csv_duckdb import ingest_csv
from ecotrack.core.air.hour_labels import END, START, check_hour_label, slot_start
from ecotrack.core.air.hourly import read_parquet
from ecotrack.core.air.readers import read_files

from .conftest import FIXTURES

DONGSI = FIXTURES / "PRSA_Data_Dongsi_2015-01_2015-04.csv.gz"


def _rows(table):
    return sorted(zip(table.station, table.date, table.hour, *table.values.values(),
                      strict=True))


def test_slot_start():
    assert slot_start(datetime(2022, 1, 2, 0), END) == datetime(2022, 1, 1, 23)
    assert slot_start(datetime(2022, 1, 2, 0), START) == datetime(2022, 1, 2, 0)
    with pytest.raises(ValueError, match="unknown hour label"):
        check_hour_label("middle")


@pytest.mark.parametrize("label", [START, END])
def test_prsa_read_alike_by_both_readers(label, tmp_path):
    python = read_files("prsa", [DONGSI], hour_label=label)
    ingested = ingest_csv("prsa", [DONGSI], tmp_path / "d.parquet", hour_label=label)
    assert _rows(read_parquet([ingested.parquet])) == _rows(python)
    first = (python.date[0], python.hour[0])
    assert first == ((date(2015, 1, 1), 0) if label == START else (date(2014, 12, 31), 23))


@pytest.mark.parametrize("label", [START, END])
def test_long_format_read_alike_by_both_readers(label, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("station,time,pollutant,value,unit\n"
                    "Dongsi,2015-01-01 00:00,PM2.5,9,µg/m³\n"
                    "Dongsi,2015-01-01 01:00,PM2.5,4,µg/m³\n", encoding="utf-8")
    python = read_files("long", [path], hour_label=label)
    ingested = ingest_csv("long", [path], tmp_path / "l.parquet", hour_label=label)
    assert _rows(read_parquet([ingested.parquet])) == _rows(python)
    expected = ([(date(2015, 1, 1), 0), (date(2015, 1, 1), 1)] if label == START
                else [(date(2014, 12, 31), 23), (date(2015, 1, 1), 0)])
    assert list(zip(python.date, python.hour, strict=True)) == expected


def test_year_filter_applies_to_the_hour_not_the_label(tmp_path):
    # Read as hour ends, the 00:00 record of 2015-01-01 is 2014's last hour.
    ingested = ingest_csv("prsa", [DONGSI], tmp_path / "y.parquet", year=2015, hour_label=END)
    table = read_parquet([ingested.parquet])
    assert min(table.date) == date(2015, 1, 1)
    assert len(table) == 120 * 24 - 1
