"""The issue's "done when", in a real browser and in 简体中文: a city editor completes a baseline
assessment (Part I and indicators in all three components) and submits it; a reviewer of the
region above marks it reviewed; a second assessment shows the change against the baseline per
indicator, per component and in total.

Expected points come from the band tables of the research note (stated next to each input), and
the changes are worked out from those points, not read from the application.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.cbi.models import Assessment, Status
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NATIVE = "城市本地生物多样性"
SERVICES = "生物多样性提供的生态系统服务"
GOVERNANCE = "生物多样性的治理与管理"


def press(page: Any, locator: Any) -> None:
    """Activate a link or button from the keyboard."""
    locator.focus()
    page.keyboard.press("Enter")


def type_into(page: Any, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


def start(page: Any, year: int) -> None:
    page.goto("/cbi/150500/")
    press(page, page.get_by_role("link", name="开始评估"))
    type_into(page, "#id_year", str(year))
    page.keyboard.press("Enter")
    expect(page.get_by_text("评估已开始。")).to_be_visible()


def open_component(page: Any, name: str) -> None:
    press(page, page.get_by_role("link", name=f"填报：{name}"))


def save_inputs(page: Any) -> None:
    press(page, page.get_by_role("button", name="保存并计分"))
    expect(page.get_by_text("输入已保存并完成计分。")).to_be_visible()


def enter_year(page: Any, year: int, inputs: dict[str, Any]) -> None:
    """Native biodiversity (indicators 1, 2, 8), ecosystem services (10), governance (22)."""
    open_component(page, NATIVE)
    type_into(page, "#id_natural_areas-natural_area_ha", inputs["natural"])
    # Each figure's own data year and source follow it; empty, the indicator's apply.
    for _field in ("data year", "source", "city area"):
        page.keyboard.press("Tab")
    page.keyboard.type("100")
    # Data year and source sit in a closed <details>: open it from the keyboard.
    press(page, page.locator("#indicator-natural_areas summary"))
    type_into(page, "#id_natural_areas-data_year", str(year - 1))
    page.keyboard.press("Tab")
    page.keyboard.type("土地覆被图")
    # One group area per line.
    page.locator("#id_connectivity-patch_group_areas_ha").focus()
    for i, area in enumerate(inputs["groups"]):
        if i:
            page.keyboard.press("Enter")
        page.keyboard.type(area)
    type_into(page, "#id_protected_areas-protected_area_ha", "6")
    type_into(page, "#id_protected_areas-city_area_ha", "100")
    save_inputs(page)

    open_component(page, SERVICES)
    type_into(page, "#id_water_regulation-permeable_area_ha", inputs["permeable"])
    type_into(page, "#id_water_regulation-terrestrial_area_ha", "100")
    save_inputs(page)

    open_component(page, GOVERNANCE)
    page.locator("#id_public_consultation-answer").select_option(inputs["consultation"])
    save_inputs(page)


def change_cell(page: Any, key: str) -> Any:
    # The last column of an indicator row is "较基线" (since baseline) when there is one column of
    # changes only: in the second assessment the previous one is the baseline.
    return page.locator(f"#indicator-{key} td").last


def component_row(page: Any, name: str) -> Any:
    return page.locator(".cbi-summary tbody tr").filter(has_text=name)


def test_editor_completes_reviewer_above_reviews_second_year_shows_change(
    page: Any, browser: Any, live_server: Any, places: Any, make_user: Any
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    make_user("tongliao-editor", Role.EDITOR, "150500")
    make_user("region-reviewer", Role.REVIEWER, "150000")  # 内蒙古自治区, the level above

    # --- Baseline, 2021 -----------------------------------------------------------------
    log_in(page, "tongliao-editor", has_roles=True)
    start(page, 2021)
    press(page, page.get_by_role("link", name="编辑第一部分：城市概况"))
    type_into(page, "#id_climate", "温带大陆性季风气候")
    press(page, page.get_by_role("button", name="保存"))
    enter_year(
        page,
        2021,
        {
            "natural": "12",  # 12% → "7.0%–13.9%" → 2
            "groups": ["60", "30", "10"],  # coherence 4600 / 100² = 46% → "40%–59.9%" → 2
            # protected areas 6 of 100 = 6% → "1%–6%" (6 inclusive) → 1
            "permeable": "35",  # 35% → "30%–39.9%" → 1
            "consultation": "considered",  # "being considered" → 1
        },
    )
    # Native biodiversity 2 + 2 + 1 = 5 of 36; services 1 of 20; governance 1 of 56; total 7.
    expect(page.locator("#cbi-total")).to_have_text("7 / 112")
    expect(component_row(page, NATIVE)).to_contain_text("5 / 36")
    expect(page.get_by_text("这是基线评估：之后的评估都与之比较。")).to_be_visible()
    expect(page.locator(".cbi-profile")).to_contain_text("温带大陆性季风气候")
    expect(page.locator("#indicator-natural_areas")).to_contain_text("土地覆被图")

    press(page, page.get_by_role("button", name="提交审核"))
    expect(page.get_by_text("评估已提交审核。")).to_be_visible()
    expect(page.locator(".badge-status")).to_have_text("已提交")
    # Submitted: the editor can no longer change inputs, and cannot review their own city.
    expect(page.get_by_role("link", name=f"填报：{NATIVE}")).to_have_count(0)
    expect(page.get_by_role("button", name="标记为已审核")).to_have_count(0)

    # --- The regional reviewer marks it reviewed ------------------------------------------
    reviewer_context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    reviewer = reviewer_context.new_page()
    reviewer.set_default_timeout(15_000)
    log_in(reviewer, "region-reviewer", has_roles=True)
    reviewer.goto("/cbi/150500/2021/")
    expect(reviewer.locator("#cbi-total")).to_have_text("7 / 112")
    press(reviewer, reviewer.get_by_role("button", name="标记为已审核"))
    expect(reviewer.get_by_text("评估已标记为审核通过。")).to_be_visible()
    expect(reviewer.locator(".badge-status")).to_have_text("已审核")
    reviewer_context.close()

    baseline = Assessment.objects.get(jurisdiction__code="150500", year=2021)
    assert baseline.status == Status.REVIEWED
    assert (baseline.submitted_by.username, baseline.reviewed_by.username) == (
        "tongliao-editor",
        "region-reviewer",
    )

    # --- Second assessment, 2024 ------------------------------------------------------------
    start(page, 2024)
    enter_year(
        page,
        2024,
        {
            "natural": "15",  # 15% → "14.0%–20.0%" → 3 (was 2: +1)
            # 80, 20: (6400 + 400) / 100² = 68% → "60%–79.9%" → 3 (was 2: +1)
            "groups": ["80", "20"],
            # protected areas unchanged: 1 (±0)
            "permeable": "45",  # 45% → "40%–49.9%" → 2 (was 1: +1)
            "consultation": "being_implemented",  # → 3 (was 1: +2)
        },
    )
    # Native 3 + 3 + 1 = 7 (+2); services 2 (+1); governance 3 (+2); total 12 (+5).
    expect(page.locator("#cbi-total")).to_have_text("12 / 112")
    expect(page.get_by_text("变化相对于基线（2021 年）")).to_be_visible()
    expect(page.locator(".cbi-summary thead")).to_contain_text("较基线变化")
    expected_components = {NATIVE: ("7 / 36", "+2"), SERVICES: ("2 / 20", "+1")}
    expected_components[GOVERNANCE] = ("3 / 56", "+2")
    for name, (score, change) in expected_components.items():
        row = component_row(page, name)
        expect(row).to_contain_text(score)
        expect(row.locator("td").last).to_have_text(change)
    expect(page.locator(".cbi-summary tfoot td").last).to_have_text("+5")
    expected_changes = {
        "natural_areas": "+1",
        "connectivity": "+1",
        "protected_areas": "±0",
        "water_regulation": "+1",
        "public_consultation": "+2",
    }
    for key, change in expected_changes.items():
        expect(change_cell(page, key)).to_have_text(change)
    # An indicator answered in neither year shows no change.
    expect(change_cell(page, "tree_canopy")).to_have_text("—")

    # The jurisdiction page charts both assessments.
    page.goto("/cbi/150500/")
    expect(page.locator("#cbi-trend-table")).to_contain_text("2021")
    expect(page.locator("#cbi-trend-table")).to_contain_text("2024")

    second = Assessment.objects.get(jurisdiction__code="150500", year=2024)
    assert (second.total, second.status) == (12, Status.IN_PROGRESS)
    assert [url for url in requested if not url.startswith(live_server.url)] == []
