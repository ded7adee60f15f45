"""Done-when of issue 5: an officer enters a new observation that moves an indicator from
可达标 to 未达标, and the indicator page shows both values in its history.

Xilinhot 24 村镇饮用水卫生合格率: 66 in 2022 (the plan's table), target 100 in 2030. With
76 (2023) and 86 (2024) the trend (+10 a year) reaches 100 before 2030: 可达标. The officer
corrects 2024 to 70: the trend (+2 a year) no longer does, so 未达标 — and 86 stays in the
history as the superseded revision.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ecotrack.accounts.models import Role
from ecotrack.plans import demo
from ecotrack.plans.models import Observation, ObservationSource, PlanIndicator
from ecotrack.plans.observations import record_observation
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_correction_turns_on_track_into_not_met_and_both_values_stay(
    page, places, make_user, live_server
):
    demo.load(lambda line: None)
    editor = make_user("xilinhot-editor", Role.EDITOR, "152502")
    water = PlanIndicator.objects.get(plan__jurisdiction__code="152502", number="24")
    for year, value in ((2023, 76), (2024, 86)):
        record_observation(water, year, value, ObservationSource.MANUAL, "卫健委", editor)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, "xilinhot-editor")
    expect(page.get_by_text("您的角色")).to_be_visible()

    page.goto(f"/plans/indicators/{water.pk}/")
    outlook_2030 = page.locator("article.assessment").filter(has_text="2030年目标")
    expect(outlook_2030.locator(".status")).to_have_text("可达标")

    page.get_by_role("link", name="录入观测值").focus()
    page.keyboard.press("Enter")
    page.get_by_label("年份", exact=True).fill("2024")
    page.get_by_label("数值", exact=True).fill("70")
    page.get_by_label("方法或来源说明").fill("卫健委复核更正")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("观测值已录入。")).to_be_visible()

    outlook_2030 = page.locator("article.assessment").filter(has_text="2030年目标")
    expect(outlook_2030.locator(".status")).to_have_text("未达标")
    expect(outlook_2030).to_contain_text("观测值：70%")
    history = page.locator("table.observations tbody tr").filter(
        has=page.get_by_role("rowheader", name="2024", exact=True)
    )
    expect(history).to_have_count(2)
    expect(history.filter(has_text="86")).to_contain_text("已被取代")
    expect(history.filter(has_text="70")).to_contain_text("现行")
    expect(history.filter(has_text="70")).to_contain_text("卫健委复核更正")

    revisions = Observation.objects.filter(indicator=water, year=2024).order_by("pk")
    assert [(o.value, o.is_current) for o in revisions] == [(86, False), (70, True)]
    assert [url for url in requested if not url.startswith(live_server.url)] == []
