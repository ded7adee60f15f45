"""Plan pages: list, dashboard, indicator page, cascade, and the editors' forms.

Every view asks `ecotrack.accounts.permissions`: unpublished plans are visible to reviewers
only, every change needs `require_edit` on the plan's jurisdiction (403 otherwise).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecotrack.accounts import permissions
from ecotrack.core.targets import TargetKind
from ecotrack.places.models import Jurisdiction
from ecotrack.plans import compliance
from ecotrack.plans.assigned import AssignedTargetError, set_assigned_target
from ecotrack.plans.charts import observation_chart, progress_bars, status_bars
from ecotrack.plans.forms import (
    AdoptTemplateForm,
    AssignedTargetForm,
    ObservationForm,
    ObservationUploadForm,
    OverrideForm,
)
from ecotrack.plans.league import canonical_columns, league_table
from ecotrack.plans.models import (
    Attribute,
    CanonicalIndicator,
    ComplianceOverride,
    ComplianceStatus,
    ObservationSource,
    Plan,
    PlanIndicator,
    ProjectIssue,
)
from ecotrack.plans.observation_csv import ObservationImportError, import_observations
from ecotrack.plans.observations import record_observation
from ecotrack.plans.template import adopt_template


def _int(request: HttpRequest, name: str, default: int | None) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() and 1949 <= int(raw) <= 2100 else default


def _visible_plan(request: HttpRequest, pk: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_view(request.user, plan)
    return plan


def _indicator(request: HttpRequest, pk: int) -> PlanIndicator:
    indicator = get_object_or_404(
        PlanIndicator.objects.select_related("plan__jurisdiction", "canonical"), pk=pk
    )
    permissions.require_view(request.user, indicator.plan)
    return indicator


def _user(request: HttpRequest) -> Any:
    """The logged-in user (views that change data are behind login_required)."""
    return request.user


def _status_labels() -> dict[str, str]:
    return {value: str(label) for value, label in ComplianceStatus.choices}


def index(request: HttpRequest) -> HttpResponse:
    plans = permissions.visible(Plan.objects.select_related("jurisdiction"), request.user)
    editable = permissions.editable_jurisdictions(request.user).order_by("path")
    adopt = AdoptTemplateForm(
        jurisdictions=editable, initial={"year": timezone.now().year}
    ) if editable.exists() else None
    reviewed = [
        m.jurisdiction for m in permissions.roles_summary(request.user)
        if permissions.can_review(request.user, m.jurisdiction)
    ]
    return render(request, "plans/index.html", {
        "plans": plans.order_by("jurisdiction__path", "-period_start"),
        "adopt_form": adopt,
        "can_create": adopt is not None,
        "reviewed": reviewed,
    })


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _visible_plan(request, pk)
    as_of = _int(request, "as_of", timezone.now().year) or timezone.now().year
    years = plan.target_years
    year = _int(request, "year", None)
    year = year if year in years else compliance.default_year(years, as_of)
    rows = compliance.assess_plan(plan, as_of, request.user, year)
    categories = sorted({r.indicator.category for r in rows if r.indicator.category})
    category = request.GET.get("category", "")
    category = category if category in categories else ""
    attribute = request.GET.get("attribute", "")
    attribute = attribute if attribute in Attribute.values else ""
    # Area and attribute narrow the table and the counts; status then picks among them.
    rows = [r for r in rows if (not category or r.indicator.category == category)
            and (not attribute or r.indicator.attribute == attribute)]
    counts = compliance.count_by_status(rows)
    wanted = request.GET.get("status", "")
    shown = [r for r in rows if r.status == wanted] if wanted in counts else rows
    labels = _status_labels()
    kept = {"year": year, "as_of": as_of, "category": category, "attribute": attribute,
            "status": wanted if wanted in counts else ""}
    return render(request, "plans/detail.html", {
        "plan": plan,
        "rows": shown,
        "total": len(rows),
        "counts": [(s, labels[s], n) for s, n in counts.items()],
        "bars": status_bars(counts, labels),
        "years": years,
        "year": year,
        "as_of": as_of,
        "status": wanted if wanted in counts else "",
        "categories": categories,
        "category": category,
        "attributes": Attribute.choices,
        "attribute": attribute,
        "status_links": [
            (value, label, n, urlencode({**{k: v for k, v in kept.items() if v},
                                         "status": value}))
            for value, label, n in [(s, labels[s], n) for s, n in counts.items()] if n
        ],
        "can_edit": permissions.can_edit(request.user, plan.jurisdiction),
        "can_review": permissions.can_review(request.user, plan.jurisdiction),
        "milestones": plan.milestones.all(),
        "projects": plan.projects.all(),
    })


def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _indicator(request, pk)
    as_of = _int(request, "as_of", timezone.now().year) or timezone.now().year
    resolver = compliance.resolver_for(request.user)
    row = compliance.assess_indicator(
        compliance.prefetched(PlanIndicator.objects.filter(pk=ind.pk)).get(), as_of, resolver
    )
    observations = ind.observations.select_related("created_by", "superseded_by").order_by(
        "year", "created_at", "pk"
    )
    current = [o for o in observations if o.is_current]
    numeric = [(o.data_year, o.value) for o in current if o.value is not None]
    goals = []
    for a in (row.assessments[y] for y in sorted(row.assessments)):
        t = a.target
        if t is not None and t.kind is TargetKind.NUMERIC and t.value is not None:
            goals.append((a.year, t.value, t.value_high, t.raw))
    chart = observation_chart(numeric, goals, ind.plan.base_year, ind.unit)
    return render(request, "plans/indicator.html", {
        "chart": chart,
        "chart_observations": sorted(numeric),
        "chart_targets": goals,
        "indicator": ind,
        "plan": ind.plan,
        "row": row,
        "assessments": [row.assessments[y] for y in sorted(row.assessments)],
        "as_of": as_of,
        "targets": ind.targets.all(),
        "observations": observations,
        "overrides": ind.overrides.select_related("created_by"),
        "can_edit": permissions.can_edit(request.user, ind.plan.jurisdiction),
        "can_review": permissions.can_review(request.user, ind.plan.jurisdiction),
    })


@login_required
def add_observation(request: HttpRequest, pk: int) -> HttpResponse:
    ind = get_object_or_404(PlanIndicator.objects.select_related("plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, ind.plan.jurisdiction)
    form = ObservationForm(request.POST or None, initial={"year": timezone.now().year - 1})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _obs, new = record_observation(
            ind, data["year"], data["value"], ObservationSource.MANUAL, data["method"],
            request.user, text=data["text"], data_year=data["data_year"],
        )
        messages.success(request, _("Observation recorded.") if new else
                         _("The same observation was already recorded; nothing changed."))
        return redirect(ind)
    return render(request, "plans/form.html", {
        "form": form, "plan": ind.plan, "indicator": ind,
        "heading": _("New observation for %(name)s") % {"name": ind.full_name},
        "back": ind.get_absolute_url(),
    })


@login_required
def set_override(request: HttpRequest, pk: int) -> HttpResponse:
    ind = get_object_or_404(PlanIndicator.objects.select_related("plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, ind.plan.jurisdiction)
    years = sorted({t.year for t in ind.targets.all() if t.year})
    form = OverrideForm(request.POST or None, years=years)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ComplianceOverride.objects.update_or_create(
            indicator=ind, year=data["year"],
            defaults={"status": data["status"], "reason": data["reason"],
                      "created_by": _user(request)},
        )
        messages.success(request, _("Compliance decision saved."))
        return redirect(ind)
    return render(request, "plans/form.html", {
        "form": form, "plan": ind.plan, "indicator": ind,
        "heading": _("Set the compliance status of %(name)s") % {"name": ind.full_name},
        "back": ind.get_absolute_url(),
    })


@login_required
@require_POST
def remove_override(request: HttpRequest, pk: int) -> HttpResponse:
    override = get_object_or_404(
        ComplianceOverride.objects.select_related("indicator__plan__jurisdiction"), pk=pk
    )
    permissions.require_edit(request.user, override.indicator.plan.jurisdiction)
    override.delete()
    messages.success(request, _("Compliance decision removed; the computed status applies."))
    return redirect(override.indicator)


@login_required
def upload_observations(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_edit(request.user, plan.jurisdiction)
    form = ObservationUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            read, written = import_observations(plan, upload.read(), upload.name, request.user)
        except ObservationImportError as exc:
            problems = exc.problems
        else:
            messages.success(request, _("%(read)d rows read, %(written)d new observations.")
                             % {"read": read, "written": written})
            return redirect(plan)
    return render(request, "plans/upload.html", {"form": form, "plan": plan,
                                                 "problems": problems})


@login_required
@require_POST
def adopt(request: HttpRequest) -> HttpResponse:
    editable = permissions.editable_jurisdictions(request.user)
    form = AdoptTemplateForm(request.POST, jurisdictions=Jurisdiction.objects.all())
    if not form.is_valid():
        messages.error(request, _("Choose a jurisdiction and a year."))
        return redirect("plans:index")
    place = form.cleaned_data["jurisdiction"]
    if not editable.filter(pk=place.pk).exists():
        raise PermissionDenied(f"You may not change the content of {place}.")
    plan, created = adopt_template(place, form.cleaned_data["year"], request.user)
    if not created:
        messages.info(request, _("This self-assessment exists already."))
    return redirect(plan)


def cascade(request: HttpRequest, code: str) -> HttpResponse:
    """For a reviewer: one canonical indicator down the tree below `code`."""
    root = get_object_or_404(Jurisdiction, code=code)
    if not permissions.can_review(request.user, root):
        raise PermissionDenied(f"You may not review {root}.")
    plans = permissions.visible(Plan.objects.all(), request.user).filter(
        jurisdiction__path__startswith=root.path
    )
    keys = CanonicalIndicator.objects.filter(plan_indicators__plan__in=plans).distinct()
    key = request.GET.get("indicator", "")
    canonical = keys.filter(key=key).first() if key else keys.first()
    as_of = _int(request, "as_of", timezone.now().year) or timezone.now().year
    rows: list[Any] = []
    years: set[int] = set()
    if canonical is not None:
        resolver = compliance.resolver_for(request.user)
        found = compliance.prefetched(
            PlanIndicator.objects.filter(plan__in=plans, canonical=canonical)
        ).order_by("plan__jurisdiction__path", "plan__period_start")
        for ind in found:
            years.update(t.year for t in ind.targets.all() if t.year)
        year = _int(request, "year", None)
        year = year if year in years else compliance.default_year(years, as_of)
        for ind in found:
            status = compliance.assess_indicator(ind, as_of, resolver, year)
            depth = ind.plan.jurisdiction.path.count("/") - root.path.count("/")
            rows.append({"row": status, "depth": depth, "indent": f"indent-{min(depth, 3)}"})
    else:
        year = None
    return render(request, "plans/cascade.html", {
        "root": root, "keys": keys, "canonical": canonical, "rows": rows,
        "years": sorted(years), "year": year, "as_of": as_of,
    })


def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Key projects of a plan: status, progress, investment and the issue ledger."""
    plan = _visible_plan(request, pk)
    projects = list(plan.projects.prefetch_related("issues"))
    issues = ProjectIssue.objects.filter(project__plan=plan).select_related("project")
    rows = [(p, [i for i in p.issues.all() if i.state != "closed"]) for p in projects]
    return render(request, "plans/progress.html", {
        "plan": plan,
        "rows": rows,
        "bars": progress_bars(projects),
        "chart_height": max(24 * len(projects), 24) + 8,
        "issues": issues,
        "open_count": sum(len(open_issues) for _p, open_issues in rows),
        "can_edit": permissions.can_edit(request.user, plan.jurisdiction),
    })


def league(request: HttpRequest, code: str) -> HttpResponse:
    """The places below `code` ranked by the share of their indicators met.

    Reviewers of `code` see every plan they may read; everyone else sees published plans
    only (the anonymous public too).
    """
    root = get_object_or_404(Jurisdiction, code=code)
    as_of = _int(request, "as_of", timezone.now().year) or timezone.now().year
    year = _int(request, "year", None)
    reviewer = permissions.can_review(request.user, root)
    # Anyone who does not review `code` sees what the public sees: published plans only.
    rows = league_table(root, as_of, request.user if reviewer else AnonymousUser(), year)
    keys = canonical_columns(rows)
    names = dict(CanonicalIndicator.objects.filter(key__in=keys).values_list("key", "name_zh"))
    labels = _status_labels()
    table = [
        (row, [(key, row.by_key.get(key, ""), labels.get(row.by_key.get(key, ""), ""))
               for key in keys])
        for row in rows
    ]
    return render(request, "plans/league.html", {
        "root": root, "table": table, "columns": [(k, names.get(k, k)) for k in keys],
        "as_of": as_of, "year": year or "", "reviewer": reviewer,
    })


@login_required
def set_target(request: HttpRequest) -> HttpResponse:
    """The web form of `ecotrack set-target`: a target set outside a plan (e.g. the national
    value that 「达到国家考核目标」 waits for), by those who may edit the jurisdiction."""
    editable = permissions.editable_jurisdictions(request.user).order_by("path")
    if not editable.exists():
        raise PermissionDenied("You edit no jurisdiction.")
    form = AssignedTargetForm(request.POST or None, jurisdictions=Jurisdiction.objects.all(),
                              initial={"year": timezone.now().year})
    if request.method == "POST":
        raw = request.POST.get("jurisdiction", "")
        chosen = Jurisdiction.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
        if chosen is not None:
            permissions.require_edit(request.user, chosen)  # 403, nothing stored
        if form.is_valid():
            data = form.cleaned_data
            try:
                target, changed = set_assigned_target(
                    data["jurisdiction"], data["indicator"].key, data["year"],
                    data["target"], request.user)
            except AssignedTargetError as exc:
                form.add_error("target", str(exc))
            else:
                messages.success(request, _("Target saved.") if changed else
                                 _("The same target was already set; nothing changed."))
                return redirect(target.indicator)
    form.fields["jurisdiction"].queryset = editable  # type: ignore[attr-defined]
    return render(request, "plans/form.html", {
        "form": form, "heading": _("Set an assessment target"), "back": "/plans/",
    })
