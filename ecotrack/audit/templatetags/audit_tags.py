from __future__ import annotations

from typing import Any

from django import template

from ecotrack.audit.history import history_for

register = template.Library()


@register.inclusion_tag("audit/history.html")
def object_history(obj: Any) -> dict[str, Any]:
    """`{% object_history obj %}` — the change history of any audited object."""
    return {"entries": history_for(obj)}
