"""Upload → review → correct → confirm, through the real views, database and plans store."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.accounts.models import Role
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.plans.models import Plan, PlanIndicator, Target

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).resolve().parents[2] / "ecotrack/demo/reference/documents"
XILINHOT = DOCUMENTS / "plan-xilinhot-2023-2030.txt"
TONGLIAO = DOCUMENTS / "plan-tongliao-2021-2025.txt"


def upload(client, path: Path, code: str, name: str | None = None, data: bytes | None = None):
    content = data if data is not None else path.read_bytes()
    document = SimpleUploadedFile(name or path.name, content)
    return client.post("/importers/", {"jurisdiction": code, "document": document})


def row_index(draft: ImportDraft, name: str, sub_name: str | None = None) -> int:
    for index, ind in enumerate(draft.parsed["indicators"]):
        if ind["name"] == name and ind["sub_name"] == sub_name:
            return index
    raise AssertionError(f"no indicator {name!r}")


@pytest.fixture
def editor(client, places, make_user):
    user = make_user("xilinhot-editor", Role.EDITOR, "152502")
    client.force_login(user)
    return user


def test_upload_shows_review_and_stores_nothing_until_confirmed(client, editor):
    response = upload(client, XILINHOT, "152502")
    draft = ImportDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/importers/drafts/{draft.pk}/"
    assert draft.user == editor and draft.jurisdiction.code == "152502"
    assert draft.status == DraftStatus.OPEN and len(draft.parsed["indicators"]) == 44
    assert draft.file.read() == XILINHOT.read_bytes()
    assert not Plan.objects.exists()

    page = client.get(response["Location"]).content.decode()
    assert "锡林浩特市国家生态文明建设示范市创建规划（2023-2030）" in page
    assert 'name="r0-name" value="生态文明建设规划"' in page
    # Every one of the 7 warnings sits at its cell, e.g. the guessed compliance of 外来物种入侵.
    assert page.count('class="cell-warning"') == 7
    alien = row_index(draft, "生物多样性保护", "外来物种入侵")
    assert f'id="cell-{alien}-compliance_raw" class="col-compliance_raw warned' in page


def test_corrected_cell_is_kept_in_draft_then_stored_on_confirm(client, editor):
    upload(client, XILINHOT, "152502")
    draft = ImportDraft.objects.get()
    forest = row_index(draft, "林草覆盖率")
    assert draft.parsed["indicators"][forest]["targets"][0]["raw"] == "≥35"
    url = f"/importers/drafts/{draft.pk}/"

    response = client.post(url, {f"r{forest}-target_2025": "≥36", "action": "save"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.corrections == {"plan": {}, "rows": {str(forest): {"target_2025": "≥36"}}}
    assert not Plan.objects.exists()
    page = client.get(url).content.decode()
    assert 'value="≥36"' in page and "≥35" in page  # the correction, and what was read

    response = client.post(url, {f"r{forest}-target_2025": "≥36", "action": "confirm"})
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.jurisdiction.code == "152502" and plan.indicators.count() == 44
    row = PlanIndicator.objects.get(plan=plan, name="林草覆盖率")
    assert Target.objects.get(indicator=row, year=2025).text == "≥36"
    assert Target.objects.get(indicator=row, year=2030).text == "≥35"
    draft.refresh_from_db()
    assert draft.status == DraftStatus.IMPORTED and draft.result["plan_id"] == plan.pk
    # The stored rows are attributed to the officer.
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Plan), object_pk=str(plan.pk),
        action=LogEntry.Action.CREATE,
    )
    assert entry.actor == editor


def test_a_correction_typed_back_to_the_original_is_undone(client, editor):
    upload(client, XILINHOT, "152502")
    draft = ImportDraft.objects.get()
    url = f"/importers/drafts/{draft.pk}/"
    client.post(url, {"r2-unit": "％", "plan-issuing_body": "锡林浩特市人民政府", "action": "save"})
    draft.refresh_from_db()
    assert draft.corrections == {
        "plan": {"issuing_body": "锡林浩特市人民政府"}, "rows": {"2": {"unit": "％"}}
    }
    client.post(url, {"r2-unit": "%", "action": "save"})
    draft.refresh_from_db()
    assert draft.corrections == {"plan": {"issuing_body": "锡林浩特市人民政府"}, "rows": {}}


def test_invalid_cell_is_refused_with_message_and_nothing_saved(client, editor):
    upload(client, XILINHOT, "152502")
    draft = ImportDraft.objects.get()
    url = f"/importers/drafts/{draft.pk}/"
    cells = {"r0-seq": "一", "r1-name": " ", "r2-unit": "‰"}
    response = client.post(url, {**cells, "action": "confirm"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The number must be a whole number." in page or "序号必须是整数" in page
    assert 'value="一"' in page  # shown as typed, to be fixed
    draft.refresh_from_db()
    assert draft.corrections == {} and draft.status == DraftStatus.OPEN
    assert not Plan.objects.exists()


def test_store_refusal_is_shown_and_nothing_stored(client, editor):
    upload(client, XILINHOT, "152502")
    draft = ImportDraft.objects.get()
    # The store needs a period; removing it makes the store refuse the plan as a whole.
    response = client.post(
        f"/importers/drafts/{draft.pk}/", {"plan-period_start": "", "action": "confirm"}
    )
    assert response.status_code == 400
    assert "period_start" in response.content.decode()
    assert not Plan.objects.exists()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.OPEN


def test_reuploading_the_same_document_says_it_is_already_imported(client, editor):
    upload(client, XILINHOT, "152502")
    first = ImportDraft.objects.get()
    client.post(f"/importers/drafts/{first.pk}/", {"action": "confirm"})
    plan = Plan.objects.get()

    upload(client, XILINHOT, "152502")
    second = ImportDraft.objects.exclude(pk=first.pk).get()
    page = client.get(f"/importers/drafts/{second.pk}/").content.decode()
    assert f'href="/plans/{plan.pk}/"' in page
    assert "already imported" in page or "已导入" in page
    response = client.post(f"/importers/drafts/{second.pk}/", {"action": "confirm"})
    assert response.status_code == 302
    assert Plan.objects.count() == 1 and PlanIndicator.objects.count() == 44


def test_another_version_of_an_imported_plan_lists_what_would_change(client, editor):
    upload(client, XILINHOT, "152502")
    first = ImportDraft.objects.get()
    client.post(f"/importers/drafts/{first.pk}/", {"action": "confirm"})
    text = XILINHOT.read_text(encoding="utf-8").replace("90.86*", "91.20*", 1)
    upload(client, XILINHOT, "152502", data=text.encode("utf-8"))
    second = ImportDraft.objects.exclude(pk=first.pk).get()
    page = client.get(f"/importers/drafts/{second.pk}/").content.decode()
    assert "林草覆盖率: baseline 90.86* → 91.20*" in page
    response = client.post(f"/importers/drafts/{second.pk}/", {"action": "confirm"})
    assert response.status_code == 400 and "already imported from another file" in (
        response.content.decode()
    )
    assert Plan.objects.count() == 1


def test_discarding_a_draft_deletes_it_and_its_file(client, editor, settings):
    upload(client, XILINHOT, "152502")
    draft = ImportDraft.objects.get()
    stored = Path(draft.file.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT)) and stored.exists()
    response = client.post(f"/importers/drafts/{draft.pk}/discard/")
    assert response.status_code == 302
    assert not ImportDraft.objects.exists() and not stored.exists()
