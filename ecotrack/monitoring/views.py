"""Air-quality pages: stored evaluation runs, by city and year (public: published results)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ecotrack.core.air.limits import compare
from ecotrack.monitoring import charts, quality
from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.places.models import Jurisdiction


def index(request: HttpRequest) -> HttpResponse:
    runs = list(AirEvaluationRun.objects.select_related("jurisdiction").order_by(
        "jurisdiction__code", "-year", "-created_at"
    ))
    for run in runs:  # "PM2.5" cannot be looked up in a template (the dot)
        run.pm25 = run.annual.get("annual", {}).get("PM2.5")  # type: ignore[attr-defined]
    return render(request, "monitoring/index.html", {"runs": runs})


def _context(run: AirEvaluationRun) -> dict[str, Any]:
    annual = run.annual
    months = charts.monthly_counts(run.daily)
    limits = compare(annual.get("annual", {}))
    for row in limits:
        row["valid"] = annual.get("annual_valid", {}).get(row["key"])
    return {
        "run": run,
        "annual": annual,
        "calendar": charts.calendar(run.daily, run.year),
        "months": months,
        "bars": charts.monthly_bars(months),
        "legend": charts.legend(),
        "limits": limits,
        "categories": list(annual.get("days_by_category", {}).items()),
        "quality": quality.summary(annual, run.year, list(run.stations)),
        "other_runs": AirEvaluationRun.objects.filter(
            jurisdiction=run.jurisdiction).exclude(pk=run.pk).order_by("-year", "-created_at"),
    }


def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(AirEvaluationRun.objects.select_related("jurisdiction"), pk=pk)
    return render(request, "monitoring/run.html", _context(run))


def city_year(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The latest run of a city and year (the one the plan observations point at)."""
    place = get_object_or_404(Jurisdiction, code=code)
    run = get_object_or_404(
        AirEvaluationRun.objects.filter(jurisdiction=place, year=year).order_by("-created_at")[:1]
    )
    return render(request, "monitoring/run.html", _context(run))
