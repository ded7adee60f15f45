"""League table of Inner Mongolia: Tongliao and Xilinhot ranked by share of indicators met."""

from __future__ import annotations

from ecotrack.plans.compliance import assess_plan
from ecotrack.plans.league import canonical_columns, league_table
from ecotrack.plans.models import ObservationSource
from ecotrack.plans.observations import record_observation


def test_places_below_the_region_ranked_by_share_met(demo_plans):
    region = demo_plans["150000"].jurisdiction
    rows = league_table(region, 2026, None, 2025)
    shares = [r.share_met for r in rows]
    assert shares == sorted(shares, reverse=True)
    assert rows[0].rank == 1
    assert {r.jurisdiction.code for r in rows} == {"150500", "152502"}  # not the region
    for row in rows:
        statuses = assess_plan(row.plan, 2026, None, 2025)
        met = sum(s.status == "met" for s in statuses)
        assert (row.met, row.total) == (met, len(statuses))
        assert row.year == 2025


def test_entering_values_moves_a_place_up(demo_plans, make_user):
    region = demo_plans["150000"].jurisdiction
    editor = make_user("tongliao", "editor", "150500")
    before = {r.jurisdiction.code: r for r in league_table(region, 2026, None, 2025)}
    forest = demo_plans["150500"].indicators.get(number="15")  # 森林覆盖率 ≥25
    record_observation(forest, 2025, 25.3, ObservationSource.MANUAL, "林草局", editor)
    after = {r.jurisdiction.code: r for r in league_table(region, 2026, None, 2025)}
    assert after["150500"].met == before["150500"].met + 1
    assert after["150500"].by_key[forest.canonical.key] == "met"
    assert before["150500"].by_key[forest.canonical.key] == "no_data"


def test_shared_canonical_indicators_are_the_columns(demo_plans):
    rows = league_table(demo_plans["150000"].jurisdiction, 2026, None, 2025)
    columns = canonical_columns(rows)
    assert "air.good_day_ratio" in columns
    for key in columns:
        assert all(key in r.by_key for r in rows)
