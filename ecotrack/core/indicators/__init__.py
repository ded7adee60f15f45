"""The canonical indicator library (data) and the name matcher (pure, no Django)."""

from __future__ import annotations

from ecotrack.core.indicators.library import (
    Direction,
    IndicatorDefinition,
    IndicatorLibrary,
    Measure,
    load_library,
)
from ecotrack.core.indicators.matcher import Match, MatchRule, match_indicator, normalise_name

__all__ = [
    "Direction",
    "IndicatorDefinition",
    "IndicatorLibrary",
    "Match",
    "MatchRule",
    "Measure",
    "load_library",
    "match_indicator",
    "normalise_name",
]
