"""The plan progress report as an Excel workbook: the indicator table people re-use in their
own assessment documents, key projects and the status summary, one sheet each."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ecotrack.reports.charts import STATUS_COLOURS
from ecotrack.reports.plan_content import PlanReport

HEADER_FILL = PatternFill("solid", fgColor="E8F5E9")


def _header(sheet: Any, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    for i, width in enumerate(widths, start=1):
        cell = sheet.cell(row=sheet.max_row, column=i)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # a string: cell() would create a row


def plan_workbook(report: PlanReport) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("Summary")
    plan = report.plan
    for label, value in (
        (_("Plan"), plan.title),
        (_("Jurisdiction"), f"{plan.jurisdiction.name_zh} ({plan.jurisdiction.code})"),
        (_("Period"), f"{plan.period_start}-{plan.period_end}"),
        (_("Stage"), report.stage_label),
        (_("Assessed as of"), report.year),
        (_("Generated"), report.generated_at.strftime("%Y-%m-%d %H:%M")),
    ):
        summary.append([label, value])
        summary.cell(row=summary.max_row, column=1).font = Font(bold=True)
    summary.append([])
    summary.append([_("Status"), _("Indicators")])
    for key, count in report.counts.items():
        summary.append([report.status_labels.get(key, key), count])
        colour = STATUS_COLOURS.get(key, "#9aa5b1").lstrip("#")
        summary.cell(row=summary.max_row, column=1).fill = PatternFill("solid", fgColor=colour)
        summary.cell(row=summary.max_row, column=1).font = Font(color="FFFFFF", bold=True)
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 60

    sheet = book.create_sheet(_("Indicators"))
    _header(
        sheet,
        [
            _("No."), _("Area"), _("Indicator"), _("Unit"), _("Attribute"), _("Baseline"),
            _("Target year"), _("Target"), _("Target from the level above"), _("Latest value"),
            _("Data year"), _("Status"), _("Explanation"), _("Override reason"),
        ],
        [6, 14, 36, 10, 12, 12, 10, 16, 22, 14, 10, 14, 70, 30],
    )
    for row in report.rows:
        sheet.append(
            [
                row.number, row.category, row.name, row.unit, row.attribute, row.baseline,
                row.target_year, row.target, row.target_set_by, row.latest, row.latest_year,
                row.status_label, row.explanation, row.override_reason,
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    projects = book.create_sheet(_("Key projects"))
    _header(projects, [_("Box"), _("Title"), _("Items"), _("Progress")], [8, 36, 80, 40])
    for project in report.projects:
        projects.append([project.box, project.title, "\n".join(project.items), project.progress])
        for cell in projects[projects.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
