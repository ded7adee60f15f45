"""Reading pages: the list of assessments, a jurisdiction's CBI page, an assessment, evidence."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ecotrack.accounts import permissions
from ecotrack.audit.history import HistoryEntry, history_for
from ecotrack.cbi import workflow
from ecotrack.cbi.chart import component_chart
from ecotrack.cbi.comparison import baseline_of, component_rows, previous_of
from ecotrack.cbi.editions import scoring_edition
from ecotrack.cbi.models import Assessment, IndicatorEntry
from ecotrack.cbi.scoring import score
from ecotrack.core.cbi import AssessmentResult, Edition
from ecotrack.places.models import Jurisdiction, localized


def get_assessment(request: HttpRequest, code: str, year: int) -> Assessment:
    """The assessment, if the user may read it (403 for unpublished ones otherwise)."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("jurisdiction"), jurisdiction__code=code, year=year
    )
    permissions.require_view(request.user, assessment)
    return assessment


def index(request: HttpRequest) -> HttpResponse:
    assessments = permissions.visible(
        Assessment.objects.select_related("jurisdiction"), request.user
    ).order_by("jurisdiction__code", "-year")
    editable = permissions.editable_jurisdictions(request.user).order_by("path")
    return render(
        request,
        "cbi/index.html",
        {"assessments": assessments, "editable": editable if request.user.is_authenticated else []},
    )


def jurisdiction_page(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    assessments = list(
        permissions.visible(Assessment.objects.filter(jurisdiction=place), request.user).order_by(
            "year"
        )
    )
    latest = assessments[-1] if assessments else None
    context: dict[str, Any] = {
        "place": place,
        "assessments": assessments,
        "latest": latest,
        "can_edit": permissions.can_edit(request.user, place),
    }
    if latest is not None:
        edition = scoring_edition(latest.edition)
        series = [a for a in assessments if a.edition == latest.edition]
        context.update(
            edition=edition,
            components=[
                {
                    "name": localized(c.name_zh, c.name),
                    "score": latest.component_scores.get(c.key, 0),
                    "max_points": c.max_points,
                }
                for c in edition.components
            ],
            chart=component_chart(edition, series),
            series=[
                {
                    "assessment": a,
                    "scores": [a.component_scores.get(c.key, 0) for c in edition.components],
                }
                for a in series
            ],
        )
    return render(request, "cbi/jurisdiction.html", context)


def _visible_result(request: HttpRequest, other: Assessment | None) -> Any:
    """The other assessment's result if the user may see it; None if absent or hidden."""
    if other is None or not permissions.can_view(request.user, other):
        return None
    return score(other)


def _total_change(result: AssessmentResult, other: AssessmentResult | None) -> int | None:
    return None if other is None else result.total - other.total


def _entry_histories(
    request: HttpRequest, assessment: Assessment, entries: list[IndicatorEntry], edition: Edition
) -> list[tuple[str, list[HistoryEntry]]]:
    """Per answered indicator, who changed its inputs and scores (reviewers only)."""
    if not permissions.can_review(request.user, assessment.jurisdiction):
        return []
    rows = []
    for entry in sorted(entries, key=lambda e: edition.indicator(e.indicator_key).number):
        indicator = edition.indicator(entry.indicator_key)
        name = f"{indicator.number}. {localized(indicator.name_zh, indicator.name)}"
        rows.append((name, history_for(entry)))
    return rows


def detail(request: HttpRequest, code: str, year: int) -> HttpResponse:
    assessment = get_assessment(request, code, year)
    edition = scoring_edition(assessment.edition)
    entries = list(assessment.entries.all())
    result = score(assessment)
    baseline, previous = baseline_of(assessment), previous_of(assessment)
    baseline_result = _visible_result(request, baseline)
    previous_result = _visible_result(request, previous)
    if previous is not None and baseline is not None and previous.pk == baseline.pk:
        previous_result = None  # the same comparison twice says nothing new
    return render(
        request,
        "cbi/detail.html",
        {
            "assessment": assessment,
            "place": assessment.jurisdiction,
            "edition": edition,
            "edition_title": localized(edition.title_zh, edition.title),
            "result": result,
            "components": component_rows(
                edition, result, entries, baseline_result, previous_result
            ),
            "baseline": baseline,
            "baseline_shown": baseline_result is not None,
            "vs_baseline_total": _total_change(result, baseline_result),
            "vs_previous_total": _total_change(result, previous_result),
            "entry_histories": _entry_histories(request, assessment, entries, edition),
            "previous": previous if previous_result is not None else None,
            # The inputs' sub-table spans every column after "#" of the indicator table.
            "input_colspan": 6 + (baseline_result is not None) + (previous_result is not None),
            "can_edit": workflow.can_change_inputs(request.user, assessment),
            "can_review": permissions.can_review(request.user, assessment.jurisdiction),
            "actions": workflow.available_actions(request.user, assessment),
        },
    )


def evidence(request: HttpRequest, code: str, year: int, key: str) -> FileResponse:
    """Uploaded evidence goes out only through here, after the same check as the page."""
    assessment = get_assessment(request, code, year)
    entry = get_object_or_404(IndicatorEntry, assessment=assessment, indicator_key=key)
    if not entry.evidence_file:
        raise Http404("no evidence file")
    name = (entry.evidence_file.name or "").rsplit("/", 1)[-1]
    return FileResponse(entry.evidence_file.open("rb"), as_attachment=True, filename=name)
