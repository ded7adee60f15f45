"""What the core read from a target cell, in words an officer can check against the plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ecotrack.core.compliance.wording import state_en, state_zh
from ecotrack.core.targets import parse_target

_SYMBOLS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<", "eq": "=", "approx": "≈",
            "at": "", "stable_at": ""}


def _kind_labels() -> dict[str, str]:
    return {
        "numeric": _("numeric value"),
        "qualitative": _("qualitative state"),
        "reference": _("reference to a higher level"),
        "cumulative_change": _("cumulative change"),
        "no_data": _("no target (——)"),
        "compound": _("several clauses"),
        "unknown": _("not recognised"),
    }


def _state(key: str) -> str:
    return state_zh(key) if (get_language() or "").startswith("zh") else state_en(key)


def _summary(parsed: dict[str, Any]) -> str:
    kind = parsed.get("kind")
    if kind == "numeric":
        value = parsed.get("value")
        high = parsed.get("value_high")
        number = f"{value:g}" + (f"–{high:g}" if high is not None else "")
        return f"{_SYMBOLS.get(parsed.get('comparator', ''), '')}{number}{parsed.get('unit', '')}"
    if kind == "qualitative":
        return (parsed.get("subject") or "") + _state(parsed.get("state", ""))
    if kind == "reference":
        levels = {"national": _("the nation"), "region": _("the region"),
                  "prefecture": _("the prefecture-level city or league"),
                  "county": _("the county"), "parent": _("the level directly above")}
        level = parsed.get("level", "")
        return _("target set by %(level)s") % {"level": levels.get(level, level)}
    if kind == "cumulative_change":
        senses = {"decrease": _("cumulative decrease"), "increase": _("cumulative increase")}
        sense = senses.get(parsed.get("sense", ""), _("cumulative change"))
        return f"{sense} {parsed.get('value', 0):g}{parsed.get('unit', '')}"
    if kind == "compound":
        return " ; ".join(_summary(part) for part in parsed.get("parts", []))
    return ""


@dataclass(frozen=True)
class TargetReading:
    text: str
    kind: str
    kind_label: str
    summary: str

    @property
    def unknown(self) -> bool:
        return self.kind == "unknown"


def read_target(text: str) -> TargetReading:
    """The kind the core recognised in `text` and a short form of what it read."""
    parsed = parse_target(text).to_dict()
    kind = str(parsed.get("kind", "unknown"))
    return TargetReading(text, kind, _kind_labels().get(kind, kind), _summary(parsed))
