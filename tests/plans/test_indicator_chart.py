"""The indicator page's chart: observations against the target line (a band for a range),
the baseline marked, axis labels with years and unit, and the same figures as a table."""

from __future__ import annotations

import re

from ecotrack.accounts.models import Role
from ecotrack.plans.charts import observation_chart
from ecotrack.plans.models import PlanIndicator

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def _svg(page: str) -> str:
    return page.split('<figure class="observation-chart">')[1].split("</svg>")[0]


def test_forest_cover_against_its_target(client, demo_plans, make_user):
    forest = PlanIndicator.objects.get(plan=demo_plans["150000"], number="15")  # 森林覆盖率
    client.force_login(make_user("nm", Role.EDITOR, "150000"))
    client.post(f"/plans/indicators/{forest.pk}/observe/", {"year": 2023, "value": "23.3"})
    response = client.get(f"/plans/indicators/{forest.pk}/", **ZH)
    chart = response.context["chart"]
    page = response.content.decode()
    svg = _svg(page)
    # baseline 2020 = 23.0 drawn as a square, 2023 as a dot, target 2025 ≥23.5 as a line
    assert [(p.year, p.label, p.baseline) for p in chart.points] == [
        (2020, "23", True), (2023, "23.3", False)]
    (mark,) = chart.targets
    assert (mark.year, mark.raw, mark.y_high) == (2025, "23.5", None)
    # the line is above both observations (smaller y), the observations rise
    assert mark.y < chart.points[1].y < chart.points[0].y
    assert 'class="target-line"' in svg and f'y1="{mark.y}"' in svg
    assert 'class="baseline"' in svg and "基线" in svg
    for year in ("2020", "2025"):
        assert f'text-anchor="middle">{year}</text>' in svg
    assert ">%</text>" in svg  # the unit labels the value axis
    assert "style=" not in svg and "<script" not in page
    table = page.split('<table class="chart-data">')[1].split("</table>")[0]
    assert re.search(r"2023</th><td>23\.3 %", table) and "23.5" in table


def test_a_range_target_is_a_band():
    chart = observation_chart([(2020, 42.0), (2022, 44.0)], [(2025, 45.0, 50.0, "45–50")],
                              2020, "%")
    assert chart is not None
    (band,) = chart.targets
    assert band.y_high is not None and band.height > 0
    assert band.y < band.y_high  # 50 drawn above 45
    assert all(p.y > band.y_high for p in chart.points)  # both observations below the band


def test_nothing_numeric_no_chart(client, demo_plans):
    plan = demo_plans["152502"]
    state = PlanIndicator.objects.get(plan=plan, number="4")  # 河长制: 全面实施
    response = client.get(f"/plans/indicators/{state.pk}/", **ZH)
    assert response.context["chart"] is None
    assert observation_chart([], [], None, "") is None
