"""`ecotrack demo` for plans: a second run changes nothing, and the dashboard answers
Tongliao's 「达到自治区考核目标」 with the region's own target."""

from __future__ import annotations

from io import StringIO
from typing import Any

from auditlog.models import LogEntry
from django.core.management import call_command

from ecotrack.plans.models import (
    KeyProject,
    Observation,
    Plan,
    PlanIndicator,
    ReviewMilestone,
    Target,
)


def _plans_snapshot() -> list[list[dict[str, Any]]]:
    def rows(model: Any, *exclude: str) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in row.items() if k not in exclude}
            for row in model.objects.order_by("pk").values()
        ]

    return [
        rows(Plan, "updated_at"), rows(PlanIndicator), rows(Target), rows(Observation),
        rows(ReviewMilestone), rows(KeyProject),
    ]


def test_demo_twice_changes_no_plan_row(db):
    call_command("demo", stdout=StringIO())
    before, entries = _plans_snapshot(), LogEntry.objects.count()
    assert [len(table) for table in before[:2]] == [3, 21 + 21 + 44]
    out = StringIO()
    call_command("demo", stdout=out)
    assert _plans_snapshot() == before
    assert LogEntry.objects.count() == entries
    assert out.getvalue().count("exists, unchanged") == 3


def test_dashboard_judges_tongliao_19_by_the_regions_target(client, demo_plans):
    tongliao = demo_plans["150500"]
    page = client.get(f"/plans/{tongliao.pk}/", {"year": 2025, "as_of": 2022},
                      HTTP_ACCEPT_LANGUAGE="zh-hans")
    row = next(r for r in page.context["rows"] if r.indicator.number == "19")
    assert row.indicator.targets.get(year=2025).text == "达到自治区考核目标"
    assert row.selected.target.raw == "≤17" and row.selected.target_set_by.code == "150000"
    html = page.content.decode()
    assert "内蒙古自治区“≤17”" in html and "目标由内蒙古自治区设定" in html
