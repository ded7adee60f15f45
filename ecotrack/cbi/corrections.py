"""Correcting an edition's bands: store the correction, then recompute every stored assessment
whose score it can change, attributing those recomputations to the correction in the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from auditlog.context import auditlog_value, set_extra_data
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ecotrack.cbi.models import Assessment, BandCorrection
from ecotrack.cbi.scoring import rescore


def can_correct_bands(user: Any) -> bool:
    """Editions are shared reference data, above any jurisdiction: only site administrators."""
    return bool(getattr(user, "is_active", False) and getattr(user, "is_superuser", False))


def require_correct_bands(user: Any) -> None:
    if not can_correct_bands(user):
        raise PermissionDenied(_("Only site administrators may correct the CBI bands."))


@contextmanager
def attributed_to(correction: BandCorrection, user: Any | None) -> Iterator[None]:
    """Log entries written inside name the correction (and its reason) as the cause.

    auditlog's `set_extra_data` replaces the request's context without restoring it, so the
    request's own context (actor, address) is put back afterwards for any later save.
    """
    outer = auditlog_value.get(None)
    via = f"CBI band correction {correction.pk} ({correction.indicator_key}): {correction.reason}"
    data: dict[str, Any] = {"additional_data": {"via": via[:300], "correction": correction.pk}}
    if user is not None:
        data["actor"] = user
    with set_extra_data(data):
        yield
    if outer is not None:
        auditlog_value.set(outer)


def affected_assessments(correction: BandCorrection) -> list[Assessment]:
    """Assessments of the edition that answered the corrected indicator."""
    return list(
        Assessment.objects.filter(
            edition=correction.edition, entries__indicator_key=correction.indicator_key
        )
        .exclude(entries__inputs={})
        .distinct()
        .select_related("jurisdiction")
    )


@transaction.atomic
def apply_correction(correction: BandCorrection, user: Any | None) -> int:
    """Save a (checked) correction and recompute the assessments it affects; returns how many."""
    correction.created_by = user
    correction.save()
    affected = affected_assessments(correction)
    with attributed_to(correction, user):
        for assessment in affected:
            rescore(assessment)
    correction.recomputed_assessments = len(affected)
    correction.save(update_fields=["recomputed_assessments"])
    return len(affected)
