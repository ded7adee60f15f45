"""Members of a jurisdiction: who has which role in it and below it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ecotrack.accounts import permissions
from ecotrack.accounts.forms import MembershipForm
from ecotrack.accounts.models import Membership
from ecotrack.places.models import Jurisdiction


def _managed_place(request: HttpRequest, code: str) -> Jurisdiction:
    place = get_object_or_404(Jurisdiction, code=code)
    if not permissions.can_manage_members(request.user, place):
        raise PermissionDenied(_("Only administrators of this jurisdiction manage its members."))
    return place


@login_required
def members(request: HttpRequest, code: str) -> HttpResponse:
    place = _managed_place(request, code)
    form = MembershipForm(request.POST or None, within=place)
    if request.method == "POST" and form.is_valid():
        Membership.objects.create(
            user=form.cleaned_data["username"],
            jurisdiction=form.cleaned_data["jurisdiction_code"],
            role=form.cleaned_data["role"],
        )
        messages.success(request, _("Role given."))
        return redirect("accounts:members", code=place.code)
    memberships = (
        Membership.objects.filter(jurisdiction__path__startswith=place.path)
        .select_related("user", "jurisdiction")
        .order_by("jurisdiction__path", "user__username")
    )
    return render(
        request, "accounts/members.html", {"place": place, "memberships": memberships, "form": form}
    )


@login_required
@require_POST
def remove_member(request: HttpRequest, code: str, membership_id: int) -> HttpResponse:
    place = _managed_place(request, code)
    membership = get_object_or_404(
        Membership, pk=membership_id, jurisdiction__path__startswith=place.path
    )
    membership.delete()
    messages.success(request, _("Role removed."))
    return redirect("accounts:members", code=place.code)
