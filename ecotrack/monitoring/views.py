"""Air-quality pages: stored evaluation runs, by city and year (public: published results)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ecotrack.core.air.limits import compare
from ecotrack.monitoring import charts, quality, ranking
from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.places.models import Jurisdiction


def index(request: HttpRequest) -> HttpResponse:
    runs = list(ranking.visible_runs(request.user).select_related("jurisdiction").order_by(
        "jurisdiction__code", "-year", "-created_at"
    ))
    for run in runs:  # "PM2.5" cannot be looked up in a template (the dot)
        run.pm25 = run.annual.get("annual", {}).get("PM2.5")  # type: ignore[attr-defined]
    return render(request, "monitoring/index.html",
                  {"runs": runs, "rankings": ranking.ranking_links(runs)})


def _context(run: AirEvaluationRun, user: Any) -> dict[str, Any]:
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
        "other_runs": ranking.visible_runs(user).filter(
            jurisdiction=run.jurisdiction).exclude(pk=run.pk).order_by("-year", "-created_at"),
        "ranking_parent": ranking.ranking_of_parent(run, user),
    }


def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(
        ranking.visible_runs(request.user).select_related("jurisdiction"), pk=pk)
    return render(request, "monitoring/run.html", _context(run, request.user))


def city_year(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The latest run of a city and year (the one the plan observations point at)."""
    place = get_object_or_404(Jurisdiction, code=code)
    run = get_object_or_404(
        ranking.visible_runs(request.user).filter(jurisdiction=place, year=year)
        .order_by("-created_at")[:1]
    )
    return render(request, "monitoring/run.html", _context(run, request.user))


def cities(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Every jurisdiction below `code`: its latest run of `year`, ranked as the CLI ranks."""
    parent = get_object_or_404(Jurisdiction, code=code)
    return render(request, "monitoring/cities.html", {
        "parent": parent, "year": year, **ranking.ranking(parent, year, request.user),
        "command": "ecotrack air-evaluate --format prsa|cnemc|long|parquet PATH... "
                   f"--year {year} [--stations FILE] --all-cities --jurisdiction {parent.code}",
    })
