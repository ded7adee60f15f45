"""Editing pages: start an assessment, Part I, Part II per component, and state changes.

Every view asks the permission layer first and answers 403 (PermissionDenied) on refusal,
before reading any submitted data; nothing is saved from an invalid form.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecotrack.accounts import permissions
from ecotrack.cbi import workflow
from ecotrack.cbi.editions import scoring_edition
from ecotrack.cbi.forms import META_FIELDS, ComponentForm, ProfileForm, StartAssessmentForm
from ecotrack.cbi.models import Assessment, IndicatorEntry
from ecotrack.cbi.scoring import rescore
from ecotrack.cbi.views import get_assessment
from ecotrack.places.models import Jurisdiction, localized


@login_required
def start(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    permissions.require_edit(request.user, place)
    form = StartAssessmentForm(
        request.POST or None, jurisdiction=place, instance=Assessment(jurisdiction=place)
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            assessment = form.save()
            rescore(assessment)  # stores the empty result: 0 of 112, status not started
        messages.success(request, _("Assessment started."))
        return redirect(assessment)
    return render(request, "cbi/start.html", {"place": place, "form": form})


@login_required
def edit_profile(request: HttpRequest, code: str, year: int) -> HttpResponse:
    assessment = get_assessment(request, code, year)
    workflow.require_change_inputs(request.user, assessment)
    form = ProfileForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Profile of the city saved."))
        return redirect(assessment)
    return render(
        request,
        "cbi/profile_form.html",
        {"assessment": assessment, "place": assessment.jurisdiction, "form": form},
    )


def _save_component(assessment: Assessment, form: ComponentForm) -> None:
    """Store each indicator's inputs, their year and source, and metadata, then rescore, all or
    nothing."""
    with transaction.atomic():
        for indicator in form.indicators:
            stored = form.stored_inputs[indicator.key]
            values = {
                name: form.cleaned_data.get(form.field_name(indicator, name))
                for name in META_FIELDS
            }
            entry = form.entries.get(indicator.key)
            upload = values.pop("evidence_file")
            blank = not stored and not any(values.values()) and not upload
            if entry is None and blank:
                continue
            if entry is None:
                entry = IndicatorEntry(assessment=assessment, indicator_key=indicator.key)
            entry.inputs = stored
            entry.input_provenance = form.stored_provenance(indicator)
            entry.data_year = values["data_year"]
            entry.source = values["source"] or ""
            entry.evidence_url = values["evidence_url"] or ""
            entry.notes = values["notes"] or ""
            if upload is False:  # "clear" ticked
                entry.evidence_file.delete(save=False)
            elif upload:
                entry.evidence_file = upload
            entry.save()
        rescore(assessment)


@login_required
def edit_component(request: HttpRequest, code: str, year: int, component: str) -> HttpResponse:
    assessment = get_assessment(request, code, year)
    workflow.require_change_inputs(request.user, assessment)
    edition = scoring_edition(assessment.edition)
    if component not in {c.key for c in edition.components}:
        raise Http404("unknown component")
    form = ComponentForm(
        request.POST or None,
        request.FILES or None,
        assessment=assessment,
        edition=edition,
        component=component,
    )
    if request.method == "POST" and form.is_valid():
        _save_component(assessment, form)
        messages.success(request, _("Inputs saved and scored."))
        return redirect(f"{assessment.get_absolute_url()}#component-{component}")
    spec = edition.component(component)
    return render(
        request,
        "cbi/component_form.html",
        {
            "assessment": assessment,
            "place": assessment.jurisdiction,
            "form": form,
            "component_name": localized(spec.name_zh, spec.name),
            "component": spec,
        },
    )


@login_required
@require_POST
def transition(request: HttpRequest, code: str, year: int) -> HttpResponse:
    assessment = get_assessment(request, code, year)
    action = request.POST.get("action", "")
    workflow.perform(request.user, assessment, action)
    done = {
        "submit": _("Assessment submitted for review."),
        "review": _("Assessment marked as reviewed."),
        "return": _("Assessment returned for changes."),
        "publish": _("Assessment published."),
        "unpublish": _("Assessment unpublished."),
    }
    messages.success(request, done[action])
    return redirect(assessment)
