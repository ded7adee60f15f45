"""Public pages: the list of cities, a city's CitiesWithNature profile, its awards, and one
commitment with its actions, targets and history."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ecotrack.accounts import permissions
from ecotrack.nature import awards, cbi_link, content, page
from ecotrack.nature.models import Commitment, ReportedState, Resource
from ecotrack.places.models import Jurisdiction


def index(request: HttpRequest) -> HttpResponse:
    """Cities with nature content the reader may see, and the ones the reader may edit."""
    with_content = Q(
        pk__in=permissions.visible(Commitment.objects.all(), request.user).values(
            "jurisdiction"
        )
    ) | Q(pk__in=permissions.visible(Resource.objects.all(), request.user).values("jurisdiction"))
    return render(
        request,
        "nature/index.html",
        {
            "places": Jurisdiction.objects.filter(with_content).order_by("code"),
            "editable": permissions.editable_jurisdictions(request.user).order_by("code")[:50],
        },
    )


def profile(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    context = page.build(place, request.user)
    context["can_edit"] = permissions.can_edit(request.user, place)
    context["can_review"] = permissions.can_review(request.user, place)
    return render(request, "nature/profile.html", context)


def awards_page(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    seen = content.load(place, request.user)
    reported = ReportedState.objects.filter(jurisdiction=place).first()
    return render(
        request,
        "nature/awards.html",
        {
            "place": place,
            "modules": awards.awards(seen, cbi_link.latest_assessment(place, request.user)),
            "reported": reported if reported and permissions.can_view(request.user, reported)
            else None,
        },
    )


def commitment(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Commitment.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_view(request.user, found)
    seen = content.load(found.jurisdiction, request.user)
    actions = [page.ActionView(a, seen.targets_of(a)) for a in seen.actions_of(found)]
    return render(
        request,
        "nature/commitment.html",
        {
            "place": found.jurisdiction,
            "commitment": found,
            "actions": actions,
            "can_edit": permissions.can_edit(request.user, found.jurisdiction),
            "can_review": permissions.can_review(request.user, found.jurisdiction),
        },
    )
