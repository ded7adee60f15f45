from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ecotrack.accounts import permissions
from ecotrack.places.models import Jurisdiction, Level


def home(request: HttpRequest) -> HttpResponse:
    regions = Jurisdiction.objects.filter(level=Level.PROVINCE).order_by("code")
    return render(
        request,
        "home.html",
        {"regions": regions, "my_memberships": permissions.roles_summary(request.user)},
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)
