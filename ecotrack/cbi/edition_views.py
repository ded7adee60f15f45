"""The editions as reference pages (indicators, bands, provenance, corrections), and the site
administrator's band correction."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ecotrack.cbi.correction_form import BandCorrectionForm
from ecotrack.cbi.corrections import apply_correction, can_correct_bands, require_correct_bands
from ecotrack.cbi.editions import scoring_edition
from ecotrack.cbi.models import BandCorrection
from ecotrack.core.cbi import EDITIONS, Edition, Indicator
from ecotrack.places.models import localized


def _edition(edition_id: str) -> Edition:
    if edition_id not in EDITIONS:
        raise Http404("unknown edition")
    return scoring_edition(edition_id)


def _indicator(edition: Edition, key: str) -> Indicator:
    try:
        return edition.indicator(key)
    except KeyError as error:
        raise Http404("unknown indicator") from error


def edition_detail(request: HttpRequest, edition_id: str) -> HttpResponse:
    edition = _edition(edition_id)
    components = [
        {
            "name": localized(c.name_zh, c.name),
            "max_points": c.max_points,
            "indicators": [
                {
                    "indicator": edition.indicator(k),
                    "name": localized(edition.indicator(k).name_zh, edition.indicator(k).name),
                }
                for k in c.indicator_keys
            ],
        }
        for c in edition.components
    ]
    return render(
        request,
        "cbi/edition.html",
        {
            "edition": edition,
            "edition_title": localized(edition.title_zh, edition.title),
            "editions": EDITIONS,
            "components": components,
            "corrections": BandCorrection.objects.filter(edition=edition_id).select_related(
                "created_by"
            ),
            "can_correct": can_correct_bands(request.user),
        },
    )


@login_required
def correct_bands(request: HttpRequest, edition_id: str, key: str) -> HttpResponse:
    require_correct_bands(request.user)
    edition = _edition(edition_id)
    indicator = _indicator(edition, key)
    form = BandCorrectionForm(request.POST or None, edition_id=edition_id, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        count = apply_correction(form.correction, request.user)
        messages.success(
            request,
            _("Bands corrected; %(count)s stored assessments were recomputed.") % {"count": count},
        )
        return redirect(reverse("cbi:edition", args=[edition_id]) + f"#indicator-{key}")
    return render(
        request,
        "cbi/correct_bands.html",
        {
            "edition": edition,
            "indicator": indicator,
            "indicator_name": localized(indicator.name_zh, indicator.name),
            "form": form,
        },
    )
