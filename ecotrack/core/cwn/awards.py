"""Profile awards: Starter / Frontrunner / Star completeness per module, from checklists.

CitiesWithNature does not publish how it computes these percentages, so the checklists are
ecotrack's own, kept as data (data/award-checklists-v1.json) and evaluated here over a plain
facts dict, e.g. {"profile_fields": ["about", "country"], "commitments": 13, ...}. A fact that
is absent counts as not met: an award is earned by what is known, never assumed.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ._data import load_json
from .localtext import LocalText

AWARD_DATA_FILE = "award-checklists-v1.json"

TIERS = ("starter", "frontrunner", "star")
MODULES = ("profile", "action_platform", "nature_pathway", "resources_hub")


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    fact: str
    label: LocalText
    at_least: int | None = None
    includes: tuple[str, ...] = ()

    def is_met(self, facts: Mapping[str, Any]) -> bool:
        if self.fact not in facts or facts[self.fact] is None:
            return False
        value = facts[self.fact]
        if self.at_least is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"award fact '{self.fact}' must be a whole number, got {value!r}")
            return value >= self.at_least
        if isinstance(value, str) or not isinstance(value, Collection):
            raise ValueError(f"award fact '{self.fact}' must be a list of names, got {value!r}")
        return all(name in value for name in self.includes)


@dataclass(frozen=True)
class AwardChecklists:
    version: str
    provenance: Mapping[str, str] = field(compare=False)
    # module key -> tier key -> items
    modules: Mapping[str, Mapping[str, tuple[ChecklistItem, ...]]] = field(
        default_factory=dict, compare=False)
    module_titles: Mapping[str, LocalText] = field(default_factory=dict, compare=False)
    tier_titles: Mapping[str, LocalText] = field(default_factory=dict, compare=False)


def tier_percent(met: int, total: int) -> int:
    """Percent complete, rounded up but never to 100 while something is missing.

    Rounding up matches the Tongliao report, which shows 34% where a third is plausible, and
    means a started tier never reads 0%.
    """
    if total <= 0:
        raise ValueError("a checklist tier needs at least one item")
    if met >= total:
        return 100
    return min(99, math.ceil(100 * met / total))


def compute_awards(facts: Mapping[str, Any],
                   checklists: AwardChecklists | None = None) -> dict[str, dict[str, Any]]:
    """{module: {tier: {"percent": int, "met": [item keys], "missing": [item keys]}}}."""
    checklists = checklists or load_award_checklists()
    result: dict[str, dict[str, Any]] = {}
    for module, tiers in checklists.modules.items():
        result[module] = {}
        for tier, items in tiers.items():
            met = [item.key for item in items if item.is_met(facts)]
            missing = [item.key for item in items if item.key not in met]
            result[module][tier] = {"percent": tier_percent(len(met), len(items)),
                                    "met": met, "missing": missing}
    return result


def _item(raw: Mapping[str, Any]) -> ChecklistItem:
    has_at_least, has_includes = "at_least" in raw, "includes" in raw
    if has_at_least == has_includes:
        raise ValueError(f"checklist item {raw.get('key')!r}: give exactly one of "
                         "'at_least' or 'includes'")
    return ChecklistItem(
        key=str(raw["key"]),
        fact=str(raw["fact"]),
        label=LocalText.from_json(raw["label"]),
        at_least=int(raw["at_least"]) if has_at_least else None,
        includes=tuple(str(n) for n in raw.get("includes", ())),
    )


@cache
def load_award_checklists() -> AwardChecklists:
    raw = load_json(AWARD_DATA_FILE)
    modules: dict[str, dict[str, tuple[ChecklistItem, ...]]] = {}
    for module in raw["modules"]:
        tiers = module["checklists"]
        if tuple(tiers) != TIERS:
            raise ValueError(f"award module {module['key']!r}: tiers must be {TIERS}")
        modules[module["key"]] = {tier: tuple(_item(i) for i in tiers[tier]) for tier in TIERS}
    if tuple(modules) != MODULES:
        raise ValueError(f"award checklists must cover the modules {MODULES}")
    return AwardChecklists(
        version=str(raw["version"]),
        provenance=dict(raw["provenance"]),
        modules=modules,
        module_titles={m["key"]: LocalText.from_json(m["title"]) for m in raw["modules"]},
        tier_titles={t["key"]: LocalText.from_json(t["title"]) for t in raw["tiers"]},
    )
