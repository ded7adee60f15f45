"""Render the reports: HTML documents (for the browser, a file, or WeasyPrint) and PDFs.

Each renderer takes the report's language explicitly and renders the whole document inside
it, so labels computed in Python (chart labels, statuses) and in templates agree.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from ecotrack.places.models import Jurisdiction
from ecotrack.reports import pdf, profile_charts
from ecotrack.reports.language import html_lang
from ecotrack.reports.profile_content import ProfileReport, build_profile_report


def profile_context(report: ProfileReport) -> dict[str, Any]:
    return {
        "report": report,
        "award_charts": profile_charts.award_charts(report),
        "cbi_chart": profile_charts.cbi_chart(report),
        "areas_chart": profile_charts.areas_chart(report),
    }


def profile_html(
    jurisdiction: Jurisdiction,
    user: Any | None,
    language: str,
    *,
    with_css: bool = True,
) -> str:
    """The standalone HTML document, its stylesheet inside (a file that stands alone), or
    without it (`with_css=False`: WeasyPrint gets the stylesheets itself)."""
    with translation.override(language):
        report = build_profile_report(jurisdiction, user)
        context = profile_context(report)
        context.update(
            html_lang=html_lang(language),
            LANGUAGE_CODE=language,
            inline_css=pdf.inline_css() if with_css else "",
        )
        return render_to_string("reports/profile/document.html", context)


def profile_pdf(jurisdiction: Jurisdiction, user: Any | None, language: str) -> bytes:
    html = profile_html(jurisdiction, user, language, with_css=False)
    with translation.override(language):
        return pdf.html_to_pdf(html)
