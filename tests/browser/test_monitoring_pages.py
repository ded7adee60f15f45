"""A reader opens Beijing's 2015 air-quality page (demo run from the real excerpt) in a real
browser: heat-map, monthly bars and limits table are there, the keyboard reaches the daily
table alternative, the input-check summary (values excluded, station-hours missing) is shown
from the stored report, and nothing is fetched from outside the site."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from ecotrack.monitoring import demo
from ecotrack.monitoring.models import AirEvaluationRun
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_city_year_page_charts_tables_keyboard_and_no_external_requests(
    page, places, live_server
):
    demo.load(lambda _message: None)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/monitoring/110000/2015/")

    calendar = page.locator('svg[aria-labelledby="calendar-title"]')
    expect(calendar).to_be_visible()
    expect(calendar.locator("rect")).to_have_count(365)  # one cell per day of 2015
    bars = page.locator('svg[aria-labelledby="bars-title"]')
    expect(bars).to_be_visible()
    assert bars.locator("rect").count() >= 12  # at least one segment per month
    limits = page.locator('section[aria-labelledby="limits-heading"] table')
    expect(limits).to_be_visible()
    expect(limits.locator("tbody tr").first).to_contain_text("PM2.5")

    # What the evaluation left out, from the report stored with the run (the demo excerpt has
    # no flagged value; its missing hours are real).
    annual = AirEvaluationRun.objects.get(jurisdiction__code="110000", year=2015).annual
    assert annual["flagged"] == {}
    missing = annual["missing_hours"]
    summary_line = f"没有排除任何数值 · 缺失 {sum(missing.values())} 个站点小时"
    quality = page.locator('section[aria-labelledby="quality-heading"]')
    expect(quality.locator(".air-summary")).to_have_text(summary_line)
    expect(quality.locator(".air-summary")).to_be_visible()
    expect(page.locator(".air-quality-summary")).to_contain_text(summary_line)
    worst = min(missing, key=lambda station: (-missing[station], station))
    expect(quality.locator("#missing-hours tbody tr").first.locator("th")).to_have_text(worst)
    link = page.locator('.air-quality-summary a[href="#quality-heading"]')
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/monitoring/110000/2015/#quality-heading")
    expect(quality.locator("h2")).to_be_in_viewport()

    # Tab from the top of the page until the daily-table disclosure has the focus.
    summary = page.locator('section[aria-labelledby="calendar-heading"] details > summary')
    daily = page.locator('section[aria-labelledby="calendar-heading"] details table')
    expect(daily).to_be_hidden()
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if summary.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("keyboard focus never reached the daily table alternative")
    page.keyboard.press("Enter")
    expect(daily).to_be_visible()
    expect(daily.locator("tbody tr")).to_have_count(365)
    expect(daily.locator("tbody tr").first).to_contain_text("2015-01-01")

    assert requested and [u for u in requested if not u.startswith(live_server.url)] == []


def test_excluded_values_are_counted_per_field_on_the_run_page(page, places):
    """A stored report with counts per field (as the engine writes it): the reader sees how
    many values of each pollutant were left out, not only the fields of the examples."""
    demo.load(lambda _message: None)
    run = AirEvaluationRun.objects.get(jurisdiction__code="110000", year=2015)
    examples = [{"file": "PRSA_Data_Dongsi_2015.csv", "row": row, "field": field,
                 "value": "-1"} for row, field in ((9, "SO2"), (10, "PM2.5"), (11, "PM2.5"))]
    run.annual["flagged"] = {"negative": {"count": 7, "by_field": {"SO2": 1, "PM2.5": 6},
                                          "examples": examples}}
    run.save(update_fields=["annual"])
    page.goto("/monitoring/110000/2015/")
    table = page.locator("#flagged-table")
    expect(table.locator("thead th").nth(3)).to_have_text("按字段计数")
    row = table.locator("tbody tr").first
    expect(row.locator("td").nth(2)).to_have_text("PM2.5 6 · SO2 1")
    expect(row.locator("td").nth(2)).to_be_visible()
    expect(page.locator(".air-quality-summary")).to_contain_text("已排除 7 个被标记的数值或记录行")


ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "air"


def test_ranking_of_the_districts_opened_by_keyboard_from_the_index(
    page, places, live_server, make_user
):
    """The bureau's districts stored (published) by the real --all-cities run: from the index,
    the keyboard reaches the ranking link; the first row is the command's first city with its
    figures."""
    call_command("load_places", str(FIXTURES / "beijing-districts-places.csv"), stdout=StringIO())
    make_user("bureau", "administrator", "110000")
    demo_files = sorted(str(p) for p in (ROOT / "ecotrack" / "monitoring" / "data")
                        .glob("PRSA_*.csv.gz"))
    out = StringIO()
    call_command("air_evaluate", "--format", "prsa", *demo_files, "--year", "2015",
                 "--stations", str(FIXTURES / "beijing-stations-districts.csv"), "--all-cities",
                 "--jurisdiction", "110000", "--user", "bureau", "--publish", "--json",
                 stdout=out, stderr=StringIO())
    first = json.loads(out.getvalue())["cities"][0]
    run = AirEvaluationRun.objects.get(pk=first["run"]["id"])

    page.goto("/monitoring/")
    link = page.locator('a[href="/monitoring/110000/2015/cities/"]')
    expect(link).to_be_visible()
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("keyboard focus never reached the ranking link")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/monitoring/110000/2015/cities/")
    expect(page.locator("h1")).to_have_text("北京市以下各行政区 2015年空气质量排名")
    row = page.locator("#cities-ranking tbody tr").first
    cells = row.locator("th, td")
    expect(cells.nth(0)).to_have_text("1")
    expect(cells.nth(1)).to_contain_text(f"{run.jurisdiction.name_zh} {run.jurisdiction.code}")
    expect(cells.nth(5)).to_contain_text(str(first["good_ratio"]))
    expect(cells.nth(7)).to_have_text(str(first["annual"]["PM2.5"]))
    expect(row.locator("svg.air-ratio-bar")).to_be_visible()
    # The jurisdiction's link opens its run page, again by keyboard.
    row.locator("a").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + run.get_absolute_url())


def test_an_editor_publishes_a_run_with_the_keyboard(page, places, live_server, make_user):
    """A district's run stored without --publish: the public gets a 404; its editor reaches
    the publish button by keyboard, publishes, and the public then reads the page."""
    call_command("load_places", str(FIXTURES / "beijing-districts-places.csv"), stdout=StringIO())
    make_user("xicheng", "editor", "110102")
    demo_files = sorted(str(p) for p in (ROOT / "ecotrack" / "monitoring" / "data")
                        .glob("PRSA_*.csv.gz"))
    out = StringIO()
    call_command("air_evaluate", "--format", "prsa", *demo_files, "--year", "2015",
                 "--stations", str(FIXTURES / "beijing-stations-districts.csv"),
                 "--city", "西城区", "--jurisdiction", "110102", "--user", "xicheng", "--json",
                 stdout=out, stderr=StringIO())
    run = AirEvaluationRun.objects.get(pk=json.loads(out.getvalue())["run"]["id"])
    assert not run.is_published
    assert page.goto(run.get_absolute_url()).status == 404

    log_in(page, "xicheng", has_roles=True)
    page.goto(run.get_absolute_url())
    expect(page.locator("#run-unpublished")).to_have_text("未发布")
    button = page.locator("#run-publication button")
    expect(button).to_have_text("发布")
    page.locator("body").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("keyboard focus never reached the publish button")
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("评价已发布")
    expect(page.locator("#run-unpublished")).to_have_count(0)
    expect(page.locator("#run-publication button")).to_have_text("撤回发布")
    expect(page.locator("#history-heading")).to_be_visible()
    run.refresh_from_db()
    assert run.is_published

    page.context.clear_cookies()
    assert page.goto(run.get_absolute_url()).status == 200
