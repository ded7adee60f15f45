"""A city officer enters an observation and sees the compliance status change on the plan
dashboard — in a real browser, keyboard first, no external assets."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.plans import demo
from ecotrack.plans.models import Observation, Plan
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_enters_an_observation_and_the_dashboard_status_changes(
    page, places, make_user, live_server
):
    demo.load(lambda line: None)
    make_user("tongliao-editor", Role.EDITOR, "150500")
    plan = Plan.objects.get(jurisdiction__code="150500")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, "tongliao-editor")
    expect(page.get_by_text("您的角色")).to_be_visible()

    dashboard = f"/plans/{plan.pk}/?year=2025&as_of=2026"
    page.goto(dashboard)
    forest = page.get_by_role("row").filter(has_text="森林覆盖率")
    expect(forest).to_contain_text("无数据")

    forest.get_by_role("link", name="森林覆盖率").click()
    page.get_by_role("link", name="录入观测值").focus()
    page.keyboard.press("Enter")
    page.get_by_label("年份", exact=True).fill("2025")
    page.get_by_label("数值", exact=True).fill("25.3")
    page.get_by_label("方法或来源说明").fill("通辽市林业和草原局统计")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("观测值已录入。")).to_be_visible()

    page.goto(dashboard)
    forest = page.get_by_role("row").filter(has_text="森林覆盖率")
    expect(forest).to_contain_text("达标")
    expect(forest).to_contain_text("25.3%满足≥25")
    page.get_by_label("状态", exact=True).select_option("met")
    page.get_by_role("button", name="显示").click()
    expect(page.get_by_role("row").filter(has_text="森林覆盖率")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="草原综合植被盖度")).to_have_count(0)

    assert Observation.objects.get(indicator__plan=plan, year=2025).value == 25.3
    assert [url for url in requested if not url.startswith(live_server.url)] == []
