"""Air-quality pages: stored evaluation runs, by city and year.

Every page reads runs through `ranking.visible_runs` (the public sees published runs; editors and
reviewers of a jurisdiction also its unpublished ones); a run one may not read is a 404.
Publishing and withdrawing take the right to edit the run's jurisdiction, as for plans.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ecotrack.accounts import permissions
from ecotrack.core.air.limits import compare
from ecotrack.monitoring import charts, quality, ranking
from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.places.models import Jurisdiction

# The GB 3095 columns (core/air/limits.py keeps the standard's own terms) as the page's
# language names them.
LIMIT_COLUMNS = {
    "二级": gettext_lazy("Grade II"),
    "过渡阶段 二级": gettext_lazy("transition stage, Grade II"),
    "最终阶段 二级": gettext_lazy("final stage, Grade II"),
}


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
        for limit in row["limits"]:
            limit["column"] = LIMIT_COLUMNS.get(limit["column"], limit["column"])
    return {
        "run": run,
        "daily": [{**d, "category": charts.category_name(d.get("category"))}
                  for d in run.daily],
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
        "can_edit": permissions.can_edit(user, run.jurisdiction),
        "can_review": permissions.can_review(user, run.jurisdiction),
    }


def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(
        ranking.visible_runs(request.user).select_related("jurisdiction"), pk=pk)
    return render(request, "monitoring/run.html", _context(run, request.user))


@login_required
@require_POST
def publish_run(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish (publish=1) or withdraw (publish=0) a run; audited as any model change."""
    run = get_object_or_404(
        ranking.visible_runs(request.user).select_related("jurisdiction"), pk=pk)
    permissions.require_edit(request.user, run.jurisdiction)
    publish = request.POST.get("publish") == "1"
    if run.is_published != publish:
        run.is_published = publish
        run.save(update_fields=["is_published"])
    messages.success(request, _("The evaluation is published: everyone can read it.") if publish
                     else _("The evaluation is withdrawn from publication: only editors and "
                            "reviewers of its jurisdiction can read it."))
    return redirect(run)


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
