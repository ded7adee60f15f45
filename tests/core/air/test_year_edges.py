"""A year's first or last hour missing at every station is named (year_edges.py).

Real inputs with a file or rows left out, as a user would leave them out: the CNEMC
releases without the one labelled 2022-01-01 01:00, and a Beijing station's 2015 without
its 31 December 23:00 rows.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command

from ecotrack.core.air.cities import cities_json, evaluate_all_cities
from ecotrack.core.air.evaluate import evaluate_files

from .conftest import FIXTURES, SHARED_BEIJING

CNEMC = sorted((FIXTURES / "cnemc").glob("*.csv"))
WITHOUT_FIRST = [p for p in CNEMC if p.name != "2022-01-01T01.csv"]
FIRST_GAP = {"edge": "first", "hour_start": "2022-01-01T00:00", "label": "2022-01-01T01:00"}


@pytest.mark.parametrize("engine", ["duckdb", "python"])
def test_a_left_out_first_release_is_named(engine):
    evaluation = evaluate_files("cnemc", WITHOUT_FIRST, year=2022, city="呼和浩特市",
                                engine=engine)
    assert evaluation.result.extra["year_edge_gaps"] == [FIRST_GAP]


def test_complete_releases_have_no_edge_gap():
    evaluation = evaluate_files("cnemc", CNEMC, year=2022, city="呼和浩特市")
    assert evaluation.result.extra["year_edge_gaps"] == []


def test_data_that_end_early_are_not_a_last_hour_gap():
    # These files end on 2 January 2022: 31 December has no data, so only the first hour is named.
    evaluation = evaluate_files("cnemc", WITHOUT_FIRST, year=2022, city="北京市")
    assert [g["edge"] for g in evaluation.result.extra["year_edge_gaps"]] == ["first"]


def test_all_cities_report_the_gap_once():
    cities = evaluate_all_cities("cnemc", WITHOUT_FIRST, year=2022)
    result = cities_json(cities)
    assert result["year_edge_gaps"] == [FIRST_GAP]
    assert all("year_edge_gaps" not in city for city in result["cities"])


@pytest.mark.django_db
def test_the_command_says_it_in_words():
    out = StringIO()
    call_command("air_evaluate", "--format", "cnemc", *map(str, WITHOUT_FIRST), "--year",
                 "2022", "--city", "呼和浩特市", stdout=out, stderr=StringIO())
    assert ("year edge: No station has a value for the year's first hour "
            "(2022-01-01 00:00–01:00), which this input labels 2022-01-01 01:00") in out.getvalue()
    out = StringIO()
    call_command("air_evaluate", "--format", "cnemc", *map(str, WITHOUT_FIRST), "--year",
                 "2022", "--city", "呼和浩特市", "--json", stdout=out, stderr=StringIO())
    assert json.loads(out.getvalue())["year_edge_gaps"] == [FIRST_GAP]


@pytest.mark.skipif(not SHARED_BEIJING.is_dir(), reason="needs ../shared/data/beijing-prsa")
def test_a_missing_last_hour_is_named_with_the_label_the_source_uses(tmp_path):
    source = next(SHARED_BEIJING.glob("PRSA_Data_Dongsi_*.csv.gz"))
    with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["year"] == "2015"]
    last = [r for r in rows if (r["month"], r["day"], r["hour"]) == ("12", "31", "23")]
    assert len(last) == 1 and last[0]["PM2.5"] not in ("", "NA")  # the hour has data
    whole, short = tmp_path / "whole.csv", tmp_path / "short.csv"
    for path, kept in ((whole, rows), (short, [r for r in rows if r not in last])):
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept)
        path.write_text(text.getvalue(), encoding="utf-8")
    assert evaluate_files("prsa", [whole], year=2015).result.extra["year_edge_gaps"] == []
    gaps = evaluate_files("prsa", [short], year=2015).result.extra["year_edge_gaps"]
    assert gaps == [{"edge": "last", "hour_start": "2015-12-31T23:00",
                     "label": "2015-12-31T23:00"}]
    # Read as hour ends, the same rows are labelled one hour later.
    gaps = evaluate_files("prsa", [short], year=2015,
                          hour_label="end").result.extra["year_edge_gaps"]
    assert [g["edge"] for g in gaps] == ["last"]
    assert gaps[0]["label"] == "2016-01-01T00:00"

