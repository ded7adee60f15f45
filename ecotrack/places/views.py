"""The jurisdiction browser, a jurisdiction's page and its profile form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ecotrack.accounts import permissions
from ecotrack.places.forms import ProfileForm
from ecotrack.places.models import Jurisdiction, Profile
from ecotrack.places.tree import build_tree


def browse(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    context: dict[str, object] = {"query": query}
    if query:
        matches = Jurisdiction.objects.filter(
            Q(code__startswith=query) | Q(name_zh__icontains=query) | Q(name_en__icontains=query)
        ).select_related("parent")
        context["results"] = list(matches.order_by("path")[:200])
    else:
        context["tree"] = build_tree(Jurisdiction.objects.order_by("path"))
    return render(request, "places/browse.html", context)


def detail(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction.objects.select_related("parent"), code=code)
    profile = Profile.objects.filter(jurisdiction=place).first()
    can_review = permissions.can_review(request.user, place)
    visible_profile = profile if profile and (profile.is_published or can_review) else None
    return render(
        request,
        "places/detail.html",
        {
            "place": place,
            "ancestors": place.ancestors(),
            "children": place.children.order_by("code"),
            "profile": visible_profile,
            "can_edit": permissions.can_edit(request.user, place),
            "can_review": can_review,
            "can_manage_members": permissions.can_manage_members(request.user, place),
        },
    )


@login_required
def edit_profile(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    permissions.require_edit(request.user, place)
    profile = Profile.objects.filter(jurisdiction=place).first() or Profile(jurisdiction=place)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Profile saved."))
        return redirect(place)
    return render(request, "places/profile_form.html", {"place": place, "form": form})


def profile_image(request: HttpRequest, code: str) -> FileResponse:
    """The profile image, served through the permission layer like every upload."""
    profile = get_object_or_404(Profile, jurisdiction__code=code)
    permissions.require_view(request.user, profile)
    if not profile.image:
        raise Http404
    response = FileResponse(profile.image.open("rb"))
    response["X-Content-Type-Options"] = "nosniff"
    return response
