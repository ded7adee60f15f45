"""Qualitative state vocabulary, loaded from ``states.json`` (data, not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ecotrack.core.targets.text import normalise


@dataclass(frozen=True)
class StateDefinition:
    key: str
    zh: str
    en: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class StateVocabulary:
    version: str
    states: tuple[StateDefinition, ...]

    def get(self, key: str) -> StateDefinition:
        for state in self.states:
            if state.key == key:
                return state
        raise KeyError(key)

    def spellings(self) -> tuple[tuple[str, StateDefinition], ...]:
        """(normalised spelling, state), longest spelling first."""
        pairs = [
            (normalise(variant), state) for state in self.states for variant in state.variants
        ]
        pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
        return tuple(pairs)

    def match_suffix(self, text: str) -> tuple[str, StateDefinition] | None:
        """Split ``text`` into (subject, state) when it ends with a state spelling."""
        for spelling, state in _spellings(self):
            if text.endswith(spelling):
                return text[: len(text) - len(spelling)], state
        return None


@cache
def _spellings(vocabulary: StateVocabulary) -> tuple[tuple[str, StateDefinition], ...]:
    return vocabulary.spellings()


@cache
def load_states() -> StateVocabulary:
    raw = json.loads(
        resources.files("ecotrack.core.targets").joinpath("states.json").read_text("utf-8")
    )
    states = tuple(
        StateDefinition(
            key=item["key"], zh=item["zh"], en=item["en"], variants=tuple(item["variants"])
        )
        for item in raw["states"]
    )
    keys = [state.key for state in states]
    if len(keys) != len(set(keys)):
        raise ValueError("states.json: duplicate state keys")
    return StateVocabulary(version=raw["version"], states=states)
