"""An officer records a problem in a key project, its rectification and its closing (销号)
on the progress page — keyboard first, in a real browser; the SVG bars have a table twin."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.plans import demo
from ecotrack.plans.models import Plan, ProjectIssue
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_issue_is_found_rectified_and_closed(page, places, make_user, live_server):
    demo.load(lambda line: None)
    make_user("tongliao-editor", Role.EDITOR, "150500")
    plan = Plan.objects.get(jurisdiction__code="150500")
    box = plan.projects.order_by("position").first()
    log_in(page, "tongliao-editor")
    expect(page.get_by_text("您的角色")).to_be_visible()

    page.goto(f"/plans/{plan.pk}/")
    page.get_by_role("link", name="重点工程进展及问题台账").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="重点工程及其进展")).to_be_visible()
    expect(page.get_by_role("img")).to_have_count(1)  # the bars, with the table below
    expect(page.get_by_role("table").first).to_contain_text(box.title)

    page.get_by_role("link", name=f"为专栏 {box.box} 登记问题").focus()
    page.keyboard.press("Enter")
    page.get_by_label("问题", exact=True).fill("湿地补水不足")
    page.get_by_label("发现日期").fill("2024-03-01")
    page.get_by_label("整改措施").fill("调整生态补水方案")
    page.get_by_label("整改期限").fill("2024-02-01")  # before it was found: refused
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("整改期限不能早于问题发现日期。")).to_be_visible()
    page.get_by_label("整改期限").fill("2024-06-30")
    page.get_by_role("button", name="保存").click()
    issue_row = page.get_by_role("row").filter(has_text="湿地补水不足")
    expect(issue_row).to_contain_text("整改中")
    expect(page.get_by_text("未销号问题：1")).to_be_visible()

    issue_row.get_by_role("link", name="编辑问题").click()
    page.get_by_label("销号日期").fill("2024-06-20")
    page.get_by_label("销号人").fill("通辽市生态环境局 王科长")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("row").filter(has_text="湿地补水不足")).to_contain_text("已销号")
    expect(page.get_by_text("未销号问题：0")).to_be_visible()
    assert ProjectIssue.objects.get().state == "closed"
