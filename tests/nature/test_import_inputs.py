"""`ecotrack import-cwn-profile` on both reference reports and on damaged inputs: the OCR copy,
a truncated, an empty and a binary file, and a report of another city; `--dry-run --json`
with its flat action list and what an import would change."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models

from ecotrack.accounts.models import Role
from ecotrack.core.cwn import parse_profile_report, read_report_text
from ecotrack.core.cwn.garble import assess_text
from ecotrack.core.cwn.screening import UNRECOVERABLE
from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    ReportedState,
    Resource,
)
from ecotrack.places.models import Profile
from tests.nature.conftest import TONGLIAO_OCR_REPORT, TONGLIAO_REPORT

STORED = (Commitment, ActionEntry, OtherCommitment, PathwayStep, ReportedState, Resource,
          Profile)
# Read from the OCR copy itself (see tests/core/cwn/test_cwn_garble.py for how): only these
# two actions have text under their description marker, and it is capital-letter garbage.
OCR_UNRECOVERABLE = [
    "Maintain or increase the diversity of native species",
    "Control or eradicate invasive alien species and prevent their introduction",
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_cwn_profile", *args, stdout=out)
    return out.getvalue()


def nothing_stored() -> bool:
    return not any(model.objects.exists() for model in STORED)


def stored_texts() -> list[str]:
    """Every text value of every row the import may write."""
    texts = []
    for model in STORED:
        fields = [f.name for f in model._meta.get_fields()
                  if isinstance(f, models.CharField | models.TextField)]
        for row in model.objects.values(*fields):
            texts += [v for v in row.values() if isinstance(v, str) and v]
    return texts


# -- the OCR copy --------------------------------------------------------------------------

def test_ocr_copy_imports_what_it_can_trust_and_names_each_unrecoverable_action(
        places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    out = run(str(TONGLIAO_OCR_REPORT), "--user", "tongliao")
    place = places["150500"]
    for title in OCR_UNRECOVERABLE:
        assert f"action '{title}': {UNRECOVERABLE}" in out
    assert out.count(UNRECOVERABLE) == len(OCR_UNRECOVERABLE) * 2  # core warning + import note
    # The titles are the template's English and map to the taxonomy: kept, without text.
    assert Commitment.objects.filter(jurisdiction=place).count() == 13
    actions = ActionEntry.objects.filter(jurisdiction=place)
    assert actions.count() == 13 and not actions.exclude(description="").exists()
    assert PathwayStep.objects.filter(jurisdiction=place).count() == 9
    assert ReportedState.objects.get(jurisdiction=place).cbi_total_max == 112
    garbage = [t for t in stored_texts() if assess_text(t).garbled]
    assert garbage == []
    assert stored_texts()  # the check above ran over something


def test_ocr_copy_after_the_clean_report_keeps_the_descriptions(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    run(str(TONGLIAO_REPORT), "--user", "tongliao")
    before = dict(ActionEntry.objects.values_list("action_key", "description"))
    shown = ReportedState.objects.get().awards_shown
    result = json.loads(run(str(TONGLIAO_OCR_REPORT), "--user", "tongliao", "--json"))
    # Only the record of which report was imported last changes; the awards the OCR copy
    # lost keep what the clean report said.
    assert result["updated"] == {"reported_state": 1}
    assert ReportedState.objects.get().awards_shown == shown
    assert dict(ActionEntry.objects.values_list("action_key", "description")) == before
    assert not [t for t in stored_texts() if assess_text(t).garbled]


# -- damaged files -------------------------------------------------------------------------

def _refused(path: Path, make_user, *message: str) -> None:
    make_user("admin", is_superuser=True)
    with pytest.raises(CommandError) as refused:
        run(str(path), "--user", "admin", "--jurisdiction", "150500")
    for part in (path.name, *message, "Nothing was stored."):
        assert part in str(refused.value)
    assert nothing_stored()


def test_truncated_file_is_refused(places, make_user, tmp_path):
    text = TONGLIAO_REPORT.read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[:len(text) // 2], encoding="utf-8")  # mid-description
    _refused(cut, make_user, "looks truncated")


def test_empty_file_is_refused(places, make_user, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _refused(empty, make_user, "no chapter of a CitiesWithNature profile report")


def test_binary_file_is_refused(places, make_user, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    _refused(binary, make_user, "not UTF-8 text")


def test_binary_file_named_pdf_is_refused(places, make_user, tmp_path):
    binary = tmp_path / "report.pdf"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    _refused(binary, make_user, "cannot read the PDF")


# -- a report of another city --------------------------------------------------------------

KEPT = ["increase-protected-areas", "restore-habitat-threatened-valued-species",
        "reduce-plastic-consumption-waste", "increase-carbon-sequestration-urban-nature",
        "promote-value-of-nature-awareness-education"]


def _other_city_report() -> tuple[str, dict[str, str]]:
    """Chifeng's report made from Tongliao's text: another name and population, five of the
    thirteen actions, each described in English. The Tongliao parse only locates lines."""
    text = TONGLIAO_REPORT.read_text(encoding="utf-8")
    lines = text.splitlines()
    parsed = parse_profile_report(text, "t.txt")
    english: dict[str, str] = {}
    replace: dict[int, str | None] = {}
    for action in parsed.actions:
        assert action.description is not None and action.description.end_line is not None
        span = range(action.line, action.description.end_line + 1)
        if action.key in KEPT:
            english[action.key] = (f"Chifeng works on '{action.title.rstrip('.')}' with the "
                                   "districts and the forestry bureau, and reports on it yearly.")
            for number in action.description.line_numbers:
                replace[number] = None
            replace[action.description.line] = english[action.key]
        else:
            replace.update({number: None for number in span})
    out = []
    for number, line in enumerate(lines, start=1):
        if number in replace:
            if replace[number] is not None:
                out.append(replace[number])
            continue
        line = line.replace("Tongliao City", "Chifeng City").replace("Dalentai Qi", "Wang Li")
        out.append({"2807000": "4035000", "13": str(len(KEPT))}.get(line.strip(), line))
    return "\n".join(out), english


def test_report_of_another_city_with_other_actions_in_english(places, make_user, tmp_path):
    text, english = _other_city_report()
    path = tmp_path / "chifeng.txt"
    path.write_text(text, encoding="utf-8")
    make_user("chifeng", Role.EDITOR, "150400")
    out = run(str(path), "--user", "chifeng", "--publish")
    assert "赤峰市 Chifeng (150400)" in out
    place = places["150400"]
    profile = Profile.objects.get(jurisdiction=place)
    assert profile.population == 4035000
    assert profile.head_of_government == "Wang Li, Mayor of Chifeng City"
    stored = {a.action_key: a for a in ActionEntry.objects.filter(jurisdiction=place)}
    assert sorted(stored) == sorted(KEPT)
    for key, description in english.items():
        assert (stored[key].description, stored[key].description_language) == (description, "en")
    # Commitments whose actions were all dropped stay made, as the report still lists them.
    assert Commitment.objects.filter(jurisdiction=place).count() == 13
    assert not ActionEntry.objects.filter(jurisdiction=places["150500"]).exists()


# -- dry run -------------------------------------------------------------------------------

def test_dry_run_json_has_the_issues_keys_and_a_flat_action_list(places):
    entries = LogEntry.objects.count()
    data = json.loads(run(str(TONGLIAO_REPORT), "--dry-run", "--json"))
    assert {"profile", "actions", "pathway", "cbi", "resources", "warnings"} <= set(data)
    assert len(data["actions"]) == 13
    first = data["actions"][0]
    assert (first["action_area"], first["commitment"], first["action"]) == (
        "Protect and restore nature", "Protect, connect and restore ecosystems",
        "Increase protected areas")
    assert first["description"].startswith("通辽市各级各类自然保护地")
    assert first["description"].endswith("履行手续。")
    assert all(a["description"] for a in data["actions"])
    assert data["profile"]["population"] == 2807000
    # Nothing stored yet for 150500: everything would be created.
    assert data["changes"]["jurisdiction"] == "150500"
    assert data["changes"]["created"]["action"] == 13 and data["changes"]["updated"] == {}
    assert nothing_stored() and LogEntry.objects.count() == entries


def test_dry_run_of_a_changed_report_shows_field_by_field_what_would_change(
        places, make_user, tmp_path):
    make_user("tongliao", Role.EDITOR, "150500")
    run(str(TONGLIAO_REPORT), "--user", "tongliao")
    same = json.loads(run(str(TONGLIAO_REPORT), "--dry-run", "--json"))["changes"]
    assert same["created"] == {} and same["updated"] == {} and same["changes"] == []
    assert same["unchanged"]["action"] == 13

    text = TONGLIAO_REPORT.read_text(encoding="utf-8")
    old = "原则上禁止进行砍伐"
    changed = text.replace("2807000", "2850000").replace(old, "原则上严格禁止进行砍伐")
    path = tmp_path / "cwn-profile-tongliao-2025.txt"
    path.write_text(changed, encoding="utf-8")
    entries = LogEntry.objects.count()
    stored_before = dict(ActionEntry.objects.values_list("action_key", "description"))

    diff = json.loads(run(str(path), "--dry-run", "--json"))["changes"]
    assert diff["created"] == {}
    assert diff["updated"] == {"profile": 1, "action": 1, "reported_state": 1}
    assert diff["unchanged"]["action"] == 12
    by_kind = {c["kind"]: c for c in diff["changes"]}
    assert by_kind["profile"]["fields"]["population"] == {"before": 2807000, "after": 2850000}
    action = by_kind["action"]
    assert action["row"] == "protect-connect-restore-ecosystems / increase-protected-areas"
    assert old in action["fields"]["description"]["before"]
    assert "原则上严格禁止进行砍伐" in action["fields"]["description"]["after"]
    assert set(by_kind["reported_state"]["fields"]) == {"source_name", "source_sha256"}

    summary = run(str(path), "--dry-run")
    assert "updated profile" in summary and "population: 2807000 -> 2850000" in summary
    assert "Dry run: nothing was stored." in summary
    # Nothing written by either dry run.
    assert LogEntry.objects.count() == entries
    assert Profile.objects.get(jurisdiction=places["150500"]).population == 2807000
    assert dict(ActionEntry.objects.values_list("action_key", "description")) == stored_before


def test_dry_run_for_a_city_that_cannot_be_found_still_prints_the_report(places, tmp_path):
    other = tmp_path / "atlantis.txt"
    other.write_text(TONGLIAO_REPORT.read_text(encoding="utf-8")
                     .replace("Tongliao City", "Atlantis City"), encoding="utf-8")
    data = json.loads(run(str(other), "--dry-run", "--json"))
    assert len(data["actions"]) == 13
    assert data["changes"]["jurisdiction"] is None
    assert "Atlantis City" in data["changes"]["message"]


def test_reference_text_is_read_like_the_cli_reads_it():
    # Guards the test data: the repo copy is the reference report, read as UTF-8.
    assert read_report_text(TONGLIAO_REPORT).count("Description of how city is taking action") == 13
