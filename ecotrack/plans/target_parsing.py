"""The stored parsed form of a target cell, computed in one place: `Target.save` and the
bulk insert of a new plan's targets (which bypasses `save`) both use it."""

from __future__ import annotations

from typing import Any

from ecotrack.core.targets import parse_target


def parsed_form(text: str) -> dict[str, Any]:
    """What `Target.parsed` holds for the verbatim `text` (ParsedTarget.to_dict)."""
    return parse_target(text).to_dict()
