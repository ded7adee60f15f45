"""Ranking the stored runs of every jurisdiction below a parent for one year.

`air-evaluate --all-cities --jurisdiction PARENT` stores one run per city; the page ranks the
latest run of each jurisdiction below PARENT by the command's own rule
(`ecotrack.core.air.cities.rank_results`, applied to the stored result JSON), so the web and
the CLI cannot disagree on the order.

Which runs a reader may see is decided in one place, `visible_runs`, used by the index and the
run pages as well: the platform's rule (`permissions.visible`), i.e. published runs for
everyone, unpublished ones only for those who may review their jurisdiction.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from ecotrack.accounts import permissions
from ecotrack.core.air.cities import rank_results
from ecotrack.monitoring import charts
from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.places.models import Jurisdiction

MIN_RUNS = 2  # a ranking of one jurisdiction is not linked to


def visible_runs(user: Any) -> QuerySet[AirEvaluationRun]:
    """The runs `user` may read: published ones, and unpublished ones of the jurisdictions
    `user` may review (`ecotrack.accounts.permissions.visible`)."""
    return permissions.visible(AirEvaluationRun.objects.all(), user)


def latest_runs_below(parent: Jurisdiction, year: int, user: Any) -> list[AirEvaluationRun]:
    """The latest visible run of each jurisdiction below `parent` for `year`."""
    runs = (visible_runs(user)
            .filter(year=year, jurisdiction__path__startswith=parent.path)
            .exclude(jurisdiction=parent)
            .select_related("jurisdiction", "created_by")
            .order_by("jurisdiction__code", "-created_at", "-pk"))
    latest: dict[int, AirEvaluationRun] = {}
    for run in runs:
        latest.setdefault(run.jurisdiction_id, run)
    return list(latest.values())


def _applied(standard: str) -> str:
    """The version(s) applied: 'auto' in 2015 applies HJ 633—2012 exactly as choosing it."""
    return standard.removesuffix(" (auto)")


def _inputs(runs: list[AirEvaluationRun]) -> set[tuple[str, ...]]:
    """The distinct sets of input files (compared, never shown): by content (the sorted sha256
    of each file) when every run kept its hashes, else by stored file name, as runs stored
    before the hashes were kept allow. The fingerprint cannot tell inputs apart: it also covers
    the city and its stations, so every city of one --all-cities run has its own."""
    if all(run.input_hashes for run in runs):
        return {tuple(sorted(set(run.input_hashes))) for run in runs}
    return {tuple(sorted(str(p) for p in run.input_files)) for run in runs}


def ranking(parent: Jurisdiction, year: int, user: Any) -> dict[str, Any]:
    """Rows in ranking order and what makes them not strictly comparable."""
    runs = latest_runs_below(parent, year, user)
    rows = []
    for rank, run in rank_results(runs, lambda r: r.annual, lambda r: r.jurisdiction.code):
        annual = run.annual
        values = annual.get("annual") or {}
        notes = annual.get("validity_notes") or []
        ratio = annual.get("good_ratio")
        rows.append({
            "rank": rank, "run": run, "jurisdiction": run.jurisdiction,
            "stations": len(run.stations), "valid_days": annual.get("valid_days"),
            "good_days": annual.get("good_days"), "good_ratio": ratio,
            "heavy_days": annual.get("heavy_days"),
            "pm25": values.get("PM2.5"), "pm10": values.get("PM10"),
            "o3": values.get("O3_8h_p90"), "co": values.get("CO_p95"),
            "valid": bool(annual.get("valid")), "reason": notes[0] if notes else "",
            "more_reasons": max(0, len(notes) - 1),
            "standard": run.standard, "bar": charts.ratio_bar(ratio),
        })
    standards = sorted({_applied(run.standard) for run in runs})
    inputs = _inputs(runs)
    return {
        "rows": rows,
        "standards": standards if len(standards) > 1 else [],
        "input_sets": len(inputs) if len(inputs) > 1 else 0,
        "bar": charts.RATIO_BAR,
    }


def parents_with_rankings(runs: list[AirEvaluationRun]) -> dict[tuple[int, int], int]:
    """(parent id, year) → number of its children with a run, where at least MIN_RUNS."""
    children: dict[tuple[int, int], set[int]] = defaultdict(set)
    for run in runs:
        parent_id = run.jurisdiction.parent_id
        if parent_id is not None:
            children[(parent_id, run.year)].add(run.jurisdiction_id)
    return {key: len(ids) for key, ids in children.items() if len(ids) >= MIN_RUNS}


def ranking_links(runs: list[AirEvaluationRun]) -> list[dict[str, Any]]:
    """The rankings the index links to: each parent and year with ≥ MIN_RUNS child runs."""
    counts = parents_with_rankings(runs)
    parents = Jurisdiction.objects.in_bulk({parent_id for parent_id, _year in counts})
    links = [{"parent": parents[parent_id], "year": year, "count": n}
             for (parent_id, year), n in counts.items()]
    return sorted(links, key=lambda link: (link["parent"].code, -link["year"]))


def ranking_of_parent(run: AirEvaluationRun, user: Any) -> Jurisdiction | None:
    """The parent whose ranking a run page links to, if it has ≥ MIN_RUNS child runs."""
    parent = run.jurisdiction.parent
    if parent is None:
        return None
    children = (visible_runs(user).filter(jurisdiction__parent=parent, year=run.year)
                .order_by().values("jurisdiction").distinct().count())
    return parent if children >= MIN_RUNS else None
