"""Full years of Beijing (12 national-control stations) against the published city figures.

The data tests read ../shared/data/beijing-prsa and skip without it. For each full year of the
data (2014, 2015, 2016; HJ 633—2012 in force) they check

1. engine agreement: DuckDB and the pure-Python reference give the same daily AQI, primary
   pollutants and annual summary;
2. the DuckDB result against the officially published figures in
   tests/fixtures/air/beijing-published.json (Beijing EPB / MEP briefings and the 2016
   bulletin, as reported; each value with its source, quote and whether it is derived).

Tolerances (proposed in the task before any comparison was run and kept as proposed, not
tuned to what passes; their reason is the difference of the station networks): the official
figure is the mean of Beijing's municipal network (35 stations set up in 2013: urban,
suburban, traffic and regional stations), ours the mean of the 12 national-control stations
(8 urban, 4 suburban/background). Per-station means of the hourly values in the PRSA data
spread widely (2015: PM2.5 65 to 87 µg/m³, NO2 27 to 61), so a different station set moves a
city mean by several percent and the day counts by a few days near the category boundaries.
Hence:

- good days (AQI ≤ 100): ± 10 days;
- heavy-pollution days (AQI > 200): ± 6 days;
- annual means (PM2.5, PM10, SO2, NO2) and the CO P95 / O3 8-h P90 percentiles: ± 8 %
  relative. Our annual values are rounded to integers (CO to 0.1), at most 0.5 / 10 = 5 % of
  the smallest published value (SO2 2016), inside the band.

A PM2.5 mean 20 % off, or 11 good days off, fails (test_comparison_catches_an_error).
Figures in the JSON without a tolerance here (the day counts of single categories) are listed
in NOT_COMPARED with the reason; a figure that is neither compared nor listed fails the test.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from ecotrack.core.air import reference
from ecotrack.core.air.annual import summary
from ecotrack.core.air.duckdb_engine import evaluate_duckdb
from ecotrack.core.air.hourly import write_parquet
from ecotrack.core.air.readers import read_files

from .conftest import FIXTURES, SHARED_BEIJING

PUBLISHED = json.loads((FIXTURES / "beijing-published.json").read_text(encoding="utf-8"))
YEARS = (2014, 2015, 2016)
STANDARD = "hj633-2012"

# figure -> (kind, tolerance): "days" = absolute days, "relative" = fraction of the published
DAYS, RELATIVE = "days", "relative"
TOLERANCE: dict[str, tuple[str, float]] = {
    "good_days": (DAYS, 10),
    "heavy_days": (DAYS, 6),
    "PM2.5": (RELATIVE, 0.08),
    "PM10": (RELATIVE, 0.08),
    "SO2": (RELATIVE, 0.08),
    "NO2": (RELATIVE, 0.08),
    "CO_p95": (RELATIVE, 0.08),
    "O3_8h_p90": (RELATIVE, 0.08),
}
# Published but not asserted: no tolerance was set for single categories before comparing
# (a day moves between 优 and 良, or 重度 and 严重, with a few µg/m³); shown in docs/air.md.
NOT_COMPARED = {"优", "良", "重度污染", "严重污染"}

needs_shared = pytest.mark.skipif(
    not SHARED_BEIJING.is_dir(), reason="needs ../shared/data/beijing-prsa"
)


def ours(result: dict[str, Any], figure: str) -> float:
    """The engine's value of a published figure (names as in `air-evaluate --json`)."""
    if figure in ("good_days", "heavy_days"):
        return result[figure]
    if figure in result["days_by_category"]:
        return result["days_by_category"][figure]
    return result["annual"][figure]


def outside_tolerance(result: dict[str, Any], year: int) -> list[str]:
    """Every compared figure of the year that misses its tolerance, as readable lines."""
    misses = []
    for figure, published in PUBLISHED["years"][str(year)].items():
        if figure in NOT_COMPARED:
            continue
        kind, tolerance = TOLERANCE[figure]  # KeyError: a published figure nobody compares
        value, expected = ours(result, figure), published["value"]
        difference = value - expected if kind == DAYS else (value - expected) / expected
        if abs(difference) > tolerance:
            misses.append(
                f"{year} {figure}: ours {value}, published {expected} "
                f"({published['url']}), difference {difference:+.3g} > ±{tolerance} {kind}"
            )
    return misses


def test_published_fixture_is_complete_and_cited():
    assert set(PUBLISHED["years"]) == {str(y) for y in YEARS}
    for year, figures in PUBLISHED["years"].items():
        for figure, entry in figures.items():
            assert figure in TOLERANCE or figure in NOT_COMPARED, (year, figure)
            assert entry["url"] == PUBLISHED["sources"][entry["source"]]["url"]
            assert entry["quote"] and entry["unit"] and entry["value"] > 0


def test_comparison_catches_an_error():
    """The comparison fails on a PM2.5 mean 20 % off or on 11 good days too many."""
    exact = {
        "good_days": 186, "heavy_days": 46, "days_by_category": {},
        "annual": {k: PUBLISHED["years"]["2015"][k]["value"]
                   for k in ("PM2.5", "PM10", "SO2", "NO2", "CO_p95", "O3_8h_p90")},
    }
    assert outside_tolerance(exact, 2015) == []
    pm25_off = {**exact, "annual": {**exact["annual"], "PM2.5": 80.6 * 1.2}}
    assert [m.split(":")[0] for m in outside_tolerance(pm25_off, 2015)] == ["2015 PM2.5"]
    assert outside_tolerance({**exact, "good_days": 186 + 11}, 2015) != []


@pytest.fixture(scope="module")
def beijing_hours():
    files = sorted(SHARED_BEIJING.glob("PRSA_Data_*.csv.gz"))
    assert len(files) == 12
    return read_files("prsa", files)


@pytest.fixture(scope="module", params=YEARS, ids=str)
def beijing_year(request, beijing_hours, tmp_path_factory):
    """One year: (year, the hourly table, DuckDB days and summary, reference days and summary)."""
    year = request.param
    table = beijing_hours.only_year(year)
    path = write_parquet(table, tmp_path_factory.mktemp(f"bj{year}") / "beijing.parquet")
    stations = sorted(set(table.station))
    assert len(stations) == 12
    days, all_days, _ = evaluate_duckdb([path], stations, year, STANDARD)
    ref_days, ref_all, _ = reference.evaluate(table, stations, year, STANDARD)
    return year, days, summary(all_days, year), ref_days, summary(ref_all, year)


@needs_shared
def test_beijing_year_engines_agree(beijing_year):
    _year, days, result, ref_days, ref_result = beijing_year
    assert [(d.day, d.aqi, d.primary) for d in days] == [
        (d.day, d.aqi, d.primary) for d in ref_days
    ]
    assert result == ref_result
    assert result["valid"] is True, result["validity_notes"]
    assert 355 <= result["valid_days"] <= 366
    assert max(result["primary_pollutants"], key=result["primary_pollutants"].get) == (
        "PM2.5"
    )


@needs_shared
def test_beijing_year_matches_published_figures(beijing_year):
    year, _, result, _, _ = beijing_year
    assert outside_tolerance(result, year) == []
