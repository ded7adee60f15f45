"""Plan pages: the dashboard, the indicator page, the editors' forms and the 403s."""

from __future__ import annotations

from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.plans.models import ComplianceOverride, Observation, Plan


def test_public_sees_published_plans_and_not_drafts(client, demo_plans):
    Plan.objects.filter(pk=demo_plans["152502"].pk).update(is_published=False)
    index = client.get("/plans/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "通辽市“十四五”生态环境保护规划" in index
    assert "锡林浩特市国家生态文明建设示范市创建规划" not in index
    assert client.get(f"/plans/{demo_plans['152502'].pk}/").status_code == 403


def test_dashboard_lists_statuses_and_filters_by_status(client, demo_plans):
    url = f"/plans/{demo_plans['152502'].pk}/"
    page = client.get(url, {"year": 2030, "as_of": 2022}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = page.content.decode()
    assert "村镇饮用水卫生合格率" in html and "生态文明建设规划" in html
    assert "66%不满足≥100" in html  # the engine's explanation is shown
    only = client.get(url, {"year": 2030, "as_of": 2022, "status": "not_met"},
                      HTTP_ACCEPT_LANGUAGE="zh-hans")
    rows = [r.indicator.number for r in only.context["rows"]]
    assert rows == ["24", "26"]
    assert "<svg" in only.content.decode() and "style=" not in only.content.decode()


def test_editor_records_an_observation_and_a_revision_keeps_the_old_value(
    client, demo_plans, make_user
):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    client.force_login(editor)
    forest = demo_plans["150500"].indicators.get(number="15")
    url = f"/plans/indicators/{forest.pk}/observe/"
    first = {"year": 2025, "value": "25.3", "method": "统计公报"}
    assert client.post(url, first).status_code == 302
    assert client.post(url, {"year": 2025, "value": "25.6"}).status_code == 302
    rows = Observation.objects.filter(indicator=forest, year=2025).order_by("pk")
    assert [(o.value, o.is_current) for o in rows] == [(25.3, False), (25.6, True)]
    assert rows[1].supersedes == rows[0] and rows[1].created_by == editor
    page = client.get(f"/plans/indicators/{forest.pk}/", {"as_of": 2026},
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "superseded" in page and "25.3" in page and "25.6" in page


def test_observation_form_needs_a_value_or_a_text(client, demo_plans, make_user):
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    forest = demo_plans["150500"].indicators.get(number="15")
    before = Observation.objects.count()
    response = client.post(f"/plans/indicators/{forest.pk}/observe/", {"year": 2025})
    assert response.status_code == 200 and "value" in response.context["form"].errors
    assert Observation.objects.count() == before


def test_tongliao_editor_cannot_change_xilinhot_plan(client, demo_plans, make_user):
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    xilinhot = demo_plans["152502"]
    water = xilinhot.indicators.get(number="24")
    entries = LogEntry.objects.count()
    observations = Observation.objects.count()
    for url, data in (
        (f"/plans/{xilinhot.pk}/edit/", {"title": "x", "kind": "other", "period_start": 2023,
                                         "period_end": 2030}),
        (f"/plans/indicators/{water.pk}/observe/", {"year": 2025, "value": "100"}),
        (f"/plans/indicators/{water.pk}/override/", {"year": 2030, "status": "met",
                                                     "reason": "x"}),
        (f"/plans/indicators/{water.pk}/edit/", {"direction": "lower_better"}),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, data).status_code == 403
    xilinhot.refresh_from_db()
    water.refresh_from_db()
    assert xilinhot.title.startswith("锡林浩特市") and water.direction == "higher_better"
    assert Observation.objects.count() == observations
    assert not ComplianceOverride.objects.exists()
    assert LogEntry.objects.count() == entries


def test_override_wins_is_explained_and_audited(client, demo_plans, make_user):
    editor = make_user("xilinhot", Role.EDITOR, "152502")
    client.force_login(editor)
    water = demo_plans["152502"].indicators.get(number="24")
    response = client.post(f"/plans/indicators/{water.pk}/override/", {
        "year": 2030, "status": "on_track", "reason": "2024年农村供水工程已开工",
    })
    assert response.status_code == 302
    override = ComplianceOverride.objects.get(indicator=water, year=2030)
    entry = LogEntry.objects.get_for_object(override).get()
    assert entry.actor == editor and entry.action == LogEntry.Action.CREATE
    page = client.get(f"/plans/{water.plan.pk}/", {"year": 2030, "as_of": 2022,
                                                    "status": "on_track"},
                      HTTP_ACCEPT_LANGUAGE="zh-hans")
    row = next(r for r in page.context["rows"] if r.indicator.number == "24")
    assert row.selected.computed_status.value == "not_met"
    assert "人工认定为可达标" in row.explanation and "2024年农村供水工程已开工" in row.explanation
    client.post(f"/plans/overrides/{override.pk}/remove/")
    assert not ComplianceOverride.objects.exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.DELETE,
                                   object_pk=str(override.pk)).exists()


def test_editor_relinks_an_indicator_by_hand(client, demo_plans, make_user):
    client.force_login(make_user("xilinhot", Role.EDITOR, "152502"))
    row = demo_plans["152502"].indicators.get(number="25")  # 城镇污水处理率: not in the library
    assert row.canonical is None
    from ecotrack.plans.models import CanonicalIndicator

    target = CanonicalIndicator.objects.get(key="water.rural_sewage_treatment_rate")
    client.post(f"/plans/indicators/{row.pk}/edit/", {
        "number": row.number, "name": row.name, "category": row.category,
        "canonical": target.pk, "direction": "higher_better", "attribute": "binding",
        "unit": "%", "method_notes": "",
    })
    row.refresh_from_db()
    assert row.canonical == target and row.match_rule == "manual"


def test_cascade_is_for_reviewers_and_shows_the_region_and_the_city(client, demo_plans,
                                                                   make_user):
    url = "/plans/cascade/150000/"
    query = {"indicator": "water.groundwater_class_v_ratio", "year": 2025, "as_of": 2022}
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    assert client.get(url, query).status_code == 403
    client.force_login(make_user("region", Role.REVIEWER, "150000"))
    page = client.get(url, query, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
    codes = [item["row"].indicator.plan.jurisdiction.code for item in page.context["rows"]]
    assert codes == ["150000", "150500"]
    tongliao = page.context["rows"][1]["row"]
    assert tongliao.selected.target.raw == "≤17" and tongliao.status == "not_met"


def test_adopting_the_demonstration_template_by_button(client, places, make_user):
    client.force_login(make_user("horqin", Role.EDITOR, "150502"))
    response = client.post("/plans/adopt/", {"jurisdiction": places["150502"].pk, "year": 2026})
    plan = Plan.objects.get(jurisdiction__code="150502")
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.indicators.count() == 44 and plan.template_key
    other = client.post("/plans/adopt/", {"jurisdiction": places["150500"].pk, "year": 2026})
    assert other.status_code == 403
    assert Plan.objects.count() == 1


def test_target_kinds_are_named_in_the_page_language(client, demo_plans):
    from ecotrack.core.targets import TargetKind
    from ecotrack.plans.templatetags.plan_tags import TARGET_KINDS

    assert set(TARGET_KINDS) == set(TargetKind)  # a new kind needs words before it shows
    # Tongliao's air indicator: its 2025 target is 「达到自治区考核目标」, a reference upwards.
    good_days = demo_plans["150500"].indicators.get(number="1")
    url = f"/plans/indicators/{good_days.pk}/"
    zh = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "达到自治区考核目标</td><td>参照上级目标</td>" in zh
    en = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "达到自治区考核目标</td><td>refers to the level above</td>" in en
