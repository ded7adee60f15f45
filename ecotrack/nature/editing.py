"""Editors' pages: make a commitment, describe an action, set a target, update a pathway step,
add other commitments and resources. Every view asks the permission layer about the
jurisdiction the object belongs to (taken from the stored object, never from the form), so a
refused request answers 403 and changes nothing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ecotrack.accounts import permissions
from ecotrack.nature import reference
from ecotrack.nature.forms import (
    ActionForm,
    CommitmentForm,
    OtherCommitmentForm,
    PathwayStepForm,
    ResourceForm,
    TargetForm,
)
from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    Resource,
    Target,
)
from ecotrack.places.models import Jurisdiction


def _edit(
    request: HttpRequest,
    form_class: type[forms.ModelForm],
    instance: Any,
    *,
    heading: str,
    back_url: str,
    saved: str,
) -> HttpResponse:
    """The common flow: permission first, then a bound form, then save and go back."""
    permissions.require_edit(request.user, instance.jurisdiction)
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        obj = form.save()
        messages.success(request, saved)
        return redirect(_after_save(obj, back_url))
    return render(
        request,
        "nature/form.html",
        {"form": form, "heading": heading, "place": instance.jurisdiction, "back_url": back_url},
    )


def _after_save(obj: Any, back_url: str) -> str:
    return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else back_url


def _place(code: str) -> Jurisdiction:
    return get_object_or_404(Jurisdiction, code=code)


@login_required
def commitment_new(request: HttpRequest, code: str) -> HttpResponse:
    place = _place(code)
    return _edit(request, CommitmentForm, Commitment(jurisdiction=place),
                 heading=_("Make a commitment"), back_url=_profile_url(place),
                 saved=_("Commitment saved."))


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Commitment, pk=pk)
    return _edit(request, CommitmentForm, found,
                 heading=_("Edit commitment: %(title)s") % {"title": found.title},
                 back_url=found.get_absolute_url(), saved=_("Commitment saved."))


@login_required
def action_new(request: HttpRequest, pk: int) -> HttpResponse:
    parent = get_object_or_404(Commitment, pk=pk)
    instance = ActionEntry(commitment=parent, jurisdiction=parent.jurisdiction)
    return _edit(request, ActionForm, instance,
                 heading=_("Describe an action under “%(title)s”") % {"title": parent.title},
                 back_url=parent.get_absolute_url(), saved=_("Action saved."))


@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(ActionEntry.objects.select_related("commitment"), pk=pk)
    return _edit(request, ActionForm, found,
                 heading=_("Edit action: %(title)s") % {"title": found.display_title},
                 back_url=found.commitment.get_absolute_url(), saved=_("Action saved."))


@login_required
def target_new(request: HttpRequest, pk: int) -> HttpResponse:
    parent = get_object_or_404(ActionEntry.objects.select_related("commitment"), pk=pk)
    instance = Target(action=parent, jurisdiction=parent.jurisdiction)
    return _edit(request, TargetForm, instance,
                 heading=_("Set a target for “%(title)s”") % {"title": parent.display_title},
                 back_url=parent.get_absolute_url(), saved=_("Target saved."))


@login_required
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Target.objects.select_related("action__commitment"), pk=pk)
    return _edit(request, TargetForm, found, heading=_("Edit target"),
                 back_url=found.get_absolute_url(), saved=_("Target saved."))


@login_required
def other_commitment_new(request: HttpRequest, code: str) -> HttpResponse:
    place = _place(code)
    return _edit(request, OtherCommitmentForm, OtherCommitment(jurisdiction=place),
                 heading=_("Add another commitment"), back_url=_profile_url(place),
                 saved=_("Commitment saved."))


@login_required
def other_commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(OtherCommitment, pk=pk)
    return _edit(request, OtherCommitmentForm, found, heading=_("Edit other commitment"),
                 back_url=_profile_url(found.jurisdiction), saved=_("Commitment saved."))


@login_required
def step_edit(request: HttpRequest, code: str, step_key: str) -> HttpResponse:
    place = _place(code)
    step = reference.step(step_key)
    if step is None:
        raise Http404("no such Nature Pathway step")
    instance = PathwayStep.objects.filter(jurisdiction=place, step_key=step_key).first()
    return _edit(
        request, PathwayStepForm,
        instance or PathwayStep(jurisdiction=place, step_key=step_key),
        heading=_("Nature Pathway step %(number)s: %(title)s")
        % {"number": step.number, "title": reference.pick(step.title)},
        back_url=_profile_url(place) + "#pathway", saved=_("Step saved."),
    )


@login_required
def resource_new(request: HttpRequest, code: str) -> HttpResponse:
    place = _place(code)
    return _edit(request, ResourceForm, Resource(jurisdiction=place),
                 heading=_("Add a tool or resource"), back_url=_profile_url(place),
                 saved=_("Resource saved."))


@login_required
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Resource, pk=pk)
    return _edit(request, ResourceForm, found,
                 heading=_("Edit resource: %(title)s") % {"title": found.title},
                 back_url=found.get_absolute_url(), saved=_("Resource saved."))


def _profile_url(place: Jurisdiction) -> str:
    return reverse("nature:profile", args=[place.code])
