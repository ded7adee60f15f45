"""Report pages and downloads: profile report (page, HTML, PDF), plan progress report (PDF,
XLSX) and the public open-data export. Every view goes through the permission layer."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from ecotrack.accounts import permissions
from ecotrack.places.models import Jurisdiction, Profile
from ecotrack.plans.models import Plan
from ecotrack.reports import render as renderers
from ecotrack.reports.access import report_user
from ecotrack.reports.language import resolve_language
from ecotrack.reports.opendata import writers
from ecotrack.reports.opendata.collect import export_dataset
from ecotrack.reports.plan_content import STAGES
from ecotrack.reports.plan_render import render_plan
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
    plans = permissions.visible(Plan.objects.select_related("jurisdiction"), request.user)
    return render(
        request,
        "reports/index.html",
        {"jurisdictions": jurisdictions, "plans": plans, "stages": STAGES},
    )


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
    # A file to keep or send: its stylesheet goes inside, so it reads the same opened from
    # disk with no server. As an attachment it is never shown under the site's CSP, which
    # forbids inline style; the report page itself is /reports/profile/<code>/.
    html = renderers.profile_html(place, user, language)
    return _download(html.encode(), "text/html; charset=utf-8", filename, inline=False)


EXPORT_TYPES = {
    "json": ("application/json", writers.to_json),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", writers.to_xlsx),
    "zip": ("application/zip", writers.to_zip),
}


def export(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    """The public open-data export: published content only, whoever asks."""
    place = get_object_or_404(Jurisdiction, code=code)
    if fmt not in EXPORT_TYPES:
        raise Http404(_("Unknown format."))
    content_type, write = EXPORT_TYPES[fmt]
    content = write(export_dataset(place))
    return _download(content, content_type, f"ecotrack-{place.code}.{fmt}", inline=False)


def plan_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.select_related("jurisdiction"), pk=pk)
    permissions.require_view(request.user, plan)
    stage = request.GET.get("stage", "annual")
    if stage not in STAGES:
        raise Http404(_("Unknown stage."))
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() else None
    user = report_user(request.user, plan.jurisdiction, public=bool(request.GET.get("public")))
    content = render_plan(user, fmt, _language(request), stage, year, plan)
    if fmt == "xlsx":
        return _download(content, EXPORT_TYPES["xlsx"][0], f"plan-{plan.pk}-{stage}.xlsx",
                         inline=False)
    return _download(content, "application/pdf", f"plan-{plan.pk}-{stage}.pdf", inline=True)
