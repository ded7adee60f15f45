"""Qualitative comparison rules, loaded from ``rules.json`` (data, not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ecotrack.core.targets.vocabulary import load_states


@dataclass(frozen=True)
class Ladder:
    name: str
    zh: str
    en: str
    rungs: tuple[str, ...]

    def rank(self, state: str) -> int | None:
        return self.rungs.index(state) if state in self.rungs else None


@dataclass(frozen=True)
class Comparison:
    state: str
    against: str  # "baseline" | "previous_year"
    relation: str  # "ge" | "le" | "lt" | "eq" | "not_worse" | "better"
    zh: str
    en: str


@dataclass(frozen=True)
class EliminationThreshold:
    max_value: float | None
    provenance: str = ""


@dataclass(frozen=True)
class QualitativeRules:
    version: str
    ladders: tuple[Ladder, ...]
    comparisons: dict[str, Comparison]
    elimination: dict[str, dict[str, Any]]
    equal_states: frozenset[str]
    satisfied_by: dict[str, frozenset[str]]

    def ladder_of(self, state: str) -> Ladder | None:
        for ladder in self.ladders:
            if state in ladder.rungs:
                return ladder
        return None

    def elimination_threshold(self, state: str, indicator_key: str) -> EliminationThreshold | None:
        entry = self.elimination.get(state)
        if entry is None:
            return None
        chosen = entry.get("by_indicator", {}).get(indicator_key, entry["default"])
        return EliminationThreshold(chosen["max"], chosen.get("provenance", ""))


_RELATIONS = {"ge", "le", "lt", "eq", "not_worse", "better"}


def rules_from_dict(raw: dict[str, Any]) -> QualitativeRules:
    known = {state.key for state in load_states().states}
    ladders = tuple(
        Ladder(name, item["zh"], item["en"], tuple(item["rungs"]))
        for name, item in raw["ladders"].items()
    )
    comparisons = {
        state: Comparison(state, item["against"], item["relation"], item["zh"], item["en"])
        for state, item in raw["comparisons"].items()
    }
    used = [s for ladder in ladders for s in ladder.rungs] + list(comparisons)
    satisfied_by = {
        state: frozenset(observed)
        for state, observed in raw.get("satisfied_by", {}).items()
        if state != "about"
    }
    used += list(raw["elimination"]) + list(raw["equal_states"]) + list(satisfied_by)
    used += [s for observed in satisfied_by.values() for s in observed]
    unknown = sorted(set(used) - known)
    if unknown:
        raise ValueError(f"compliance rules: unknown state keys {unknown}")
    bad = sorted(c.state for c in comparisons.values() if c.relation not in _RELATIONS)
    if bad or any(c.against not in {"baseline", "previous_year"} for c in comparisons.values()):
        raise ValueError(f"compliance rules: bad comparison for {bad or 'against'}")
    return QualitativeRules(
        version=raw["version"],
        ladders=ladders,
        comparisons=comparisons,
        elimination=raw["elimination"],
        equal_states=frozenset(raw["equal_states"]),
        satisfied_by=satisfied_by,
    )


@cache
def load_rules() -> QualitativeRules:
    text = resources.files("ecotrack.core.compliance").joinpath("rules.json").read_text("utf-8")
    return rules_from_dict(json.loads(text))
