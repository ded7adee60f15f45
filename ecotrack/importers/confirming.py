"""Confirming a reviewed draft: the corrected plan goes to the plans app's store function
(`store_parsed_plan`, the one the import-plan command uses) in one transaction with marking
the draft imported, so either both happen or neither.

Attribution: the store runs inside the request, so auditlog's middleware records the
officer as the actor of every row it writes.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from ecotrack.importers import corrections as fix
from ecotrack.importers.drafts import read_source
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.plans.storing import StoreResult, store_parsed_plan


def confirm_draft(draft: ImportDraft, user: Any) -> StoreResult:
    """Store the corrected plan.

    Raises PlanImportError (the store refuses the data) or PermissionDenied; nothing is
    stored then and the draft stays open.
    """
    corrected = fix.apply(draft.parsed, draft.corrections or {})
    parsed = fix.to_parsed_plan(corrected)
    source = read_source(draft)
    with transaction.atomic():
        result = store_parsed_plan(parsed, draft.jurisdiction, source=source, user=user)
        draft.status = DraftStatus.IMPORTED
        draft.imported_at = timezone.now()
        draft.result = {
            "plan_id": result.plan.pk,
            "created": result.created,
            "indicators": result.indicators,
            "targets": result.targets,
            "corrections": draft.correction_count(),
        }
        draft.save(update_fields=["status", "imported_at", "result"])
    return result
