"""A full year of Beijing (12 national-control stations) from ../shared; skipped without it.

Neither standards.md nor the data README gives published Beijing figures, so the hard check
is engine agreement (reference = DuckDB over a whole year). The plausibility bands below are
deliberately wide and come from memory of the Beijing 2015 environment bulletin (PM2.5
annual mean about 81 µg/m³, about 186 good days, about 46 heavy-pollution days) [R]; note the
bulletin uses 35 stations, the PRSA set 12.
"""

from __future__ import annotations

import pytest

from ecotrack.core.air import reference
from ecotrack.core.air.annual import summary
from ecotrack.core.air.duckdb_engine import evaluate_duckdb
from ecotrack.core.air.hourly import write_parquet
from ecotrack.core.air.readers import read_files

from .conftest import SHARED_BEIJING

pytestmark = pytest.mark.skipif(
    not SHARED_BEIJING.is_dir(), reason="needs ../shared/data/beijing-prsa"
)
YEAR = 2015


@pytest.fixture(scope="module")
def beijing(tmp_path_factory):
    files = sorted(SHARED_BEIJING.glob("PRSA_Data_*.csv.gz"))
    assert len(files) == 12
    table = read_files("prsa", files).only_year(YEAR)
    path = write_parquet(table, tmp_path_factory.mktemp("bj") / "beijing.parquet")
    return table, path


def test_beijing_year_engines_agree_and_figures_are_plausible(beijing):
    table, path = beijing
    stations = sorted(set(table.station))
    assert len(stations) == 12
    ref_days, ref_all, _ = reference.evaluate(table, stations, YEAR)
    days, all_days, _ = evaluate_duckdb([path], stations, YEAR)
    assert [(d.day, d.aqi, d.primary) for d in days] == [
        (d.day, d.aqi, d.primary) for d in ref_days
    ]
    result = summary(all_days, YEAR)
    assert result == summary(ref_all, YEAR)
    assert result["valid"] is True, result["validity_notes"]
    assert 355 <= result["valid_days"] <= 365
    assert 70 <= result["annual"]["PM2.5"] <= 90
    assert 45 <= result["good_ratio"] <= 57
    assert 35 <= result["heavy_days"] <= 60
    assert max(result["primary_pollutants"], key=result["primary_pollutants"].get) == (
        "PM2.5"
    )
