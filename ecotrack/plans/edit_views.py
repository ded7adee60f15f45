"""Officers build and maintain a plan by hand: create it, edit its metadata and source,
publish or withdraw it, add, edit and delete indicators, their targets per year, review
milestones and key-project boxes (专栏).

Every view asks `ecotrack.accounts.permissions.require_edit` on the plan's jurisdiction
before it reads the posted data: a refused request answers 403 and changes nothing. The
audit trail (auditlog's middleware) attributes each change to the officer.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecotrack.accounts import permissions
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.edit_forms import (
    IndicatorForm,
    IssueForm,
    MilestoneFormSet,
    PlanCreateForm,
    PlanEditForm,
    ProjectForm,
    ProjectItemFormSet,
    TargetFormSet,
)
from ecotrack.plans.models import KeyProject, MatchRule, Plan, PlanIndicator, ProjectIssue
from ecotrack.plans.target_display import read_target


def _editable_plan(request: HttpRequest, pk: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_edit(request.user, plan.jurisdiction)
    return plan


def _editable_indicator(request: HttpRequest, pk: int) -> PlanIndicator:
    ind = get_object_or_404(PlanIndicator.objects.select_related("plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, ind.plan.jurisdiction)
    return ind


def _keep_source(plan: Plan, upload: Any) -> None:
    """Store the uploaded document as the plan's source, with its SHA-256 and name."""
    data = upload.read()
    upload.seek(0)
    old = plan.source_file.name
    plan.source_sha256 = hashlib.sha256(data).hexdigest()
    plan.source_filename = upload.name
    plan.source_file.save(upload.name, upload, save=False)
    if old and old != plan.source_file.name:
        transaction.on_commit(lambda: plan.source_file.storage.delete(old))


@login_required
def create_plan(request: HttpRequest) -> HttpResponse:
    editable = permissions.editable_jurisdictions(request.user).order_by("path")
    if not editable.exists():
        raise PermissionDenied("You edit no jurisdiction.")
    form = PlanCreateForm(request.POST or None, request.FILES or None,
                          jurisdictions=Jurisdiction.objects.all())
    form.fields["place"].queryset = editable  # type: ignore[attr-defined]
    if request.method == "POST":
        # A jurisdiction the officer does not edit is refused, not offered again.
        raw = request.POST.get("place", "")
        chosen = Jurisdiction.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
        if chosen is not None:
            permissions.require_edit(request.user, chosen)
        if form.is_valid():
            with transaction.atomic():
                plan = form.save(commit=False)
                plan.jurisdiction = form.cleaned_data["place"]
                if form.cleaned_data.get("source_upload"):
                    _keep_source(plan, form.cleaned_data["source_upload"])
                plan.save()
            messages.success(request, _("Plan created. Add its indicators and targets."))
            return redirect(plan)
    return render(request, "plans/form.html", {
        "form": form, "heading": _("New plan"), "back": "/plans/", "multipart": True,
    })


@login_required
def edit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    form = PlanEditForm(request.POST or None, request.FILES or None, instance=plan)
    form.jurisdiction = plan.jurisdiction
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            edited = form.save(commit=False)
            if form.cleaned_data.get("source_upload"):
                _keep_source(edited, form.cleaned_data["source_upload"])
            edited.save()
        messages.success(request, _("Plan saved."))
        return redirect(plan)
    return render(request, "plans/form.html", {
        "form": form, "plan": plan, "heading": _("Edit plan"), "back": plan.get_absolute_url(),
        "multipart": True,
    })


@login_required
@require_POST
def publish_plan(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    publish = request.POST.get("publish") == "1"
    if plan.is_published != publish:
        plan.is_published = publish
        plan.save(update_fields=["is_published", "updated_at"])
    messages.success(request, _("The plan is published: everyone can read it.") if publish
                     else _("The plan is withdrawn: only its officers and reviewers can read it."))
    return redirect(plan)


@login_required
def add_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    form = IndicatorForm(request.POST or None, plan=plan, instance=PlanIndicator(plan=plan))
    if request.method == "POST" and form.is_valid():
        ind = form.save(commit=False)
        last = plan.indicators.aggregate(last=Max("position"))["last"] or 0
        ind.position = last + 1
        ind.seq = int(ind.number) if ind.number.isdigit() else None
        ind.match_rule = MatchRule.MANUAL if ind.canonical_id else ""
        ind.save()
        messages.success(request, _("Indicator added. Now give its targets."))
        return redirect("plans:targets", ind.pk)
    return render(request, "plans/form.html", {
        "form": form, "plan": plan, "heading": _("New indicator"),
        "back": plan.get_absolute_url(),
    })


@login_required
def edit_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _editable_indicator(request, pk)
    before = ind.canonical_id
    form = IndicatorForm(request.POST or None, plan=ind.plan, instance=ind)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        if edited.canonical_id != before:
            edited.match_rule = MatchRule.MANUAL if edited.canonical_id else ""
        edited.save()
        messages.success(request, _("Indicator saved."))
        return redirect(ind)
    return render(request, "plans/form.html", {
        "form": form, "plan": ind.plan, "indicator": ind,
        "heading": _("Edit indicator %(number)s") % {"number": ind.number},
        "back": ind.get_absolute_url(),
    })


@login_required
def delete_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _editable_indicator(request, pk)
    if request.method == "POST":
        plan = ind.plan
        with transaction.atomic():
            # Revisions point at each other; the newest go first so none is left dangling.
            for obs in ind.observations.order_by("-created_at", "-pk"):
                obs.delete()
            ind.delete()
        messages.success(request, _("Indicator deleted."))
        return redirect(plan)
    return render(request, "plans/confirm_delete.html", {
        "plan": ind.plan, "indicator": ind, "targets": ind.targets.count(),
        "observations": ind.observations.count(),
    })


@login_required
def edit_targets(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _editable_indicator(request, pk)
    formset = TargetFormSet(request.POST or None, instance=ind, prefix="targets")
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, _("Targets saved."))
        return redirect("plans:targets", ind.pk)
    readings = [(t, read_target(t.text)) for t in ind.targets.all()]
    return render(request, "plans/targets.html", {
        "plan": ind.plan, "indicator": ind, "formset": formset, "readings": readings,
        "heading": _("Targets of %(number)s %(name)s")
        % {"number": ind.number, "name": ind.full_name},
        "item_label": _("Target"), "back": ind.get_absolute_url(),
    })


@login_required
def edit_milestones(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable_plan(request, pk)
    formset = MilestoneFormSet(request.POST or None, instance=plan, prefix="milestones")
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, _("Review milestones saved."))
        return redirect(plan)
    return render(request, "plans/formset.html", {
        "plan": plan, "formset": formset, "heading": _("Review milestones"),
        "item_label": _("Milestone"), "back": plan.get_absolute_url(),
    })


def _items_initial(project: KeyProject | None) -> list[dict[str, Any]]:
    items = project.items if project is not None else []
    return [{"code": i.get("code") or "", "title": i.get("title") or "",
             "text": i.get("text") or ""} for i in items]


def _project_page(request: HttpRequest, plan: Plan, project: KeyProject | None) -> HttpResponse:
    instance = project or KeyProject(plan=plan)
    form = ProjectForm(request.POST or None, instance=instance)
    items = ProjectItemFormSet(request.POST or None, initial=_items_initial(project),
                               prefix="items")
    if request.method == "POST" and form.is_valid() and items.is_valid():
        box = form.save(commit=False)
        box.items = [item for f in items.forms if (item := f.as_item()) is not None]
        if project is None:
            box.position = (plan.projects.aggregate(last=Max("position"))["last"] or 0) + 1
        box.save()
        messages.success(request, _("Key-project box saved."))
        return redirect(plan)
    heading = _("Edit key-project box") if project else _("New key-project box")
    return render(request, "plans/project_form.html", {
        "plan": plan, "project": project, "form": form, "items": items, "heading": heading,
    })


@login_required
def add_project(request: HttpRequest, pk: int) -> HttpResponse:
    return _project_page(request, _editable_plan(request, pk), None)


@login_required
def edit_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(KeyProject.objects.select_related("plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, project.plan.jurisdiction)
    return _project_page(request, project.plan, project)


@login_required
@require_POST
def delete_project(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(KeyProject.objects.select_related("plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, project.plan.jurisdiction)
    plan = project.plan
    project.delete()
    messages.success(request, _("Key-project box deleted."))
    return redirect(plan)


def _issue_page(request: HttpRequest, project: KeyProject, issue: ProjectIssue | None
                ) -> HttpResponse:
    form = IssueForm(request.POST or None, instance=issue or ProjectIssue(project=project))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Issue saved."))
        return redirect("plans:progress", project.plan_id)
    heading = (_("Issue of %(project)s") if issue else _("New issue for %(project)s")) % {
        "project": project}
    return render(request, "plans/form.html", {
        "form": form, "plan": project.plan, "heading": heading,
        "back": reverse("plans:progress", args=[project.plan_id]),
    })


@login_required
def add_issue(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(KeyProject.objects.select_related("plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, project.plan.jurisdiction)
    return _issue_page(request, project, None)


@login_required
def edit_issue(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(
        ProjectIssue.objects.select_related("project__plan__jurisdiction"), pk=pk)
    permissions.require_edit(request.user, issue.project.plan.jurisdiction)
    return _issue_page(request, issue.project, issue)
