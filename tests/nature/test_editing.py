"""Editors make commitments, describe actions, set targets and update pathway steps; the
permission layer decides, and a refused request answers 403 and changes nothing."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.nature.models import ActionEntry, Commitment, OtherCommitment, PathwayStep, Target


@pytest.fixture
def tongliao_editor(client, places, make_user):
    user = make_user("tongliao", Role.EDITOR, "150500")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


@pytest.fixture
def xilingol_commitment(places):
    commitment = Commitment.objects.create(
        jurisdiction=places["152500"], commitment_key="control-pollution", is_published=True
    )
    action = ActionEntry.objects.create(
        jurisdiction=places["152500"],
        commitment=commitment,
        action_key="reduce-other-pollution",
        description="锡林郭勒盟的行动",
        is_published=True,
    )
    return commitment, action


def test_editor_makes_a_commitment_describes_an_action_and_sets_a_target(client, tongliao_editor):
    response = client.post(
        "/nature/150500/commitments/new/",
        {
            "commitment_key": "conserve-restore-fauna-flora",
            "committed_on": "2024-05-22",
            "is_published": "on",
        },
    )
    commitment = Commitment.objects.get(jurisdiction__code="150500")
    assert (
        response.status_code == 302
        and response["Location"] == f"/nature/commitments/{commitment.pk}/"
    )
    client.post(
        f"/nature/commitments/{commitment.pk}/actions/new/",
        {
            "action_key": "maintain-increase-native-species-diversity",
            "description": "第一段。\r\n\r\n- 保护湿地\r\n- 恢复草原  ",
            "description_language": "zh-hans",
            "is_published": "on",
        },
    )
    action = ActionEntry.objects.get(commitment=commitment)
    assert action.jurisdiction.code == "150500"
    assert action.description == "第一段。\n\n- 保护湿地\n- 恢复草原"
    response = client.post(
        f"/nature/actions/{action.pk}/targets/new/",
        {
            "metric": "Native species recorded",
            "unit": "species",
            "direction": "increase",
            "baseline_year": "2020",
            "baseline_value": "1300",
            "target_year": "2030",
            "target_value": "1500",
            "latest_year": "2024",
            "latest_value": "1350",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    target = Target.objects.get(action=action)
    assert target.progress_percent == 25
    page = client.get(f"/nature/commitments/{commitment.pk}/").content.decode()
    assert "<p>第一段。</p><ul><li>保护湿地</li><li>恢复草原</li></ul>" in page
    assert '<progress max="100" value="25"' in page
    assert "History" in page  # an editor may review: the audit trail is shown


def test_target_against_its_direction_is_refused_naming_the_field(client, tongliao_editor):
    commitment = Commitment.objects.create(
        jurisdiction=tongliao_editor.memberships.get().jurisdiction,
        commitment_key="control-pollution",
    )
    action = ActionEntry.objects.create(
        jurisdiction=commitment.jurisdiction,
        commitment=commitment,
        action_key="reduce-other-pollution",
    )
    response = client.post(
        f"/nature/actions/{action.pk}/targets/new/",
        {
            "metric": "PM2.5",
            "unit": "μg/m³",
            "direction": "decrease",
            "baseline_year": "2020",
            "baseline_value": "30",
            "target_year": "2019",
            "target_value": "35",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"target_year", "target_value"}
    assert not Target.objects.exists()


def test_action_needs_a_taxonomy_action_or_an_own_title(client, tongliao_editor):
    commitment = Commitment.objects.create(
        jurisdiction=tongliao_editor.memberships.get().jurisdiction,
        commitment_key="control-pollution",
    )
    response = client.post(f"/nature/commitments/{commitment.pk}/actions/new/", {"action_key": ""})
    assert "title" in response.context["form"].errors
    client.post(
        f"/nature/commitments/{commitment.pk}/actions/new/",
        {
            "action_key": "",
            "title": "推进黑土地保护",
            "description": "说明",
        },
    )
    assert ActionEntry.objects.get().display_title == "推进黑土地保护"


def test_editor_of_tongliao_cannot_touch_xilingol_commitments(
    client, tongliao_editor, xilingol_commitment
):
    commitment, action = xilingol_commitment
    entries = LogEntry.objects.count()
    attempts = [
        ("/nature/152500/commitments/new/", {"commitment_key": "manage-invasive-alien-species"}),
        (f"/nature/commitments/{commitment.pk}/edit/", {"is_published": ""}),
        (
            f"/nature/commitments/{commitment.pk}/actions/new/",
            {"action_key": "", "title": "intruder", "description": "x"},
        ),
        (
            f"/nature/actions/{action.pk}/edit/",
            {"action_key": "reduce-other-pollution", "description": "changed"},
        ),
        (f"/nature/actions/{action.pk}/targets/new/", {"metric": "x"}),
        ("/nature/152500/pathway/commit-mobilize/edit/", {"status": "completed"}),
        (
            "/nature/152500/other-commitments/new/",
            {"area_key": "use-nature-sustainably", "text": "x"},
        ),
        (
            "/nature/152500/resources/new/",
            {"title": "x", "kind": "tool", "link": "https://example.org/"},
        ),
    ]
    for url, data in attempts:
        assert client.get(url).status_code == 403, url
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "Nothing was changed" in response.content.decode()
    commitment.refresh_from_db()
    action.refresh_from_db()
    assert commitment.is_published and action.description == "锡林郭勒盟的行动"
    assert Commitment.objects.count() == 1 and ActionEntry.objects.count() == 1
    assert not (
        Target.objects.exists() or PathwayStep.objects.exists() or OtherCommitment.objects.exists()
    )
    assert LogEntry.objects.count() == entries


def test_anonymous_user_is_sent_to_log_in(client, places):
    response = client.post(
        "/nature/150500/commitments/new/", {"commitment_key": "control-pollution"}
    )
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Commitment.objects.exists()


def test_reviewer_reads_unpublished_commitment_but_cannot_edit(client, places, make_user):
    commitment = Commitment.objects.create(
        jurisdiction=places["152502"], commitment_key="control-pollution"
    )
    assert client.get(f"/nature/commitments/{commitment.pk}/").status_code == 403
    client.force_login(make_user("region", Role.REVIEWER, "150000"))
    assert client.get(f"/nature/commitments/{commitment.pk}/").status_code == 200
    assert (
        client.post(
            f"/nature/commitments/{commitment.pk}/edit/", {"is_published": "on"}
        ).status_code
        == 403
    )
    commitment.refresh_from_db()
    assert not commitment.is_published


def test_editor_updates_a_pathway_step_and_the_page_shows_it(client, tongliao_editor):
    response = client.post(
        "/nature/150500/pathway/set-baseline/edit/",
        {
            "status": "in_progress",
            "notes": "2024年开展生物多样性本底调查",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    step = PathwayStep.objects.get(step_key="set-baseline")
    assert step.status == "in_progress"
    client.logout()
    page = client.get("/nature/150500/").content.decode()
    assert "2024年开展生物多样性本底调查" in page and "In progress" in page
    assert client.get("/nature/150500/pathway/no-such-step/edit/").status_code == 302


def test_already_made_commitments_are_not_offered_again(client, tongliao_editor, places):
    Commitment.objects.create(jurisdiction=places["150500"], commitment_key="control-pollution")
    response = client.post(
        "/nature/150500/commitments/new/", {"commitment_key": "control-pollution"}
    )
    assert "commitment_key" in response.context["form"].errors
    assert Commitment.objects.count() == 1
