"""The pieces behind the review page: warning placement, corrections, content sniffing,
paging and draft expiry, on the reference plans."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from ecotrack.accounts.models import Role
from ecotrack.core.plandoc import parse_plan
from ecotrack.importers import corrections as fix
from ecotrack.importers import grid, sniff
from ecotrack.importers.drafts import create_draft, purge_expired
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.importers.warnings_map import place_warnings
from tests.core.plandoc import builders

DOCUMENTS = Path(__file__).resolve().parents[2] / "ecotrack/demo/reference/documents"


@pytest.fixture(scope="module")
def xilinhot() -> dict:
    return parse_plan(DOCUMENTS / "plan-xilinhot-2023-2030.txt").to_dict()


@pytest.fixture(scope="module")
def tongliao() -> dict:
    return parse_plan(DOCUMENTS / "plan-tongliao-2021-2025.txt").to_dict()


def index_of(parsed: dict, name: str, sub_name: str | None = None) -> int:
    return next(
        i for i, ind in enumerate(parsed["indicators"])
        if ind["name"] == name and ind["sub_name"] == sub_name
    )


def test_json_round_trip_gives_the_same_plan(xilinhot, tongliao):
    for parsed in (xilinhot, tongliao):
        assert fix.to_parsed_plan(parsed).to_dict() == parsed


def test_warnings_land_on_their_cells(xilinhot):
    placed = place_warnings(xilinhot)
    assert placed.count() == len(xilinhot["warnings"]) == 7
    assert placed.general == [] and placed.plan == {}
    ecology = index_of(xilinhot, "生态环境状况指数")
    assert placed.for_cell(ecology, "baseline") == [
        w for w in xilinhot["warnings"] if "'61.91#'" in w
    ]
    for sub in ("外来物种入侵", "特有性或指示性水生物种保持率"):
        (message,) = placed.for_cell(index_of(xilinhot, "生物多样性保护", sub), "compliance_raw")
        assert f"blank for {sub!r}" in message
    # "line 27" is a prefix of "line 275": only the exact row gets the warning.
    assert sum(len(c) for c in placed.cells.values() for c in c.values()) == 7


def test_category_and_table_warnings(tongliao):
    placed = place_warnings(tongliao)
    cells = {(row, key) for row, cols in placed.cells.items() for key in cols}
    assert {key for _, key in cells} == {"category", "subcategory"}
    assert len(placed.general) == 2 and all("footnote" in w for w in placed.general)


def test_metadata_warning_goes_to_the_plan_field():
    parsed = {"indicators": [], "warnings": ["plan metadata: title not found"]}
    assert place_warnings(parsed).plan == {"title": ["plan metadata: title not found"]}


def test_corrections_apply_without_touching_the_parse(xilinhot):
    ecology = index_of(xilinhot, "生态环境状况指数")
    alien = index_of(xilinhot, "生物多样性保护", "外来物种入侵")
    assert "compliance_raw" in xilinhot["indicators"][alien]["inherited"]
    corrections = {
        "plan": {"base_year": "2021", "issued_date": "2023-05-01"},
        "rows": {
            str(ecology): {"baseline": "61.91", "target_2035": "≥40", "seq": ""},
            str(alien): {"compliance_raw": ""},
        },
    }
    out = fix.apply(xilinhot, corrections)
    assert xilinhot["indicators"][ecology]["baseline"]["raw"] == "61.91#"  # untouched
    ind = out["indicators"][ecology]
    assert ind["baseline"] == {"year": 2022, "raw": "61.91", "mark": None, "data_year": None}
    assert [(t["year"], t["raw"]) for t in ind["targets"]] == [
        (2025, "≥35"), (2030, "≥35"), (2035, "≥40")
    ]
    assert ind["seq"] is None
    assert out["indicators"][alien]["compliance_raw"] is None
    assert "compliance_raw" not in out["indicators"][alien]["inherited"]
    assert out["plan"]["base_year"] == 2021 and out["plan"]["issued_date"] == "2023-05-01"
    # A mark typed in is recognised like the parser's.
    marked = fix.apply(xilinhot, {"rows": {str(ecology): {"baseline": "60.1*"}}})
    assert marked["indicators"][ecology]["baseline"]["mark"] == "*"


def test_cell_checks():
    assert fix.check_cell("seq", "7") is None and fix.check_cell("seq", "7a")
    assert fix.check_cell("name", "") and fix.check_cell("unit", "") is None
    assert fix.check_plan_field("period_start", "二〇二三")
    assert fix.check_plan_field("issued_date", "2023/05/01")
    assert fix.check_plan_field("issued_date", "2023-05-01") is None


def test_paging_keeps_every_page_under_the_post_field_limit(xilinhot):
    assert grid.page_range(44, 1) == (0, 44, 1)
    assert grid.page_range(120, 3) == (100, 120, 3)
    assert grid.page_range(120, 9) == (100, 120, 3)  # clamped
    fields_per_row = len(fix.columns(xilinhot))
    assert grid.ROWS_PER_PAGE * fields_per_row + len(fix.PLAN_FIELDS) + 3 < 1000


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        ("序号\t指标\n".encode(), "text"),
        ("序号,指标\n".encode("utf-16"), "text"),
        (b"%PDF-1.7\n", "pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "ole"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "png"),
        (b"PK\x03\x04broken", "zip"),
        (bytes(range(256)), "binary"),
    ],
)
def test_detect_kind(data, kind):
    assert sniff.detect_kind(data) == kind


def test_detect_office_kinds():
    assert sniff.detect_kind(builders.build_docx()) == "docx"
    assert sniff.detect_kind(builders.build_xlsx()) == "xlsx"
    assert sniff.content_matches("a.DOCX", "docx") and not sniff.content_matches("a.docx", "xlsx")


@pytest.mark.django_db
def test_expired_open_drafts_are_purged_with_their_files(places, make_user):
    user = make_user("xilinhot-editor", Role.EDITOR, "152502")
    place = places["152502"]
    data = (DOCUMENTS / "plan-xilinhot-2023-2030.txt").read_bytes()
    old, kept, imported = (create_draft(user, place, "plan.txt", data) for _ in range(3))
    past = timezone.now() - timedelta(minutes=1)
    ImportDraft.objects.filter(pk__in=[old.pk, imported.pk]).update(expires_at=past)
    ImportDraft.objects.filter(pk=imported.pk).update(status=DraftStatus.IMPORTED)
    path = Path(old.file.path)
    assert purge_expired() == 1
    assert not path.exists()
    assert set(ImportDraft.objects.values_list("pk", flat=True)) == {kept.pk, imported.pk}
