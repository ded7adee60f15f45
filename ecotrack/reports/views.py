"""Report pages and downloads: profile report (page, HTML, PDF), plan progress report (PDF,
XLSX) and the public open-data export. Every view goes through the permission layer."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from ecotrack.places.models import Jurisdiction, Profile
from ecotrack.reports import render as renderers
from ecotrack.reports.access import report_user
from ecotrack.reports.language import resolve_language
from ecotrack.reports.profile_content import build_profile_report


def _language(request: HttpRequest) -> str:
    try:
        return resolve_language(request.GET.get("lang") or translation.get_language())
    except ValueError:
        raise Http404(_("Unknown language.")) from None


def _download(content: bytes, content_type: str, filename: str, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def index(request: HttpRequest) -> HttpResponse:
    published = Profile.objects.filter(is_published=True).values_list("jurisdiction_id", flat=True)
    jurisdictions = Jurisdiction.objects.filter(pk__in=published).order_by("path")
    return render(request, "reports/index.html", {"jurisdictions": jurisdictions})


def profile_page(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    user = report_user(request.user, place, public=bool(request.GET.get("public")))
    report = build_profile_report(place, user)
    return render(
        request, "reports/profile/page.html", {"place": place, **renderers.profile_context(report)}
    )


def profile_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    place = get_object_or_404(Jurisdiction, code=code)
    user = report_user(request.user, place, public=bool(request.GET.get("public")))
    language = _language(request)
    filename = f"profile-{place.code}-{language}.{fmt}"
    if fmt == "pdf":
        content = renderers.profile_pdf(place, user, language)
        return _download(content, "application/pdf", filename, inline=True)
    html = renderers.profile_html(place, user, language, css="link")
    return _download(html.encode(), "text/html; charset=utf-8", filename, inline=True)
