"""An object's history, as rows a template can show: who, when, what changed (before → after)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auditlog.models import LogEntry
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("accessed"),
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    timestamp: datetime
    who: str
    action: str
    changes: list[FieldChange]
    via: str


def _who(entry: LogEntry) -> str:
    if entry.actor is not None:
        return entry.actor.get_username()
    if entry.actor_email:
        return entry.actor_email
    return str(_("unknown"))


def _action(entry: LogEntry) -> str:
    """「created」「changed」…; an import's summary entry (rows inserted in bulk, see
    `ecotrack.plans.storing`) says what was imported from which file."""
    data = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    imported = data.get("import")
    if isinstance(imported, dict):
        return str(_(
            "imported %(indicators)s indicators, %(targets)s targets, %(observations)s "
            "observations from %(file)s (sha256 %(sha256)s)"
        ) % {key: imported.get(key, "?") for key in
             ("indicators", "targets", "observations", "file", "sha256")})
    return str(ACTION_LABELS.get(entry.action, entry.action))


def history_for(obj: Any, limit: int = 50) -> list[HistoryEntry]:
    entries = LogEntry.objects.get_for_object(obj).select_related("actor")[:limit]
    rows = []
    for entry in entries:
        changes = [
            FieldChange(field=str(field), before=str(values[0]), after=str(values[1]))
            for field, values in (entry.changes_display_dict or {}).items()
        ]
        via = (
            (entry.additional_data or {}).get("via", "")
            if isinstance(entry.additional_data, dict)
            else ""
        )
        rows.append(
            HistoryEntry(
                timestamp=entry.timestamp,
                who=_who(entry),
                action=_action(entry),
                changes=changes,
                via=via,
            )
        )
    return rows
