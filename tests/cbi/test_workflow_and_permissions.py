"""States (not started → in progress → submitted → reviewed), who may move them, and who may
read or change what: a refusal is a 403 and leaves everything as it was."""

from __future__ import annotations

from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.cbi.models import Assessment, IndicatorEntry, Status

NATURAL = {"natural_areas": {"natural_area_ha": "12", "city_area_ha": "100"}}


def _xilingol_assessment(client, make_user, start_assessment, enter) -> Assessment:
    client.force_login(make_user("xilingol-editor", Role.EDITOR, "152500"))
    assessment = start_assessment("152500", 2023)
    assert enter(assessment, "native_biodiversity", NATURAL).status_code == 302
    client.logout()
    return Assessment.objects.get(pk=assessment.pk)


def test_tongliao_editor_cannot_touch_xilingol(
    client, places, make_user, tongliao_editor, start_assessment, enter
):
    assessment = _xilingol_assessment(client, make_user, start_assessment, enter)
    client.force_login(tongliao_editor)
    before = LogEntry.objects.count()
    base = "/cbi/152500/2023"
    # Unpublished: Tongliao's editor may not even read it.
    assert client.get(f"{base}/").status_code == 403
    assert client.get(f"{base}/inputs/native_biodiversity/").status_code == 403
    bad = {"natural_areas-natural_area_ha": "99", "natural_areas-city_area_ha": "100"}
    assert client.post(f"{base}/inputs/native_biodiversity/", bad).status_code == 403
    assert client.post(f"{base}/profile/", {"climate": "x"}).status_code == 403
    for action in ("submit", "publish", "review"):
        assert client.post(f"{base}/transition/", {"action": action}).status_code == 403
    assert client.post("/cbi/152500/start/", {"year": "2024", "edition": "2021"}).status_code == 403

    # Published, it can be read, but still not changed.
    Assessment.objects.filter(pk=assessment.pk).update(is_published=True)
    before = LogEntry.objects.count()
    assert client.get(f"{base}/").status_code == 200
    response = client.post(f"{base}/inputs/native_biodiversity/", bad)
    assert response.status_code == 403
    assert "permission" in response.content.decode().lower() or "权限" in response.content.decode()
    entry = IndicatorEntry.objects.get(assessment=assessment)
    assert entry.inputs == {"natural_area_ha": "12", "city_area_ha": "100"} and entry.score == 2
    assessment.refresh_from_db()
    assert (assessment.status, assessment.climate, assessment.total) == (Status.IN_PROGRESS, "", 2)
    assert LogEntry.objects.count() == before
    assert Assessment.objects.count() == 1


def test_editor_submits_regional_reviewer_marks_reviewed(
    client, places, make_user, start_assessment, enter
):
    assessment = _xilingol_assessment(client, make_user, start_assessment, enter)
    url = "/cbi/152500/2023/transition/"
    editor = make_user("xilinhot-editor", Role.EDITOR, "152502")  # below, not the same place
    reviewer = make_user("region-reviewer", Role.REVIEWER, "150000")
    league_reviewer = make_user("league-reviewer", Role.REVIEWER, "152500")  # same place

    # The assessed jurisdiction's own editor submits.
    client.force_login(make_user("xilingol-2", Role.EDITOR, "152500"))
    assert client.post(url, {"action": "review"}).status_code == 403  # not a reviewer above
    assert client.post(url, {"action": "submit"}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED and assessment.submitted_at is not None
    # Submitted: inputs are frozen, even for the editor.
    assert client.get("/cbi/152500/2023/inputs/native_biodiversity/").status_code == 403

    for user in (editor, league_reviewer):
        client.force_login(user)
        assert client.post(url, {"action": "review"}).status_code == 403
        assessment.refresh_from_db()
        assert assessment.status == Status.SUBMITTED

    client.force_login(reviewer)  # reviewer of 内蒙古自治区, above 锡林郭勒盟
    page = client.get("/cbi/152500/2023/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mark as reviewed" in page
    assert client.post(url, {"action": "review"}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.REVIEWED and assessment.reviewed_by == reviewer
    assert not assessment.is_published  # publication is separate
    entry = LogEntry.objects.get_for_object(assessment).filter(actor=reviewer).get()
    assert entry.changes_dict["status"] == ["submitted", "reviewed"]

    # The reviewer may return it; the editor may then change it again.
    assert client.post(url, {"action": "return"}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_PROGRESS


def test_reviewer_cannot_review_what_they_submitted(
    client, places, make_user, start_assessment, enter
):
    admin = make_user("region-admin", Role.ADMINISTRATOR, "150000")  # edits and reviews below
    client.force_login(admin)
    assessment = start_assessment("152500", 2023)
    enter(assessment, "native_biodiversity", NATURAL)
    url = "/cbi/152500/2023/transition/"
    assert client.post(url, {"action": "submit"}).status_code == 302
    assert client.post(url, {"action": "review"}).status_code == 403
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED


def test_public_sees_only_published_assessments(client, places, make_user, start_assessment, enter):
    assessment = _xilingol_assessment(client, make_user, start_assessment, enter)
    assert client.get("/cbi/152500/2023/").status_code == 403
    assert "2023" not in client.get("/cbi/152500/").content.decode()
    assert "锡林郭勒盟" not in client.get("/cbi/").content.decode()

    client.force_login(make_user("xilingol-2", Role.EDITOR, "152500"))
    assert client.post("/cbi/152500/2023/transition/", {"action": "publish"}).status_code == 302
    client.logout()
    assessment.refresh_from_db()
    assert assessment.is_published and assessment.status == Status.IN_PROGRESS
    assert client.get("/cbi/152500/2023/").status_code == 200
    assert "锡林郭勒盟" in client.get("/cbi/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    # The public sees no history and no edit buttons.
    page = client.get("/cbi/152500/2023/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "History" not in page and "Enter inputs" not in page


def test_anonymous_start_is_sent_to_login(client, places):
    response = client.post("/cbi/150500/start/", {"year": "2024", "edition": "2021"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Assessment.objects.exists()
