"""A city officer makes a commitment, describes an action in Chinese with the keyboard, and
the public sees it on the CitiesWithNature profile page only after it is published."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.nature.models import ActionEntry, Commitment
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "科尔沁草原外来入侵物种普查已覆盖全部旗县。"


def test_editor_commits_describes_an_action_and_publishes_it(
    page, browser, places, make_user, live_server
):
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    make_user("tongliao-editor", Role.EDITOR, "150500")
    log_in(page, "tongliao-editor", has_roles=True)

    page.goto("/nature/150500/")
    page.get_by_role("link", name="作出承诺").focus()
    page.keyboard.press("Enter")
    page.get_by_label("承诺", exact=True).select_option("manage-invasive-alien-species")
    page.get_by_label("承诺日期").fill("2024-05-22")
    page.get_by_role("button", name="保存").press("Enter")
    expect(page.get_by_text("承诺已保存。")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("管理外来入侵物种")

    page.get_by_role("link", name="描述一项行动").press("Enter")
    page.get_by_label("行动", exact=True).select_option("control-eradicate-invasive-species")
    page.get_by_label("城市如何采取行动的说明").fill(DESCRIPTION)
    page.get_by_label("说明的语言").select_option("zh-hans")
    page.get_by_role("button", name="保存").press("Enter")
    expect(page.get_by_text("行动已保存。")).to_be_visible()

    # Not published yet: a visitor without an account does not see it.
    visitor = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    visitor.goto("/nature/150500/")
    expect(visitor.get_by_text(DESCRIPTION)).to_have_count(0)

    # Publish the commitment and the action, with the keyboard.
    page.get_by_role("link", name="编辑承诺").press("Enter")
    page.get_by_label("已发布").press("Space")
    page.get_by_role("button", name="保存").press("Enter")
    page.get_by_role("link", name="编辑行动").press("Enter")
    page.get_by_label("已发布").press("Space")
    page.get_by_role("button", name="保存").press("Enter")
    expect(page.get_by_text("行动已保存。")).to_be_visible()

    visitor.reload()
    description = visitor.get_by_text(DESCRIPTION)
    expect(description).to_be_visible()
    expect(visitor.locator(".description[lang='zh-Hans']")).to_contain_text(DESCRIPTION)
    expect(
        visitor.get_by_role("heading", name="控制或根除外来入侵物种并防止其引入")
    ).to_be_visible()
    expect(visitor.locator("#cbi")).to_contain_text("未开始")
    visitor.context.close()

    assert Commitment.objects.get(jurisdiction__code="150500").is_published
    assert ActionEntry.objects.get().description == DESCRIPTION
    assert violations == []
