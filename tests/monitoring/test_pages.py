"""Run pages: demo run of Beijing, heat-map and bars as SVG, limits table, no inline style."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ecotrack.monitoring import demo
from ecotrack.monitoring.models import AirEvaluationRun


@pytest.fixture
def beijing_run(places):
    demo.load(lambda _msg: None)
    return AirEvaluationRun.objects.get(jurisdiction__code="110000", year=2015)


def test_demo_is_idempotent(beijing_run):
    messages: list[str] = []
    demo.load(messages.append)
    assert AirEvaluationRun.objects.count() == 1
    assert "already stored" in messages[0]


def test_demo_run_is_a_full_valid_year(beijing_run):
    annual = beijing_run.annual
    assert beijing_run.stations == ["Dongsi", "Guanyuan"]
    assert len(beijing_run.daily) == 365
    assert annual["valid_days"] > 350 and annual["annual_valid"]["PM2.5"] is True
    assert sum(annual["days_by_category"].values()) == annual["valid_days"]


def test_run_page_draws_calendar_bars_and_limits(client, beijing_run):
    response = client.get(reverse("monitoring:city-year", args=["110000", 2015]))
    assert response.status_code == 200
    html = response.content.decode()
    # One calendar cell per day, one bar label per month, each with a text alternative.
    calendar = html.split('id="calendar-title"')[1].split("</svg>")[0]
    assert calendar.count("<rect ") == 365
    assert 'fill="#00e400"' in calendar  # 优 green, from standards.CATEGORIES
    assert "2015-01-01: AQI" in calendar
    assert "not the official city figure" in html
    assert "GB 3095—2026" in html and "过渡阶段 二级" in html  # the default language, zh-hans
    assert html.count("<tr><th scope=\"row\">2015-") == 365  # the daily table alternative
    assert not re.search(r"\sstyle=", html) and "<script>" not in html  # strict CSP


def test_index_lists_runs_and_is_in_the_navigation(client, beijing_run):
    html = client.get(reverse("monitoring:index")).content.decode()
    assert beijing_run.get_absolute_url() in html
    assert f'href="{reverse("monitoring:index")}"' in html


def test_unknown_city_year_is_404(client, places):
    assert client.get(reverse("monitoring:city-year", args=["110000", 2015])).status_code == 404


def test_run_page_names_categories_and_limit_columns_in_the_page_language(client, beijing_run):
    url = reverse("monitoring:city-year", args=["110000", 2015])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    stored = beijing_run.annual["days_by_category"]
    for zh, en in (("优", "Excellent"), ("轻度污染", "Lightly polluted"),
                   ("严重污染", "Severely polluted")):
        assert zh in stored  # results keep HJ 633's own terms; only the page translates
        assert f"{en} (" in english and f"{zh} (" not in english  # the legend
        assert f"{zh} (" in chinese and f"{en} (" not in chinese
    assert "Grade II limits" in english
    assert "GB 3095—2026 transition stage, Grade II" in english and "二级" not in english
    assert "GB 3095—2026 过渡阶段 二级" in chinese
    daily = english.split('<tr><th scope="row">2015-')[1:]
    assert daily and not any(re.search(r"[优良污染]", row.split("</tr>")[0]) for row in daily)


def test_the_language_menu_names_each_language_in_itself(client, beijing_run):
    for accept in ("en", "zh-hans"):
        page = client.get(reverse("monitoring:index"), HTTP_ACCEPT_LANGUAGE=accept).content
        menu = page.decode().split('id="language-select"')[1].split("</select>")[0]
        assert '<option value="en" lang="en"' in menu and ">English</option>" in menu
        assert ">简体中文</option>" in menu and "英语" not in menu
