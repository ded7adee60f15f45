"""The plan progress report: XLSX read back with openpyxl, PDF read back with pdftotext."""

from __future__ import annotations

from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import load_workbook

from ecotrack.plans.models import ComplianceOverride, ComplianceStatus, Plan
from tests.reports.pdftools import pdf_text

pytestmark = pytest.mark.usefixtures("demo_db")


def tongliao_plan() -> Plan:
    return Plan.objects.get(jurisdiction__code="150500")


def write(tmp_path, *args: str) -> bytes:
    out = tmp_path / "out"
    call_command("report", "plan", *args, "-o", str(out), stdout=StringIO(), stderr=StringIO())
    return out.read_bytes()


def test_xlsx_has_every_indicator_with_target_status_and_explanation(tmp_path):
    plan = tongliao_plan()
    content = write(tmp_path, "150500", "--format", "xlsx", "--stage", "final", "--lang", "en")
    book = load_workbook(BytesIO(content))
    assert book.sheetnames == ["Summary", "Indicators", "Key projects"]
    sheet = book["Indicators"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["No.", "Area", "Indicator"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == plan.indicators.count() == 21
    by_number = {r[0]: dict(zip(header, r, strict=True)) for r in rows}
    first = by_number["1"]
    assert "空气质量优良天数比率" in first["Indicator"]
    assert first["Target year"] == 2025
    assert first["Target"] == plan.indicators.get(number="1").targets.get(year=2025).text
    assert first["Status"] and first["Explanation"]
    statuses = {r[header.index("Status")] for r in rows}
    with translation.override("en"):
        assert statuses <= {str(c.label) for c in ComplianceStatus}
    projects = list(book["Key projects"].iter_rows(min_row=2, values_only=True))
    assert len(projects) == plan.projects.count() > 0
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Stage"] == "Final assessment" and summary["Assessed as of"] == 2025


def test_override_is_shown_with_its_reason(tmp_path):
    indicator = tongliao_plan().indicators.get(number="1")
    ComplianceOverride.objects.create(indicator=indicator, year=2025,
                                      status=ComplianceStatus.MET,
                                      reason="自治区考核通报确认达标")
    book = load_workbook(BytesIO(write(tmp_path, "150500", "--format", "xlsx",
                                       "--stage", "final", "--lang", "zh-hans")))
    sheet = book["指标"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "1")
    assert row[header.index("人工认定理由")] == "自治区考核通报确认达标"
    assert row[header.index("状态")] == str(ComplianceStatus.MET.label)


def test_pdf_lists_indicators_statuses_and_key_projects_in_chinese(tmp_path):
    out = tmp_path / "plan.pdf"
    out.write_bytes(write(tmp_path, str(tongliao_plan().pk), "--stage", "midterm",
                          "--lang", "zh-hans"))
    text = pdf_text(out)
    flat = "".join(text.split())
    assert "规划进展报告" in flat and "中期评估" in flat
    assert "通辽市“十四五”生态环境保护规划" in flat
    assert "城市黑臭水体比例" in flat  # short enough to stay on one line of its cell
    assert "达标" in flat and "待下达" in flat
    assert "重点工程" in flat
    assert "第1页，共" in flat


def test_unpublished_plan_is_not_found_for_the_public(tmp_path):
    Plan.objects.filter(jurisdiction__code="150500").update(is_published=False)
    with pytest.raises(CommandError, match="no plan found"):
        write(tmp_path, "150500", "--format", "xlsx")


def test_wrong_format_is_refused_with_the_formats_that_work(tmp_path):
    with pytest.raises(CommandError, match="pdf or xlsx"):
        write(tmp_path, "150500", "--format", "html")


def test_plan_download_urls(client):
    plan = tongliao_plan()
    response = client.get(f"/reports/plan/{plan.pk}.xlsx?stage=annual&year=2023")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    assert len(list(book.worksheets[1].iter_rows(min_row=2))) == 21
    Plan.objects.filter(pk=plan.pk).update(is_published=False)
    assert client.get(f"/reports/plan/{plan.pk}.pdf").status_code == 403
