"""`load-plan-csv`: the Inner Mongolia table, and bad rows named by row and field."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ecotrack.accounts.models import Role
from ecotrack.plans.models import Plan, PlanIndicator

ROOT = Path(__file__).resolve().parents[2]
CSV = ROOT / "ecotrack/demo/reference/indicators-innermongolia-2025.csv"
TITLE = "内蒙古自治区“十四五”生态环境保护规划"


def _load(path: Path, *extra: str) -> str:
    out = io.StringIO()
    call_command("load_plan_csv", str(path), "--jurisdiction", "150000", "--title", TITLE,
                 "--period-start", "2021", "--user", "region-admin", *extra, stdout=out)
    return out.getvalue()


def test_loads_the_regional_table(places, make_user):
    make_user("region-admin", Role.ADMINISTRATOR, "150000")
    _load(CSV, "--publish")
    plan = Plan.objects.get()
    assert (plan.period_start, plan.period_end, plan.base_year) == (2021, 2025, 2020)
    assert plan.is_published and plan.indicators.count() == 21
    # Rows 13-16 have no sub-category in the file: none is carried over from row 12.
    assert plan.indicators.get(number="13").subcategory == ""
    energy = plan.indicators.get(number="7")
    assert energy.targets.get(year=2025).text == "15.5"
    assert energy.observations.get().value == 6.89
    assert PlanIndicator.objects.filter(plan=plan, canonical__isnull=True).count() == 0
    assert "Unchanged" in _load(CSV)


def test_a_bad_row_names_row_and_field_and_stores_nothing(places, make_user, tmp_path):
    make_user("region-admin", Role.ADMINISTRATOR, "150000")
    lines = CSV.read_text("utf-8").splitlines()
    lines[20] = lines[20].replace("预期性", "大概性")
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(CommandError, match=r"bad\.csv, row 21, field 'attribute'"):
        _load(bad)
    assert not Plan.objects.exists()
