"""Officers build a plan by hand: the plan, its indicators and targets, milestones and 专栏.

Every page is refused (403) to anyone who may not edit the plan's jurisdiction, with nothing
changed; the audit trail names the officer for every change that is made.
"""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.accounts.models import Role
from ecotrack.plans.models import (
    KeyProject,
    Observation,
    Plan,
    PlanIndicator,
    ReviewMilestone,
    Target,
)

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _plan_data(**extra: Any) -> dict[str, Any]:
    data = {"title": "通辽市生物多样性保护规划", "kind": "other", "period_start": 2024,
            "period_end": 2030, "base_year": 2023, "issuing_body": "通辽市生态环境局",
            "issued_date": "2024-06-05", "source_url": ""}
    data.update(extra)
    return data


def _formset(prefix: str, rows: list[dict[str, Any]], initial: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = {f"{prefix}-TOTAL_FORMS": len(rows),
                            f"{prefix}-INITIAL_FORMS": initial,
                            f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{key}": value for key, value in row.items()})
    return data


@pytest.fixture
def tongliao_editor(client, places, make_user):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    client.force_login(editor)
    return editor


def test_an_editor_creates_a_plan_by_hand_with_its_source_document(client, tongliao_editor):
    document = SimpleUploadedFile("规划.txt", "通辽市生物多样性保护规划（2024—2030年）".encode())
    response = client.post("/plans/new/", {"place": _place_pk("150500"),
                                           "source_upload": document, **_plan_data()})
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert (plan.jurisdiction.code, plan.period_start, plan.period_end, plan.base_year) == (
        "150500", 2024, 2030, 2023)
    assert plan.source_filename == "规划.txt" and len(plan.source_sha256) == 64
    assert plan.source_file.read().decode().startswith("通辽市")
    assert not plan.is_published  # a new plan is a draft until it is published
    entry = LogEntry.objects.get_for_object(plan).get()
    assert entry.actor == tongliao_editor and entry.action == LogEntry.Action.CREATE
    assert "新建规划" in client.get("/plans/", **ZH).content.decode()


def test_a_plan_by_hand_is_checked(client, tongliao_editor):
    bad = _plan_data(period_start=2030, period_end=2024)
    response = client.post("/plans/new/", {"place": _place_pk("150500"), **bad})
    assert response.status_code == 200 and "period_end" in response.context["form"].errors
    image = SimpleUploadedFile("plan.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    response = client.post("/plans/new/", {"place": _place_pk("150500"),
                                           "source_upload": image, **_plan_data()})
    assert "source_upload" in response.context["form"].errors
    assert not Plan.objects.exists()


def test_creating_a_plan_for_another_jurisdiction_is_refused(client, places, make_user):
    client.force_login(make_user("nobody"))
    assert client.get("/plans/new/").status_code == 403
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    response = client.post("/plans/new/", {"place": _place_pk("152502"), **_plan_data()})
    assert response.status_code == 403 and not Plan.objects.exists()


def test_edit_metadata_then_publish_and_withdraw(client, tongliao_editor, demo_plans):
    plan = demo_plans["150500"]
    form = _plan_data(title=plan.title, kind=plan.kind, period_start=2021, period_end=2025,
                      base_year=2020, source_url="https://www.tongliao.gov.cn/plan.pdf",
                      is_published="on")
    assert client.post(f"/plans/{plan.pk}/edit/", form).status_code == 302
    plan.refresh_from_db()
    assert plan.issuing_body == "通辽市生态环境局" and plan.source_url.endswith("plan.pdf")
    client.post(f"/plans/{plan.pk}/publish/", {"publish": "0"})
    plan.refresh_from_db()
    assert not plan.is_published
    client.logout()
    assert client.get(f"/plans/{plan.pk}/").status_code == 403
    client.force_login(tongliao_editor)
    client.post(f"/plans/{plan.pk}/publish/", {"publish": "1"})
    client.logout()
    assert client.get(f"/plans/{plan.pk}/").status_code == 200


def test_indicator_with_targets_shows_what_the_core_read(client, tongliao_editor, demo_plans):
    plan = demo_plans["150500"]
    response = client.post(f"/plans/{plan.pk}/indicators/new/", {
        "number": "22", "category": "生态保护", "name": "湿地保护率", "unit": "%",
        "attribute": "expected", "direction": "higher_better",
    })
    ind = PlanIndicator.objects.get(plan=plan, number="22")
    assert response["Location"] == f"/plans/indicators/{ind.pk}/targets/"
    assert ind.position == 22 and ind.seq == 22
    url = f"/plans/indicators/{ind.pk}/targets/"
    rows = [{"year": 2025, "text": "≥ 50"}, {"year": 2030, "text": "详见附表"},
            {"year": "", "text": "不降低", "is_standard_value": "on"}]
    assert client.post(url, _formset("targets", rows)).status_code == 302
    assert {(t.year, t.text) for t in ind.targets.all()} == {
        (2025, "≥ 50"), (2030, "详见附表"), (None, "不降低")}
    page = client.get(url, **ZH).content.decode()
    assert "<td>≥50</td>" in page and "数值" in page  # 「≥ 50」 read as the number ≥ 50
    assert "无法识别该目标" in page  # 「详见附表」 is unknown, and the page says what to do
    english = client.get(url, **EN).content.decode()
    assert "not lower than the baseline" in english and "could not read this target" in english
    # Edit one, delete another; a second target for the same year is refused.
    saved = list(ind.targets.order_by("is_standard_value", "year"))
    rows = [{"id": saved[0].pk, "year": 2025, "text": "≥55"},
            {"id": saved[1].pk, "year": 2030, "text": "详见附表", "DELETE": "on"},
            {"id": saved[2].pk, "year": "", "text": "不降低", "is_standard_value": "on"}]
    client.post(url, _formset("targets", rows, initial=3))
    assert {(t.year, t.text) for t in ind.targets.all()} == {(2025, "≥55"), (None, "不降低")}
    twice = _formset("targets", [{"year": 2026, "text": "≥60"}, {"year": 2026, "text": "≥61"}])
    assert client.post(url, twice).status_code == 200
    assert ind.targets.count() == 2


def test_edit_and_delete_an_indicator_with_its_revisions(client, tongliao_editor, demo_plans):
    forest = demo_plans["150500"].indicators.get(number="15")
    linked, rule = forest.canonical_id, forest.match_rule
    observe = f"/plans/indicators/{forest.pk}/observe/"
    client.post(observe, {"year": 2023, "value": "24.1"})
    client.post(observe, {"year": 2023, "value": "24.3"})  # a revision of the first
    client.post(f"/plans/indicators/{forest.pk}/edit/", {
        "number": "15", "name": "森林覆盖率", "unit": "%", "attribute": "binding",
        "direction": "higher_better", "category": "生态系统质量", "method_notes": "林草局年报",
        "canonical": linked,
    })
    forest.refresh_from_db()
    assert forest.method_notes == "林草局年报"
    assert (forest.canonical_id, forest.match_rule) == (linked, rule)  # the link is kept
    taken = client.post(f"/plans/indicators/{forest.pk}/edit/", {
        "number": "14", "name": "森林覆盖率", "direction": "higher_better"})
    assert "number" in taken.context["form"].errors
    confirm = client.get(f"/plans/indicators/{forest.pk}/delete/", **EN).content.decode()
    assert "1 targets and 3 observations" in confirm
    assert client.post(f"/plans/indicators/{forest.pk}/delete/").status_code == 302
    assert not PlanIndicator.objects.filter(pk=forest.pk).exists()
    assert not Observation.objects.filter(indicator_id=forest.pk).exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=str(forest.pk),
                                   actor=tongliao_editor).exists()


def test_review_milestones_are_edited_and_added(client, places, make_user, demo_plans):
    client.force_login(make_user("region-admin", Role.ADMINISTRATOR, "150000"))
    plan = demo_plans["150000"]
    midterm, final = plan.milestones.order_by("year")
    url = f"/plans/{plan.pk}/milestones/"
    rows = [
        {"id": midterm.pk, "kind": "midterm", "year": 2023, "due_date": "2024-03-31",
         "status": "done", "notes": "中期评估报告已报送生态环境部"},
        {"id": final.pk, "kind": "final", "year": 2025, "due_date": "2025-12-31",
         "status": "in_progress", "notes": ""},
        {"kind": "annual", "year": 2024, "due_date": "2025-03-31", "status": "planned",
         "notes": ""},
    ]
    assert client.post(url, _formset("milestones", rows, initial=2)).status_code == 302
    midterm.refresh_from_db()
    assert (str(midterm.due_date), midterm.status) == ("2024-03-31", "done")
    assert plan.milestones.count() == 3
    page = client.get(f"/plans/{plan.pk}/", **ZH).content.decode()
    assert "中期评估报告已报送生态环境部" in page and "年度监测" in page


def test_key_project_box_with_items_and_progress(client, make_user, demo_plans):
    client.force_login(make_user("xilinhot", Role.EDITOR, "152502"))
    plan = demo_plans["152502"]
    items = _formset("items", [
        {"code": "（一）", "title": "城镇污水处理厂提标改造", "text": "出水达到一级A标准"},
        {"code": "", "title": "", "text": ""},  # an empty item is left out
    ])
    response = client.post(f"/plans/{plan.pk}/projects/new/", {
        "box": "9", "title": "水污染防治重点工程", "progress_percent": 40,
        "progress": "提标改造已完成设计", **items,
    })
    assert response.status_code == 302
    box = KeyProject.objects.get(plan=plan, box="9")
    assert box.progress_percent == 40 and box.position == plan.projects.count()
    assert box.items == [{"code": "（一）", "title": "城镇污水处理厂提标改造",
                          "text": "出水达到一级A标准"}]
    page = client.get(f"/plans/{plan.pk}/", **ZH).content.decode()
    assert 'value="40"' in page and "提标改造已完成设计" in page
    too_much = client.post(f"/plans/projects/{box.pk}/edit/", {
        "box": "9", "title": "水污染防治重点工程", "progress_percent": 140,
        **_formset("items", [])})
    assert "progress_percent" in too_much.context["form"].errors
    client.post(f"/plans/projects/{box.pk}/edit/", {
        "box": "9", "title": "水污染防治重点工程", "progress_percent": 100, "progress": "",
        **_formset("items", [{"code": "（一）", "title": "城镇污水处理厂提标改造", "text": "",
                              "DELETE": "on"}])})
    box.refresh_from_db()
    assert box.progress_percent == 100 and box.items == []
    client.post(f"/plans/projects/{box.pk}/delete/")
    assert not KeyProject.objects.filter(pk=box.pk).exists()


def test_tongliao_editor_is_refused_everywhere_on_xilinhots_plan(client, demo_plans,
                                                                  tongliao_editor):
    plan = demo_plans["152502"]
    ind = plan.indicators.get(number="24")
    box = KeyProject.objects.create(plan=plan, box="1", title="生态保护修复", progress_percent=10)
    before = _state(plan)
    entries = LogEntry.objects.count()
    pages = [
        (f"/plans/{plan.pk}/edit/", _plan_data(title="x")),
        (f"/plans/{plan.pk}/publish/", {"publish": "0"}),
        (f"/plans/{plan.pk}/milestones/", _formset("milestones", [
            {"kind": "annual", "year": 2024, "status": "done"}])),
        (f"/plans/{plan.pk}/indicators/new/", {"number": "99", "name": "x",
                                               "direction": "higher_better"}),
        (f"/plans/{plan.pk}/projects/new/", {"box": "99", "title": "x",
                                             **_formset("items", [])}),
        (f"/plans/indicators/{ind.pk}/edit/", {"number": "24", "name": "x",
                                               "direction": "lower_better"}),
        (f"/plans/indicators/{ind.pk}/targets/", _formset("targets", [
            {"year": 2031, "text": "100"}])),
        (f"/plans/indicators/{ind.pk}/delete/", {}),
        (f"/plans/projects/{box.pk}/edit/", {"box": "1", "title": "x",
                                             **_formset("items", [])}),
        (f"/plans/projects/{box.pk}/delete/", {}),
    ]
    for url, data in pages:
        assert client.post(url, data).status_code == 403, url
        if not url.endswith(("/publish/", "/projects/" + str(box.pk) + "/delete/")):
            assert client.get(url).status_code == 403, url
    assert _state(plan) == before
    assert LogEntry.objects.count() == entries


def _place_pk(code: str) -> int:
    from ecotrack.places.models import Jurisdiction

    return Jurisdiction.objects.get(code=code).pk


def _state(plan: Plan) -> tuple[Any, ...]:
    plan.refresh_from_db()
    return (
        plan.title, plan.is_published,
        list(PlanIndicator.objects.filter(plan=plan).values_list("number", "name", "direction")),
        list(Target.objects.filter(indicator__plan=plan).values_list("year", "text")),
        list(ReviewMilestone.objects.filter(plan=plan).values_list("kind", "year", "status")),
        list(KeyProject.objects.filter(plan=plan).values_list("box", "title", "items")),
        Observation.objects.filter(indicator__plan=plan).count(),
    )
