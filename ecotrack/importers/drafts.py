"""Creating, finding and retiring import drafts (the staging rows, not plan data)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from ecotrack.core.plandoc import parse_plan
from ecotrack.importers.models import DraftStatus, ImportDraft
from ecotrack.places.models import Jurisdiction


def create_draft(user: Any, jurisdiction: Jurisdiction, filename: str, data: bytes) -> ImportDraft:
    """Parse `data` and keep it for review; raises PlanImportError (nothing kept) if unreadable."""
    name = Path(filename).name[:255] or "plan"
    parsed = parse_plan(data, name)
    draft = ImportDraft(
        user=user,
        jurisdiction=jurisdiction,
        filename=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        parsed=parsed.to_dict(),
        corrections={},
    )
    with transaction.atomic():
        draft.file.save(name, ContentFile(data), save=False)
        draft.save()
    return draft


def read_source(draft: ImportDraft) -> bytes:
    with draft.file.open("rb") as handle:
        return handle.read()


def purge_expired() -> int:
    """Delete open drafts past their expiry, with their files; returns how many."""
    count = 0
    for draft in ImportDraft.objects.expired():
        draft.file.delete(save=False)
        draft.delete()
        count += 1
    return count


def previous_import(draft: ImportDraft) -> ImportDraft | None:
    """The last imported draft of the same document (same bytes) for the same jurisdiction."""
    return (
        ImportDraft.objects.filter(
            jurisdiction=draft.jurisdiction, sha256=draft.sha256, status=DraftStatus.IMPORTED
        )
        .exclude(pk=draft.pk)
        .order_by("-imported_at")
        .first()
    )
