"""Render the plan progress report as PDF (WeasyPrint) or XLSX (openpyxl)."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ecotrack.reports import pdf
from ecotrack.reports.access import report_user
from ecotrack.reports.charts import STATUS_COLOURS, Point, Segment, line_chart, stacked_bar
from ecotrack.reports.language import html_lang
from ecotrack.reports.plan_content import PlanReport, build_plan_report, find_plan
from ecotrack.reports.plan_xlsx import plan_workbook


def status_chart(report: PlanReport) -> SafeString:
    segments = [
        Segment(key, report.status_labels.get(key, key), count, STATUS_COLOURS[key])
        for key, count in report.counts.items()
    ]
    return stacked_bar(segments, _("Indicators by status"))


def indicator_charts(report: PlanReport) -> list[dict[str, Any]]:
    """A small line chart per indicator with at least two values over time."""
    charts = []
    for row in report.rows:
        if len({year for year, _v in row.history}) < 2:
            continue
        points = [Point(year, value) for year, value in row.history]
        title = f"{row.number} {row.name}" + (f" ({row.unit})" if row.unit else "")
        charts.append(
            {"title": title, "svg": line_chart(points, title, row.numeric_target, row.unit)}
        )
    return charts


def plan_html(report: PlanReport, language: str) -> str:
    """The report as HTML for WeasyPrint, which gets the stylesheets itself."""
    context = {
        "report": report,
        "status_chart": status_chart(report),
        "indicator_charts": indicator_charts(report),
        "html_lang": html_lang(language),
    }
    return render_to_string("reports/plan/document.html", context)


def render_plan(
    report_for: Any, fmt: str, language: str, stage: str, year: int | None, plan: Any
) -> bytes:
    with translation.override(language):
        report = build_plan_report(plan, report_for, stage, year)
        if fmt == "xlsx":
            return plan_workbook(report)
        return pdf.html_to_pdf(plan_html(report, language))


def render_plan_report(
    subject: str, fmt: str, user: Any | None, language: str, stage: str, year: int | None
) -> bytes:
    """For the command: find the plan as `user` may see it, then render it."""
    plan = find_plan(subject, user)
    who = report_user(user, plan.jurisdiction)
    return render_plan(who, fmt, language, stage, year, plan)
