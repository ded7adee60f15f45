"""`ecotrack plan-status CODE`: each indicator with target, latest value, status, explanation."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def _run(*args: str) -> str:
    out = StringIO()
    call_command("plan_status", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_indicator_with_target_latest_status_and_explanation(demo_plans):
    plan = demo_plans["150500"]
    data = json.loads(_run("150500", "--year", "2025", "--as-of", "2022", "--json"))
    assert data["plan"]["id"] == plan.pk and data["year"] == 2025
    assert len(data["indicators"]) == plan.indicators.count()
    groundwater = next(i for i in data["indicators"] if i["number"] == "19")
    # Tongliao 19: 「达到自治区考核目标」 → Inner Mongolia's 「≤17」; baseline 20 (2020).
    assert groundwater["target"] == "达到自治区考核目标"
    assert groundwater["resolved_target"] == "≤17"
    assert groundwater["target_set_by"] == "150000"
    assert groundwater["latest"]["value"] == 20
    assert groundwater["status"] == "not_met"
    assert "内蒙古自治区" in groundwater["explanation"]
    assert sum(data["counts"].values()) == len(data["indicators"])


def test_text_output_in_english(demo_plans):
    text = _run("152502", "--year", "2025", "--as-of", "2022", "--lang", "en")
    assert "24    村镇饮用水卫生合格率" in text
    assert "Status: not met." in text


def test_standards_json_counts(demo_plans):
    data = json.loads(_run("152502", "--standards", "--year", "2022", "--json"))
    assert data["counts"]["contradicts"] == 0
    assert len(data["indicators"]) == 35


def test_unknown_place_year_and_plan_are_refused(demo_plans):
    with pytest.raises(CommandError, match="no jurisdiction"):
        _run("999999")
    with pytest.raises(CommandError, match="no targets for 2024"):
        _run("150500", "--year", "2024")
    with pytest.raises(CommandError, match="no plan"):
        _run("150500", "--plan", "999999")
