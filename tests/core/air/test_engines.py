"""Pure-Python reference = DuckDB = Spark on the real Beijing excerpt (3 stations, Jan–Apr 2015)."""

from __future__ import annotations

from datetime import date

import pytest

from ecotrack.core.air import reference
from ecotrack.core.air.annual import summary
from ecotrack.core.air.duckdb_engine import evaluate_duckdb

DUST = frozenset({date(2015, 4, 15)})  # the dust storm over Beijing that day


def _published(days):
    """What the engines must agree on exactly: rounded values, indices, labels."""
    return [
        (d.day, d.standard, d.n_stations, dict(d.concentration), dict(d.iaqi), d.aqi,
         d.category, d.primary, d.dust)
        for d in days
    ]


def assert_same(expected, got):
    e_days, e_all, e_nodust = expected
    g_days, g_all, g_nodust = got
    assert _published(g_days) == _published(e_days)
    for e, g in zip(e_days, g_days, strict=True):
        for key, value in e.raw.items():
            if value is None:
                assert g.raw[key] is None, (e.day, key)
            else:
                assert g.raw[key] == pytest.approx(value, rel=1e-12), (e.day, key)
    assert summary(g_all, 2015) == summary(e_all, 2015)
    assert summary(g_nodust, 2015) == summary(e_nodust, 2015)


@pytest.mark.parametrize("choice", ["auto", "hj633-2012", "hj633-2026"])
def test_duckdb_equals_reference(excerpt, excerpt_parquet, choice):
    stations = sorted(set(excerpt.station))
    expected = reference.evaluate(excerpt, stations, 2015, choice, DUST)
    assert_same(expected, evaluate_duckdb([excerpt_parquet], stations, 2015, choice, DUST))
    assert len(expected[0]) == 120


def test_one_station_alone_and_dust_exclusion(excerpt, excerpt_parquet):
    days, all_days, no_dust = evaluate_duckdb([excerpt_parquet], ["Dongsi"], 2015,
                                              "auto", DUST)
    assert {d.n_stations for d in days} == {1}
    assert all_days.valid_days - no_dust.valid_days == sum(
        1 for d in days if d.dust and d.aqi is not None
    )
    assert_same(reference.evaluate(excerpt, ["Dongsi"], 2015, "auto", DUST),
                (days, all_days, no_dust))


def test_2026_rules_shift_days_towards_pollution(excerpt_parquet, excerpt):
    # Same data, stricter PM breakpoints: never fewer polluted days, never more good ones.
    stations = sorted(set(excerpt.station))
    _d, old, _n = evaluate_duckdb([excerpt_parquet], stations, 2015, "hj633-2012")
    _d, new, _n = evaluate_duckdb([excerpt_parquet], stations, 2015, "hj633-2026")
    assert new.good_days <= old.good_days
    assert new.days_by_category["优"] == old.days_by_category["优"]  # IAQI-50 rows unchanged


@pytest.mark.spark
def test_spark_equals_reference(spark, excerpt, excerpt_parquet):
    from ecotrack.core.air.spark_engine import evaluate_spark

    stations = sorted(set(excerpt.station))
    expected = reference.evaluate(excerpt, stations, 2015, "auto", DUST)
    assert_same(expected, evaluate_spark(spark, [excerpt_parquet], stations, 2015, "auto", DUST))
