"""``match_indicator``: recognise a library indicator under a plan's wording.

Two tiers, precision first:

1. the normalised name equals a normalised variant of one indicator;
2. the name satisfies exactly one indicator's keyword rule (or one rule is
   strictly more specific than every other that accepts it).

Anything else (no rule, or a tie between different indicators) is ``None``:
a wrong link between a city row and a regional row is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from ecotrack.core.indicators.library import IndicatorDefinition, IndicatorLibrary, load_library
from ecotrack.core.targets.text import normalise

# One spelling per substance or concept, so rules are written once.
_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("细颗粒物", "PM2.5"),
    ("可吸入颗粒物", "PM10"),
    ("二氧化碳", "CO2"),
    ("氮氧化物", "NOX"),
    ("挥发性有机污染物", "VOCS"),
    ("挥发性有机物", "VOCS"),
    ("化学需氧量", "COD"),
    ("单位国内生产总值", "单位GDP"),
    ("单位地区生产总值", "单位GDP"),
    ("万元国内生产总值", "单位GDP"),
    ("万元地区生产总值", "单位GDP"),
    ("万元GDP", "单位GDP"),
    ("三类", "III类"),
    ("Ⅲ类", "III类"),
    ("五类", "V类"),
)

# A parenthesis holding only a unit, "(%)" or "(起/每万枚)", is not part of the name.
_UNIT_PAREN = re.compile(r"\((?:[^()]*[%/‰][^()]*|μg/m3|mg/m3|km2|公顷|吨|个|天)\)")
_PUNCTUATION = re.compile(r"[()\[\]“”\"'《》〈〉「」『』·•、:;,.。]")


# Pure and called for every library variant on every plan row: cached, so matching a large
# plan does not re-normalise the same few hundred variants thousands of times.
@lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Canonical form of an indicator name, used on both sides of a match."""
    text = _UNIT_PAREN.sub("", normalise(name)).upper()
    text = text.replace("PM2.5", "\0").replace("PM25", "\0")  # protect the dot
    text = _PUNCTUATION.sub("", text)
    text = text.replace("\0", "PM2.5")
    for source, target in _SYNONYMS:
        text = text.replace(source.upper(), target)
    return text


def normalise_unit(unit: str | None) -> str:
    if unit is None:
        return ""
    text = normalise(unit).strip("()[]")
    return "" if text in {"-", "—", "/", "无"} else text


_POINTS = frozenset({"百分点", "个百分点"})


class MatchRule(StrEnum):
    VARIANT = "variant"
    KEYWORDS = "keywords"


@dataclass(frozen=True)
class Match:
    key: str
    definition: IndicatorDefinition
    rule: MatchRule
    normalised_name: str
    # None when no unit was given; False is reported, not fatal, because plan
    # tables misprint units (an index with "%"), and the name is the stronger evidence.
    unit_compatible: bool | None


def _unit_compatible(definition: IndicatorDefinition, unit: str | None) -> bool | None:
    given = normalise_unit(unit)
    if unit is None or not given:
        return None
    expected = normalise_unit(definition.unit)
    if expected in _POINTS:
        # Plans print "%" for changes that are really percentage points.
        return given in _POINTS or given == "%"
    return given == expected


def match_indicator(
    name: str, unit: str | None = None, library: IndicatorLibrary | None = None
) -> Match | None:
    lib = library or load_library()
    key_name = normalise_name(name)
    if not key_name:
        return None
    for definition in lib.indicators:
        if any(normalise_name(variant) == key_name for variant in definition.variants):
            return Match(
                definition.key, definition, MatchRule.VARIANT, key_name,
                _unit_compatible(definition, unit),
            )
    accepted = [d for d in lib.indicators if d.rule.accepts(key_name)]
    if not accepted:
        return None
    if unit is not None and len(accepted) > 1:
        # A matching unit breaks ties between rules that both accept the name.
        compatible = [d for d in accepted if _unit_compatible(d, unit)]
        accepted = compatible or accepted
    ranked = sorted(accepted, key=lambda d: d.rule.specificity(key_name), reverse=True)
    if len(ranked) > 1 and (
        ranked[0].rule.specificity(key_name) == ranked[1].rule.specificity(key_name)
    ):
        return None  # two indicators fit equally well: refuse to guess
    best = ranked[0]
    return Match(best.key, best, MatchRule.KEYWORDS, key_name, _unit_compatible(best, unit))
