"""A city officer starts a CBI assessment, types the inputs of two indicators with the keyboard,
saves, and reads the scores and the "x / 112" total — in a real browser, in 简体中文."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.cbi.models import Assessment
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_enters_two_indicators_with_the_keyboard_and_sees_scores(
    page, places, make_user, live_server
):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    make_user("tongliao-editor", Role.EDITOR, "150500")
    log_in(page, "tongliao-editor")
    expect(page.get_by_text("您的角色")).to_be_visible()

    page.goto("/cbi/150500/")
    expect(page.get_by_text("该行政区尚无城市生物多样性指数评估。")).to_be_visible()
    page.get_by_role("link", name="开始评估").focus()
    page.keyboard.press("Enter")
    page.get_by_label("评估年份").focus()
    page.keyboard.type("2024")
    page.keyboard.press("Enter")
    expect(page.get_by_text("评估已开始。")).to_be_visible()

    page.get_by_role("link", name="填报：城市本地生物多样性").focus()
    page.keyboard.press("Enter")
    # 1. natural areas 12 of 100 ha = 12% → "7.0%–13.9%" → 2 points. Each figure has its own
    # data year and source, right after it in tab order: the natural area from a 2022
    # land-cover survey; the city area left empty takes the indicator's (2020 yearbook).
    page.locator("#id_natural_areas-natural_area_ha").focus()
    page.keyboard.type("12")
    page.keyboard.press("Tab")
    expect(page.get_by_label("“自然、已恢复及近自然化区域面积”的数据年份")).to_be_focused()
    page.keyboard.type("2022")
    page.keyboard.press("Tab")
    page.keyboard.type("2022年土地覆被调查")
    page.keyboard.press("Tab")
    expect(page.locator("#id_natural_areas-city_area_ha")).to_be_focused()
    page.keyboard.type("100")
    page.locator("#indicator-natural_areas summary").focus()
    page.keyboard.press("Enter")
    page.locator("#id_natural_areas-data_year").focus()
    page.keyboard.type("2020")
    page.keyboard.press("Tab")
    page.keyboard.type("2020年统计年鉴")
    # 8. protected areas 6 of 100 ha = 6% → "1%–6%" → 1 point
    page.locator("#id_protected_areas-protected_area_ha").focus()
    page.keyboard.type("6")
    page.locator("#id_protected_areas-city_area_ha").focus()
    page.keyboard.type("100")
    page.get_by_role("button", name="保存并计分").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_text("输入已保存并完成计分。")).to_be_visible()
    expect(page.locator("#cbi-total")).to_have_text("3 / 112")
    natural = page.locator("#indicator-natural_areas")
    expect(natural).to_contain_text("12%")
    expect(natural).to_contain_text("2 / 4")
    expect(natural).to_contain_text("7.0%–13.9%")
    expect(page.locator("#indicator-protected_areas")).to_contain_text("1 / 4")
    # Per input: value, unit, data year and source.
    inputs = page.get_by_role("table", name="指标 1 的输入数据")
    natural_row = inputs.get_by_role("row").nth(1)
    city_row = inputs.get_by_role("row").nth(2)
    for cell in ("12", "ha", "2022", "2022年土地覆被调查"):
        expect(natural_row).to_contain_text(cell)
    for cell in ("100", "ha", "2020", "2020年统计年鉴"):
        expect(city_row).to_contain_text(cell)
    expect(page.locator(".cbi-summary")).to_contain_text("3 / 36")

    # The jurisdiction page shows the components, the chart and its table alternative.
    page.get_by_role("link", name="通辽市").first.click()
    expect(page.locator("#cbi-total")).to_have_text("3 / 112")
    expect(page.get_by_role("img", name="各次评估的组成部分得分")).to_be_visible()
    expect(page.locator("#cbi-trend-table")).to_contain_text("2024")

    assessment = Assessment.objects.get(jurisdiction__code="150500", year=2024)
    assert (assessment.total, assessment.status) == (3, "in_progress")
    assert [url for url in requested if not url.startswith(live_server.url)] == []
    assert not [p for p in problems if "Content Security Policy" in p], problems
