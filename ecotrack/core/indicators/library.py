"""The canonical indicator library: versioned data in ``library.json``.

Each plan names its indicators its own way (比率/比例, 达到或好于/好于, PM2.5
or 细颗粒物, 单位国内生产总值/单位GDP). The library gives each recurring
indicator one stable key, its names in Chinese and English, unit, direction,
how it is computed and the spellings seen in plans, so that a city's row and
its region's row can be compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any


class Direction(StrEnum):
    HIGHER_BETTER = "higher_better"
    LOWER_BETTER = "lower_better"
    # The target is a state (面积不减少，性质不改变…), not a number to push.
    TARGET_STATE = "target_state"


class Measure(StrEnum):
    LEVEL = "level"
    # The value is itself a change over a period (…下降比例, …提高幅度).
    CHANGE = "change"


@dataclass(frozen=True)
class KeywordRule:
    """All groups must have one alternative present; no ``none`` string may be."""

    all_of: tuple[tuple[str, ...], ...]
    none_of: tuple[str, ...]

    def accepts(self, normalised_name: str) -> bool:
        if any(word in normalised_name for word in self.none_of):
            return False
        return all(any(alt in normalised_name for alt in group) for group in self.all_of)

    def specificity(self, normalised_name: str) -> int:
        """Characters of the name explained by the rule: longer = more specific."""
        return sum(
            max((len(alt) for alt in group if alt in normalised_name), default=0)
            for group in self.all_of
        )


@dataclass(frozen=True)
class IndicatorDefinition:
    key: str
    name_zh: str
    name_en: str
    unit: str
    direction: Direction
    measure: Measure
    domain: str
    method_key: str | None
    computation_zh: str
    computation_en: str
    variants: tuple[str, ...]
    rule: KeywordRule
    level_key: str | None = None
    related_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorLibrary:
    version: str
    indicators: tuple[IndicatorDefinition, ...]

    def get(self, key: str) -> IndicatorDefinition:
        for indicator in self.indicators:
            if indicator.key == key:
                return indicator
        raise KeyError(key)

    def keys(self) -> tuple[str, ...]:
        return tuple(indicator.key for indicator in self.indicators)


def _definition(item: dict[str, Any]) -> IndicatorDefinition:
    match = item["match"]
    return IndicatorDefinition(
        key=item["key"],
        name_zh=item["name_zh"],
        name_en=item["name_en"],
        unit=item["unit"],
        direction=Direction(item["direction"]),
        measure=Measure(item["measure"]),
        domain=item["domain"],
        method_key=item.get("method_key"),
        computation_zh=item["computation_zh"],
        computation_en=item["computation_en"],
        variants=tuple(item["variants"]),
        rule=KeywordRule(
            all_of=tuple(tuple(group) for group in match["all"]),
            none_of=tuple(match["none"]),
        ),
        level_key=item.get("level_key"),
        related_keys=tuple(item.get("related_keys", ())),
    )


def library_from_dict(raw: dict[str, Any]) -> IndicatorLibrary:
    """Build and check a library; a bad file fails loudly, naming the key."""
    indicators = tuple(_definition(item) for item in raw["indicators"])
    keys = [indicator.key for indicator in indicators]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"indicator library: duplicate keys {duplicates}")
    for indicator in indicators:
        for ref in (indicator.level_key, *indicator.related_keys):
            if ref is not None and ref not in keys:
                raise ValueError(f"indicator library: {indicator.key} refers to unknown {ref}")
        if not indicator.rule.all_of:
            raise ValueError(f"indicator library: {indicator.key} has an empty match rule")
    return IndicatorLibrary(version=raw["version"], indicators=indicators)


@cache
def load_library() -> IndicatorLibrary:
    """The library shipped with the package (``library.json``)."""
    text = resources.files("ecotrack.core.indicators").joinpath("library.json").read_text("utf-8")
    return library_from_dict(json.loads(text))
