"""A city officer logs in with the keyboard, edits the profile, switches language and sees the
change in the history — in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.places.models import Profile
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_edits_profile_switches_language_and_sees_history(page, places, make_user):
    make_user("tongliao-editor", Role.EDITOR, "150500")
    log_in(page, "tongliao-editor")
    expect(page.get_by_text("您的角色")).to_be_visible()

    page.goto("/places/150500/")
    page.get_by_role("link", name="编辑概况").focus()
    page.keyboard.press("Enter")
    page.get_by_label("人口", exact=True).fill("2807000")
    page.get_by_label("人口统计年份").fill("2020")
    page.get_by_label("政府首长").fill("Dalentai Qi")
    page.get_by_label("已发布").check()
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("概况已保存。")).to_be_visible()

    page.get_by_role("link", name="编辑概况").click()
    page.get_by_label("人口", exact=True).fill("2850000")
    page.get_by_role("button", name="保存").click()

    # Switch to English with the keyboard only.
    page.get_by_label("语言").select_option("en")
    page.get_by_role("button", name="切换").press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="History")).to_be_visible()
    history = page.locator(".history")
    expect(history).to_contain_text("tongliao-editor")
    expect(history).to_contain_text(re.compile(r"2807000.*2850000", re.S))
    assert Profile.objects.get(jurisdiction__code="150500").population == 2850000


def test_editor_of_tongliao_sees_403_page_for_xilingol(page, places, make_user):
    make_user("tongliao-editor", Role.EDITOR, "150500")
    log_in(page, "tongliao-editor")
    expect(page.get_by_text("您的角色")).to_be_visible()
    response = page.goto("/places/152500/profile/edit/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", name="无权操作")).to_be_visible()
    assert not Profile.objects.filter(jurisdiction__code="152500").exists()


def test_tree_search_works_with_keyboard_and_page_has_no_external_assets(page, places, live_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/places/")
    page.get_by_label("按名称或代码搜索").fill("锡林")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="锡林浩特市")).to_be_visible()
    expect(page.get_by_role("link", name="通辽市")).to_have_count(0)
    assert requested, "the browser made no requests at all"
    assert [url for url in requested if not url.startswith(live_server.url)] == []
