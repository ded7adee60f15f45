"""Target texts from plan tables: verbatim cell + parsed form (pure, no Django)."""

from __future__ import annotations

from ecotrack.core.targets.model import (
    ChangeSense,
    Comparator,
    GovLevel,
    ParseContext,
    ParsedTarget,
    TargetKind,
)
from ecotrack.core.targets.parser import parse_target

__all__ = [
    "ChangeSense",
    "Comparator",
    "GovLevel",
    "ParseContext",
    "ParsedTarget",
    "TargetKind",
    "parse_target",
]
