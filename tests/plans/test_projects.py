"""Key projects (专栏) with investment, period, unit and status, their issue ledger
(problem → rectification → closed/销号) and the progress page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.plans.models import KeyProject, ProjectIssue

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


@pytest.fixture
def tongliao(demo_plans):
    return demo_plans["150500"]


@pytest.fixture
def box(tongliao):
    return tongliao.projects.order_by("position").first()


def _project_post(**extra):
    data = {"box": "1", "title": "西辽河流域水生态修复", "content": "河道清淤、湿地恢复",
            "investment": "12500.50", "start_year": 2022, "end_year": 2025,
            "responsible_unit": "通辽市水务局", "status": "under_way", "progress_percent": 40,
            "progress": "", "items-TOTAL_FORMS": 0, "items-INITIAL_FORMS": 0,
            "items-MIN_NUM_FORMS": 0, "items-MAX_NUM_FORMS": 1000}
    data.update(extra)
    return data


def test_demo_plans_keep_their_boxes_with_items(box):
    assert box is not None and box.items  # the parsed 专栏 boxes still load with their items
    assert box.status == "planned"


def test_an_editor_gives_a_box_investment_period_unit_and_status(client, make_user, box):
    editor = make_user("tl", Role.EDITOR, "150500")
    client.force_login(editor)
    items = box.items
    data = _project_post(**{"items-TOTAL_FORMS": len(items), "items-INITIAL_FORMS": len(items)})
    for i, item in enumerate(items):
        data.update({f"items-{i}-code": item.get("code") or "",
                     f"items-{i}-title": item.get("title") or "",
                     f"items-{i}-text": item.get("text") or ""})
    response = client.post(f"/plans/projects/{box.pk}/edit/", data)
    assert response.status_code == 302
    box.refresh_from_db()
    assert (box.investment, box.start_year, box.end_year, box.responsible_unit, box.status) == (
        Decimal("12500.50"), 2022, 2025, "通辽市水务局", "under_way")
    assert len(box.items) == len(items)  # items kept
    assert LogEntry.objects.get_for_object(box).filter(actor=editor).exists()


def test_a_box_period_must_be_in_order(client, make_user, box):
    client.force_login(make_user("tl", Role.EDITOR, "150500"))
    response = client.post(f"/plans/projects/{box.pk}/edit/",
                           _project_post(start_year=2025, end_year=2022))
    assert response.status_code == 200 and "end_year" in response.context["form"].errors
    response = client.post(f"/plans/projects/{box.pk}/edit/", _project_post(investment="-1"))
    assert "investment" in response.context["form"].errors
    box.refresh_from_db()
    assert box.status == "planned" and box.investment is None


def test_an_issue_goes_from_open_to_rectifying_to_closed(client, make_user, box):
    client.force_login(make_user("tl", Role.EDITOR, "150500"))
    url = f"/plans/projects/{box.pk}/issues/new/"
    response = client.post(url, {"problem": "湿地补水不足", "found_on": "2024-03-01"})
    assert response.status_code == 302
    issue = ProjectIssue.objects.get()
    assert issue.state == "open"
    edit = f"/plans/issues/{issue.pk}/edit/"
    client.post(edit, {"problem": "湿地补水不足", "found_on": "2024-03-01",
                       "measure": "调整生态补水方案", "due_on": "2024-06-30"})
    issue.refresh_from_db()
    assert issue.state == "rectifying"
    page = client.get(f"/plans/{box.plan_id}/progress/", **ZH).content.decode()
    assert "湿地补水不足" in page and "整改中" in page
    client.post(edit, {"problem": "湿地补水不足", "found_on": "2024-03-01",
                       "measure": "调整生态补水方案", "due_on": "2024-06-30",
                       "closed_on": "2024-06-20", "closed_by": "市生态环境局 王科长"})
    issue.refresh_from_db()
    assert issue.state == "closed" and issue.closed_by == "市生态环境局 王科长"
    response = client.get(f"/plans/{box.plan_id}/progress/", **ZH)
    assert response.context["open_count"] == 0


@pytest.mark.parametrize("data, field", [
    ({"due_on": "2024-02-01", "measure": "x"}, "due_on"),  # due before found
    ({"closed_on": "2024-02-01", "measure": "x", "closed_by": "王"}, "closed_on"),
    ({"closed_on": "2024-04-01", "closed_by": "王"}, "measure"),  # closed without a measure
    ({"closed_on": "2024-04-01", "measure": "x"}, "closed_by"),
    ({"due_on": "2024-04-01"}, "measure"),
])
def test_issue_dates_and_steps_are_in_order(client, make_user, box, data, field):
    client.force_login(make_user("tl", Role.EDITOR, "150500"))
    response = client.post(f"/plans/projects/{box.pk}/issues/new/",
                           {"problem": "p", "found_on": "2024-03-01", **data})
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not ProjectIssue.objects.exists()


def test_others_may_not_edit_projects_or_issues(client, make_user, box):
    issue = ProjectIssue.objects.create(project=box, problem="p", found_on="2024-03-01")
    for user in (make_user("xl", Role.EDITOR, "152502"), make_user("rv", Role.REVIEWER, "150000")):
        client.force_login(user)
        assert client.post(f"/plans/projects/{box.pk}/issues/new/",
                           {"problem": "q", "found_on": "2024-03-01"}).status_code == 403
        assert client.post(f"/plans/issues/{issue.pk}/edit/",
                           {"problem": "q", "found_on": "2024-03-01", "measure": "m"}
                           ).status_code == 403
        assert client.post(f"/plans/projects/{box.pk}/edit/", _project_post()).status_code == 403
    issue.refresh_from_db()
    box.refresh_from_db()
    assert (ProjectIssue.objects.count(), issue.problem, issue.measure) == (1, "p", "")
    assert box.status == "planned"


def test_progress_page_table_and_bars(client, make_user, tongliao):
    projects = list(tongliao.projects.all())
    first = projects[0]
    first.progress_percent, first.status = 60, "delayed"
    first.save()
    ProjectIssue.objects.create(project=first, problem="进度滞后", found_on="2024-05-01")
    response = client.get(f"/plans/{tongliao.pk}/progress/", **ZH)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<tr class="project-') == len(projects)
    assert 'width="180.0"' in page  # 60 % of the 300-wide track
    assert "已延期" in page and "进度滞后" in page and 'style="' not in page
    assert response.context["open_count"] == 1


def test_unpublished_plan_progress_for_reviewers_only(client, make_user, tongliao):
    tongliao.is_published = False
    tongliao.save()
    assert client.get(f"/plans/{tongliao.pk}/progress/").status_code == 403
    client.force_login(make_user("rv", Role.REVIEWER, "150000"))
    assert client.get(f"/plans/{tongliao.pk}/progress/").status_code == 200


def test_closing_needs_measure_in_the_database_too(box):
    from django.db import IntegrityError, transaction
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyProject.objects.none()
        ProjectIssue.objects.create(project=box, problem="p", found_on="2024-03-01",
                                    closed_on="2024-03-02", closed_by="王")


def test_date_fields_show_iso_dates_that_a_date_input_accepts(client, make_user, box):
    """In 简体中文 Django formats dates as 2024/03/01, which <input type=date> drops."""
    issue = ProjectIssue.objects.create(project=box, problem="p", found_on="2024-03-01")
    client.force_login(make_user("tl", Role.EDITOR, "150500"))
    page = client.get(f"/plans/issues/{issue.pk}/edit/", **ZH).content.decode()
    assert 'type="date" name="found_on" value="2024-03-01"' in page


def test_a_box_is_named_in_the_page_language(client, make_user, box):
    client.force_login(make_user("tl", Role.EDITOR, "150500"))
    url = f"/plans/projects/{box.pk}/issues/new/"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, **ZH).content.decode()
    assert f"Box {box.box} {box.title}" in english and f"专栏 {box.box}" not in english
    assert f"专栏 {box.box} {box.title}" in chinese
