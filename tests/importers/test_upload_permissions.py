"""Only editors of the target jurisdiction upload, review and confirm; others get 403 and
nothing is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.accounts.models import Membership, Role
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.plans.models import Plan

pytestmark = pytest.mark.django_db

XILINHOT = (
    Path(__file__).resolve().parents[2]
    / "ecotrack/demo/reference/documents/plan-xilinhot-2023-2030.txt"
)


def post(client, code: str):
    document = SimpleUploadedFile(XILINHOT.name, XILINHOT.read_bytes())
    return client.post("/importers/", {"jurisdiction": code, "document": document})


def test_editor_of_another_jurisdiction_gets_403_and_nothing_is_stored(client, places, make_user):
    client.force_login(make_user("tongliao-editor", Role.EDITOR, "150500"))
    response = post(client, "152502")
    assert response.status_code == 403
    assert not ImportDraft.objects.exists() and not Plan.objects.exists()


def test_form_offers_only_editable_jurisdictions(client, places, make_user):
    client.force_login(make_user("tongliao-editor", Role.EDITOR, "150500"))
    page = client.get("/importers/").content.decode()
    assert 'value="150500"' in page and 'value="152502"' not in page


def test_region_administrator_may_import_for_a_city_below(client, places, make_user):
    client.force_login(make_user("region-admin", Role.ADMINISTRATOR, "150000"))
    response = post(client, "152502")
    assert response.status_code == 302
    assert ImportDraft.objects.get().jurisdiction.code == "152502"


def test_reviewer_gets_403(client, places, make_user):
    client.force_login(make_user("region-reviewer", Role.REVIEWER, "150000"))
    assert client.get("/importers/").status_code == 403
    assert post(client, "152502").status_code == 403
    assert not ImportDraft.objects.exists()


def test_anonymous_is_sent_to_log_in(client, places):
    response = post(client, "152502")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not ImportDraft.objects.exists()


def test_someone_elses_draft_is_not_found(client, places, make_user):
    owner = make_user("xilinhot-editor", Role.EDITOR, "152502")
    client.force_login(owner)
    post(client, "152502")
    draft = ImportDraft.objects.get()
    client.force_login(make_user("xilinhot-editor-2", Role.EDITOR, "152502"))
    assert client.get(f"/importers/drafts/{draft.pk}/").status_code == 404
    response = client.post(f"/importers/drafts/{draft.pk}/", {"action": "confirm"})
    assert response.status_code == 404
    assert client.post(f"/importers/drafts/{draft.pk}/discard/").status_code == 404
    assert not Plan.objects.exists() and ImportDraft.objects.filter(pk=draft.pk).exists()


def test_editor_who_lost_the_role_cannot_confirm(client, places, make_user):
    owner = make_user("xilinhot-editor", Role.EDITOR, "152502")
    client.force_login(owner)
    post(client, "152502")
    draft = ImportDraft.objects.get()
    Membership.objects.filter(user=owner).delete()
    response = client.post(f"/importers/drafts/{draft.pk}/", {"action": "confirm"})
    assert response.status_code == 403
    assert not Plan.objects.exists()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.OPEN
