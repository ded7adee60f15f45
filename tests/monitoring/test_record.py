"""air-evaluate --jurisdiction / --record: the run is stored once; observations go through
the plans app's record_observation, on the matching plan indicators only."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.plans.models import Observation, PlanIndicator

from .air_plans import air_plan

DEMO = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "ecotrack" / "monitoring"
                               / "data").glob("PRSA_Data_*_2015.csv.gz"))
TONGLIAO = "150500"


def run(*args: str) -> tuple[dict, str]:
    out, err = StringIO(), StringIO()
    call_command("air_evaluate", "--format", "prsa", *DEMO, "--year", "2015", "--json",
                 *args, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


@pytest.fixture
def plan(places):
    plan = air_plan(places[TONGLIAO], "测试规划", 2021, 2025)
    PlanIndicator.objects.create(plan=plan, position=9, number="10", name="森林覆盖率",
                                 direction="higher_better")
    return plan


def test_record_writes_both_indicators_with_method_and_fingerprint(plan, make_user):
    make_user("editor", "editor", TONGLIAO)
    result, err = run("--jurisdiction", TONGLIAO, "--record", "--user", "editor")
    assert result["run"]["created"] is True
    by_key = {r["key"]: r for r in result["recorded"]}
    assert set(by_key) == {"air.good_day_ratio", "air.pm25_annual_mean"}
    good = Observation.objects.get(pk=by_key["air.good_day_ratio"]["observation"])
    assert good.value == result["good_ratio"] and good.source == "computed"
    assert good.input_fingerprint == result["run"]["fingerprint"]
    assert "HJ 633" in good.method and good.created_by.username == "editor"
    pm25 = Observation.objects.get(pk=by_key["air.pm25_annual_mean"]["observation"])
    assert pm25.value == result["annual"]["PM2.5"]
    assert "recorded air.good_day_ratio 2015" in err
    assert Observation.objects.count() == 2  # the forest indicator is untouched
    # Same input again: the stored run is found, no new revision is written.
    again, _ = run("--jurisdiction", TONGLIAO, "--record", "--user", "editor")
    assert again["run"] == {**result["run"], "created": False}
    assert all(not r["new_revision"] for r in again["recorded"])
    assert AirEvaluationRun.objects.count() == 1 and Observation.objects.count() == 2


def test_record_without_plan_indicator_fails_and_stores_nothing(places):
    with pytest.raises(CommandError, match=r"no plan indicator for air\.good_day_ratio"):
        run("--jurisdiction", "152502", "--record")
    assert AirEvaluationRun.objects.count() == 0


def test_user_who_may_not_edit_is_refused_before_evaluating(plan, make_user):
    make_user("other", "editor", "152502")
    with pytest.raises(CommandError, match="may not edit 150500"):
        run("--jurisdiction", TONGLIAO, "--record", "--user", "other")
    assert Observation.objects.count() == 0


def test_record_needs_a_jurisdiction_and_it_must_exist(places):
    with pytest.raises(CommandError, match="--record needs --jurisdiction"):
        run("--record")
    with pytest.raises(CommandError, match="no jurisdiction with code '999999'"):
        run("--jurisdiction", "999999")


def test_jurisdiction_alone_stores_the_run_for_the_pages(places):
    result, err = run("--jurisdiction", TONGLIAO)
    stored = AirEvaluationRun.objects.get(pk=result["run"]["id"])
    assert stored.annual["good_ratio"] == result["good_ratio"] and len(stored.daily) == 365
    assert "recorded" not in err and result["recorded"] == []
