"""`ecotrack import-cwn-profile`: dry run, storing, atomicity, idempotency, permissions.
(Damaged inputs and the OCR copy: test_import_inputs.py.)"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from ecotrack.accounts.models import Role
from ecotrack.nature.models import ActionEntry, Commitment, PathwayStep, ReportedState
from ecotrack.places.models import Profile
from tests.nature.conftest import TONGLIAO_REPORT

NATURE_MODELS = (Commitment, ActionEntry, PathwayStep, ReportedState, Profile)


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_cwn_profile", *args, stdout=out)
    return out.getvalue()


def nothing_stored() -> bool:
    return not any(model.objects.exists() for model in NATURE_MODELS)


def test_dry_run_json_prints_the_parsed_report_and_stores_nothing(places):
    entries = LogEntry.objects.count()
    data = json.loads(run(str(TONGLIAO_REPORT), "--dry-run", "--json"))
    assert data["format"] == "ecotrack-cwn-profile-report"
    assert data["profile"]["city_name"] == "Tongliao City"
    assert len(data["commitments"]) == 13
    assert sum(len(c["actions"]) for c in data["commitments"]) == 13
    assert data["cbi"]["status"] == "not_started"
    assert data["awards"]["shown"]["profile"] == {"starter": 34, "frontrunner": 100, "star": 0}
    assert nothing_stored() and LogEntry.objects.count() == entries


def test_import_matches_the_city_by_name_and_stores_everything(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    out = run(str(TONGLIAO_REPORT), "--user", "tongliao", "--publish")
    assert "通辽市 Tongliao (150500)" in out
    place = places["150500"]
    assert Commitment.objects.filter(jurisdiction=place, is_published=True).count() == 13
    action = ActionEntry.objects.get(jurisdiction=place, action_key="increase-protected-areas")
    assert action.description.startswith("通辽市各级各类自然保护地严格按照功能区进行划分并实施监管")
    assert action.description_language == "zh-hans"
    assert PathwayStep.objects.filter(jurisdiction=place, status="not_started").count() == 9
    profile = Profile.objects.get(jurisdiction=place)
    assert profile.population == 2807000 and profile.world_region == "Asia & Oceania"
    state = ReportedState.objects.get(jurisdiction=place)
    assert state.cbi_status == "not_started" and state.cbi_total_max == 112
    # The import is attributed to the user and the command in the audit trail.
    entry = LogEntry.objects.get_for_object(action).get()
    assert entry.actor.username == "tongliao"
    assert entry.additional_data["via"] == "ecotrack import-cwn-profile"


def test_reimporting_the_same_report_changes_nothing(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    run(str(TONGLIAO_REPORT), "--user", "tongliao", "--publish")
    entries = LogEntry.objects.count()
    stamps = sorted(ActionEntry.objects.values_list("updated_at", flat=True))
    second = json.loads(run(str(TONGLIAO_REPORT), "--user", "tongliao", "--publish", "--json"))
    assert second["created"] == {} and second["updated"] == {}
    assert second["unchanged"]["action"] == 13
    assert LogEntry.objects.count() == entries
    assert sorted(ActionEntry.objects.values_list("updated_at", flat=True)) == stamps


def test_reimport_restores_an_edited_description_but_keeps_a_completed_step(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    run(str(TONGLIAO_REPORT), "--user", "tongliao")
    ActionEntry.objects.filter(action_key="increase-protected-areas").update(description="x")
    PathwayStep.objects.filter(step_key="commit-mobilize").update(status="completed")
    result = json.loads(run(str(TONGLIAO_REPORT), "--user", "tongliao", "--json"))
    assert result["updated"] == {"action": 1}
    assert PathwayStep.objects.get(step_key="commit-mobilize").status == "completed"


def test_storing_needs_a_user_who_may_edit_the_city(places, make_user):
    with pytest.raises(CommandError, match="needs --user"):
        run(str(TONGLIAO_REPORT))
    make_user("xilingol", Role.EDITOR, "152500")
    with pytest.raises(
        CommandError, match="xilingol may not change the content of 通辽市 Tongliao"
    ):
        run(str(TONGLIAO_REPORT), "--user", "xilingol")
    with pytest.raises(CommandError, match="no active user 'nobody'"):
        run(str(TONGLIAO_REPORT), "--user", "nobody")
    assert nothing_stored()


def test_explicit_jurisdiction_and_unknown_code(places, make_user):
    make_user("admin", is_superuser=True)
    with pytest.raises(CommandError, match="no jurisdiction with code 999999"):
        run(str(TONGLIAO_REPORT), "--user", "admin", "--jurisdiction", "999999")
    run(str(TONGLIAO_REPORT), "--user", "admin", "--jurisdiction", "150502")
    assert Commitment.objects.filter(jurisdiction=places["150502"]).count() == 13
    assert not Commitment.objects.filter(jurisdiction=places["150500"]).exists()


def test_report_of_an_unknown_city_is_refused(places, make_user, tmp_path):
    make_user("admin", is_superuser=True)
    other = tmp_path / "other.txt"
    other.write_text(
        TONGLIAO_REPORT.read_text(encoding="utf-8").replace("Tongliao City", "Atlantis City"),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="no jurisdiction is called 'Atlantis City'"):
        run(str(other), "--user", "admin")
    assert nothing_stored()


def test_an_error_halfway_stores_nothing(places, make_user, monkeypatch):
    make_user("tongliao", Role.EDITOR, "150500")
    from ecotrack.nature import importing

    def broken(*args, **kwargs):
        raise importing.ReportImportError("disk full while storing the pathway")

    monkeypatch.setattr(importing, "_store_pathway", broken)
    with pytest.raises(CommandError, match="disk full"):
        run(str(TONGLIAO_REPORT), "--user", "tongliao")
    assert nothing_stored()  # commitments and actions stored before the failure rolled back


def test_cli_spelling_with_hyphens(places, capsys):
    from ecotrack.cli import main

    main(["import-cwn-profile", str(TONGLIAO_REPORT), "--dry-run"])
    assert "13 commitments, 13 actions" in capsys.readouterr().out
