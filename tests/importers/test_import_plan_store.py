"""`import-plan` without --dry-run stores the plan: atomic, idempotent, permission-checked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ecotrack.accounts.models import Role
from ecotrack.plans import storing
from ecotrack.plans.models import (
    KeyProject,
    Observation,
    Plan,
    PlanIndicator,
    Target,
)

DOCUMENTS = Path(__file__).resolve().parents[2] / "ecotrack/demo/reference/documents"
TONGLIAO = DOCUMENTS / "plan-tongliao-2021-2025.txt"
MODELS = (Plan, PlanIndicator, Target, Observation, KeyProject, LogEntry)


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def _snapshot(media: Path) -> tuple:
    files = sorted(str(p) for p in media.rglob("*") if p.is_file()) if media.exists() else []
    return tuple(model.objects.count() for model in MODELS), files


def test_stores_the_tongliao_plan_matching_the_jurisdiction_from_its_title(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    output = _run(str(TONGLIAO), "--user", "tongliao")
    plan = Plan.objects.get()
    assert "Stored" in output and plan.jurisdiction.code == "150500"
    assert plan.title == "通辽市“十四五”生态环境保护规划"
    assert (plan.period_start, plan.period_end, plan.base_year) == (2021, 2025, 2020)
    assert plan.issuing_body == "通辽市人民政府办公室" and str(plan.issued_date) == "2021-12-14"
    assert plan.kind == "five_year" and not plan.is_published
    assert plan.indicators.count() == 21 and plan.projects.count() == 6
    forest = plan.indicators.get(number="15")
    assert forest.canonical.key == "eco.forest_cover" and forest.attribute == "binding"
    assert forest.targets.get(year=2025).text == "≥25"
    baseline = forest.observations.get()
    # 23.78 in the 2020 column is 2019 data (the table's footnote 6 says so).
    assert (baseline.year, baseline.data_year, baseline.value) == (2020, 2019, 23.78)
    created = LogEntry.objects.get_for_object(plan).get(action=LogEntry.Action.CREATE)
    assert created.actor.username == "tongliao"
    assert plan.source_file.read() == TONGLIAO.read_bytes()


def test_reimporting_the_same_document_changes_nothing(places, make_user, settings):
    make_user("tongliao", Role.EDITOR, "150500")
    _run(str(TONGLIAO), "--user", "tongliao", "--jurisdiction", "150500")
    before = _snapshot(Path(settings.MEDIA_ROOT))
    output = _run(str(TONGLIAO), "--user", "tongliao", "--jurisdiction", "150500")
    assert "Unchanged" in output
    assert _snapshot(Path(settings.MEDIA_ROOT)) == before


def test_a_changed_file_for_an_existing_plan_is_refused(places, make_user, tmp_path):
    make_user("tongliao", Role.EDITOR, "150500")
    _run(str(TONGLIAO), "--user", "tongliao")
    edited = tmp_path / "plan-tongliao-2021-2025-v2.txt"
    edited.write_bytes(TONGLIAO.read_bytes() + "\n附：修订说明。\n".encode())
    with pytest.raises(CommandError, match="already imported from another file"):
        _run(str(edited), "--user", "tongliao")
    assert Plan.objects.count() == 1


def test_a_broken_file_leaves_the_database_and_media_exactly_as_they_were(
    places, make_user, settings, tmp_path
):
    make_user("tongliao", Role.EDITOR, "150500")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    before = _snapshot(Path(settings.MEDIA_ROOT))
    with pytest.raises(CommandError, match=r"broken\.docx"):
        _run(str(broken), "--user", "tongliao", "--jurisdiction", "150500")
    assert _snapshot(Path(settings.MEDIA_ROOT)) == before


def test_a_failure_half_way_rolls_everything_back(places, make_user, settings, monkeypatch):
    """Break the last step (the 专栏): the plan, indicators, targets, observations and the
    stored copy of the file written before it must all disappear."""
    make_user("tongliao", Role.EDITOR, "150500")
    before = _snapshot(Path(settings.MEDIA_ROOT))

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(storing.KeyProject.objects, "create", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        _run(str(TONGLIAO), "--user", "tongliao")
    assert _snapshot(Path(settings.MEDIA_ROOT)) == before


def test_an_editor_of_another_place_is_refused_and_nothing_is_stored(places, make_user):
    make_user("xilinhot", Role.EDITOR, "152502")
    with pytest.raises(CommandError, match="may not change plans of"):
        _run(str(TONGLIAO), "--user", "xilinhot")
    assert not Plan.objects.exists()


def test_unknown_user_and_unknown_code_are_clear_errors(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    with pytest.raises(CommandError, match="no active user 'nobody'"):
        _run(str(TONGLIAO), "--user", "nobody")
    with pytest.raises(CommandError, match="no jurisdiction with code '999999'"):
        _run(str(TONGLIAO), "--user", "tongliao", "--jurisdiction", "999999")
    assert not Plan.objects.exists()


def test_dry_run_still_stores_nothing(places):
    output = _run(str(TONGLIAO), "--dry-run")
    assert "通辽市" in output and not Plan.objects.exists()


def test_the_import_is_one_summary_audit_entry_naming_actor_file_and_counts(places, make_user):
    from ecotrack.audit.history import history_for

    make_user("tongliao", Role.EDITOR, "150500")
    _run(str(TONGLIAO), "--user", "tongliao")
    plan = Plan.objects.get()
    entries = LogEntry.objects.get_for_object(plan)
    assert sorted(entries.values_list("action", flat=True)) == [
        LogEntry.Action.CREATE, LogEntry.Action.UPDATE,
    ]
    summary = entries.get(action=LogEntry.Action.UPDATE)
    assert summary.actor.username == "tongliao"
    targets = Target.objects.filter(indicator__plan=plan).count()
    observations = Observation.objects.filter(indicator__plan=plan).count()
    assert targets > 0 and observations > 0
    imported = summary.additional_data["import"]
    assert imported == {
        "file": TONGLIAO.name,
        "sha256": plan.source_sha256,
        "indicators": 21,
        "targets": targets,
        "observations": observations,
    }
    # The command's own attribution stays next to the summary.
    assert summary.additional_data["via"] == "ecotrack import-plan"
    # The rows inserted in bulk have no entry of their own: the summary stands for them.
    rows = list(PlanIndicator.objects.filter(plan=plan)) + list(
        Target.objects.filter(indicator__plan=plan)
    ) + list(Observation.objects.filter(indicator__plan=plan))
    assert not any(LogEntry.objects.get_for_object(row).exists() for row in rows)
    with translation.override("en"):
        shown = [e for e in history_for(plan) if e.action.startswith("imported")]
    assert len(shown) == 1 and shown[0].who == "tongliao"
    assert shown[0].action == (
        f"imported 21 indicators, {targets} targets, {observations} observations from "
        f"{TONGLIAO.name} (sha256 {plan.source_sha256})"
    )


def test_a_later_edit_of_an_imported_indicator_is_audited_as_usual(places, make_user):
    from ecotrack.audit.context import command_actor

    editor = make_user("tongliao", Role.EDITOR, "150500")
    _run(str(TONGLIAO), "--user", "tongliao")
    forest = PlanIndicator.objects.get(plan__jurisdiction__code="150500", number="15")
    with command_actor("edit", editor):
        forest.footnotes = "checked against the 2020 yearbook"
        forest.save()
        target = forest.targets.get(year=2025)
        target.text = "≥26"
        target.save()
    entry = LogEntry.objects.get_for_object(forest).get()
    assert entry.action == LogEntry.Action.UPDATE and entry.actor == editor
    assert entry.changes_dict["footnotes"][1] == "checked against the 2020 yearbook"
    target_entry = LogEntry.objects.get_for_object(target).get()
    assert target_entry.changes_dict["text"] == ["≥25", "≥26"]
    assert target.parsed["raw"] == "≥26"
