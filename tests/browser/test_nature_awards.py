"""The issue's "done when": on the imported Tongliao profile, an editor adds an action with a
quantified target and uploads a resource linked to Nature Pathway step 3; the public page and
the award percentages it shows change accordingly."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.nature.models import Resource, Target
from tests.browser.helpers import log_in
from tests.nature.conftest import import_tongliao

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTION = "建设科尔沁城市绿道网络"
METRIC = "城市绿道总长度"
RESOURCE = "通辽市生物多样性本底调查报告"
# A minimal PDF: the upload check decides the type from the signature, not the name.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def award_rows(page) -> list[list[int]]:
    """The awards table as the public sees it: per module row, the tier percentages."""
    rows = page.locator("table.awards-summary tbody tr")
    return [[int(n) for n in re.findall(r"(\d+)%", rows.nth(i).inner_text())]
            for i in range(rows.count())]


def statistics(page) -> list[str]:
    return page.locator("dl.statistics dd").all_inner_texts()


def test_action_with_target_and_resource_on_step_3_change_page_and_awards(
    page, browser, places, make_user, live_server, tmp_path
):
    import_tongliao(publish=True)
    make_user("tongliao-editor", Role.EDITOR, "150500")
    visitor = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    visitor.goto("/nature/150500/")
    # Rows: city profile, Action Platform, Nature Pathway, Tools & resources hub; each
    # Starter / Frontrunner / Star, exactly as the imported report printed them.
    assert award_rows(visitor) == [[34, 100, 0], [100, 100, 50], [0, 0, 0], [0, 0, 0]]
    assert statistics(visitor) == ["13", "13", "0", "0"]
    step3 = visitor.locator("li.step[value='3']")
    expect(step3).to_contain_text("尚未关联任何上传文件或资源")

    log_in(page, "tongliao-editor", has_roles=True)
    page.goto("/nature/150500/")
    # An own action under a commitment the report lists without actions.
    commitment = page.locator("section.commitment", has_text="促进人们亲近绿色和蓝色空间")
    commitment.get_by_role("link", name="描述一项行动").press("Enter")
    page.get_by_label("自定义标题").fill(ACTION)
    page.get_by_label("城市如何采取行动的说明").fill("新建城市绿道，连接城区公园与西辽河湿地。")
    page.get_by_label("说明的语言").select_option("zh-hans")
    page.get_by_label("已发布").check()
    page.get_by_role("button", name="保存").press("Enter")
    expect(page.get_by_text("行动已保存。")).to_be_visible()

    page.goto("/nature/150500/")
    page.locator("article.action", has_text=ACTION).get_by_role("link", name="设定目标").press(
        "Enter")
    page.get_by_label("衡量指标").fill(METRIC)
    page.get_by_label("单位").fill("km")
    page.get_by_label("方向").select_option("increase")
    page.get_by_label("基准年").fill("2020")
    page.get_by_label("基准值").fill("120")
    page.get_by_label("目标年份").fill("2030")
    page.get_by_label("目标值").fill("320")
    page.get_by_label("已发布").check()
    page.get_by_role("button", name="保存").press("Enter")
    expect(page.get_by_text("目标已保存。")).to_be_visible()

    report = tmp_path / "baseline-survey.pdf"
    report.write_bytes(PDF)
    page.goto("/nature/150500/")
    page.get_by_role("link", name="添加工具或资源").press("Enter")
    page.get_by_label("标题").fill(RESOURCE)
    page.get_by_label("类型").select_option("report")
    page.locator("main").get_by_label("语言", exact=True).select_option("zh-hans")
    page.get_by_label("文件", exact=True).set_input_files(str(report))
    page.get_by_label("3. 设定基线").check()
    page.get_by_label("已发布").check()
    page.get_by_role("button", name="保存").press("Enter")
    expect(page.get_by_text("资源已保存。")).to_be_visible()

    visitor.reload()
    expect(visitor.get_by_role("heading", name=ACTION)).to_be_visible()
    expect(visitor.locator("table.targets")).to_contain_text(METRIC)
    expect(step3.get_by_role("link", name=RESOURCE)).to_be_visible()
    expect(visitor.locator("#resources").get_by_role("link", name=RESOURCE)).to_be_visible()
    assert statistics(visitor) == ["13", "14", "1", "1"]
    # Action Platform Star: the quantified target was its missing item (50 -> 100).
    # Nature Pathway Starter: one step has an upload (0 -> 100); the other tiers need every
    # phase, five or nine steps. Hub Starter: one resource (0 -> 100); Frontrunner: linked to
    # a step but fewer than three resources (0 -> 50).
    assert award_rows(visitor) == [[34, 100, 0], [100, 100, 100], [100, 0, 0], [100, 50, 0]]
    visitor.context.close()

    target = Target.objects.get()
    assert (target.metric, target.action.title) == (METRIC, ACTION)
    assert Resource.objects.get(title=RESOURCE).step_keys == ["set-baseline"]
