"""The edition the site scores by: the core's edition data with administrators' band corrections
laid over it.

The overlay goes through the core's own loader (`edition_from_dict`), so a correction that
leaves a gap, an overlap or points out of order is refused with the loader's message, exactly
as a bad edit of the JSON file would be.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from ecotrack.cbi.models import BandCorrection
from ecotrack.core.cbi import Edition, EditionError, edition_data, edition_from_dict

# (indicator key, bands as canonical JSON) per applied correction; hashable for the cache.
Overlay = tuple[tuple[str, str], ...]


def active_corrections(edition_id: str) -> list[BandCorrection]:
    """The newest correction of each indicator of the edition (later ones supersede)."""
    newest: dict[str, BandCorrection] = {}
    corrections = BandCorrection.objects.filter(edition=edition_id).order_by("created_at", "pk")
    for correction in corrections:
        newest[correction.indicator_key] = correction
    return list(newest.values())


def apply_bands(data: dict[str, Any], bands_by_indicator: dict[str, list[Any]]) -> dict[str, Any]:
    """A copy of the edition's JSON with the given indicators' band tables replaced."""
    result = copy.deepcopy(data)
    for indicator in result["indicators"]:
        if indicator["key"] in bands_by_indicator:
            indicator["bands"] = copy.deepcopy(bands_by_indicator[indicator["key"]])
    return result


@lru_cache(maxsize=32)
def _build(edition_id: str, overlay: Overlay) -> Edition:
    bands = {key: json.loads(text) for key, text in overlay}
    return edition_from_dict(apply_bands(edition_data(edition_id), bands))


def _overlay(corrections: list[BandCorrection]) -> Overlay:
    return tuple(
        sorted((c.indicator_key, json.dumps(c.bands, sort_keys=True)) for c in corrections)
    )


def scoring_edition(edition_id: str) -> Edition:
    """The edition with every active band correction applied."""
    return _build(edition_id, _overlay(active_corrections(edition_id)))


def check_correction(edition_id: str, indicator_key: str, bands: list[Any]) -> list[str]:
    """Problems the core's loader finds with a proposed band table (empty when it is sound)."""
    proposed = {c.indicator_key: c.bands for c in active_corrections(edition_id)}
    proposed[indicator_key] = bands
    try:
        edition_from_dict(apply_bands(edition_data(edition_id), proposed))
    except EditionError as error:
        return list(error.issues)
    return []


def scoring_basis(edition_id: str, answered: Collection[str]) -> str:
    """How scores were computed, stored on each assessment so the history shows the change.
    Only corrections of answered indicators are named: the others cannot affect the score."""
    ids = sorted(c.pk for c in active_corrections(edition_id) if c.indicator_key in answered)
    if not ids:
        return f"CBI {edition_id}"
    return f"CBI {edition_id} + band corrections {', '.join(str(i) for i in ids)}"
