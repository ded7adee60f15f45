"""A city officer uploads the Xilinhot plan, sees the warnings at their cells, corrects one
cell with the keyboard, confirms, and lands on the stored plan — in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.plans.models import PlanIndicator
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XILINHOT = (
    Path(__file__).resolve().parents[2]
    / "ecotrack/demo/reference/documents/plan-xilinhot-2023-2030.txt"
)
TITLE = "锡林浩特市国家生态文明建设示范市创建规划（2023-2030）"


def test_upload_review_correct_with_keyboard_confirm_and_see_plan(page, places, make_user):
    make_user("xilinhot-editor", Role.EDITOR, "152502")
    log_in(page, "xilinhot-editor", has_roles=True)

    page.get_by_role("link", name="导入规划").click()
    expect(page.get_by_label("行政区")).to_have_value("152502")  # the one place they edit
    page.get_by_label("规划文件").set_input_files(str(XILINHOT))
    page.get_by_role("button", name="上传并核对").click()

    expect(page.get_by_role("heading", name=f"核对 {XILINHOT.name}")).to_be_visible()
    expect(page.get_by_label("标题")).to_have_value(TITLE)
    # Every warning is shown at its cell, highlighted.
    expect(page.locator("td.warned")).to_have_count(7)
    cell = page.get_by_role("combobox", name="11 生物多样性保护 / 外来物种入侵 达标情况")
    expect(cell).to_have_value("达标")
    expect(page.locator("td.warned", has=cell)).to_contain_text("it may instead be empty")

    # The warning list links to the cell; the officer follows it and fixes the cell by keyboard.
    page.get_by_role("link", name="外来物种入侵").first.focus()
    page.keyboard.press("Enter")
    cell.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("未达标")
    expect(cell).to_have_class("edited")
    page.keyboard.press("Enter")  # submits with the form's first button: save corrections
    expect(page.get_by_text("更正已保存。尚未导入任何内容。")).to_be_visible()
    expect(cell).to_have_value("未达标")
    expect(page.locator("td.corrected", has=cell)).to_contain_text("原读取值：达标")
    assert not PlanIndicator.objects.exists()

    page.get_by_role("button", name="确认并导入").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.get_by_text("规划已导入。")).to_be_visible()
    row = PlanIndicator.objects.get(name="生物多样性保护", sub_name="外来物种入侵")
    assert row.plan.jurisdiction.code == "152502"
    assert row.plan_compliance_text == "未达标"
    assert ImportDraft.objects.get().status == DraftStatus.IMPORTED
