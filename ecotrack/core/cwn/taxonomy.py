"""The Action Platform taxonomy: action areas -> commitments -> actions, as reference data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ._data import load_json
from .localtext import LocalText
from .titles import normalize_title, squeeze_title

ACTION_PLATFORM_DATA_FILE = "action-platform-v1.json"


@dataclass(frozen=True)
class Action:
    key: str
    title: LocalText
    provenance: str


@dataclass(frozen=True)
class Commitment:
    key: str
    title: LocalText
    provenance: str
    gbf_targets: tuple[int, ...]
    gbf_targets_related: tuple[int, ...]
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class ActionArea:
    key: str
    number: int
    title: LocalText
    commitments: tuple[Commitment, ...]


@dataclass(frozen=True)
class TitleMatch:
    """Where a title found in a report sits in the taxonomy."""

    kind: str  # "area", "commitment" or "action"
    area: ActionArea
    commitment: Commitment | None = None
    action: Action | None = None

    @property
    def key(self) -> str:
        if self.action is not None:
            return self.action.key
        if self.commitment is not None:
            return self.commitment.key
        return self.area.key


@dataclass(frozen=True)
class Taxonomy:
    version: str
    provenance: Mapping[str, str] = field(compare=False)
    areas: tuple[ActionArea, ...] = ()
    # Built once at load time: report titles are looked up many times per import.
    title_index: Mapping[str, tuple[TitleMatch, ...]] = field(
        default_factory=dict, compare=False, repr=False)

    @property
    def commitments(self) -> tuple[Commitment, ...]:
        return tuple(c for a in self.areas for c in a.commitments)

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(x for c in self.commitments for x in c.actions)

    def area_of(self, commitment_key: str) -> ActionArea:
        for area in self.areas:
            if any(c.key == commitment_key for c in area.commitments):
                return area
        raise KeyError(commitment_key)

    def match(self, title: str, kind: str | None = None) -> TitleMatch | None:
        """Find a report title in the taxonomy, tolerant of spacing, case and quotes."""
        for key in (normalize_title(title), squeeze_title(title)):
            for match in self.title_index.get(key, ()):
                if kind is None or match.kind == kind:
                    return match
        return None


def _build_index(areas: tuple[ActionArea, ...]) -> dict[str, tuple[TitleMatch, ...]]:
    index: dict[str, list[TitleMatch]] = {}

    def add(title: str, match: TitleMatch) -> None:
        for key in (normalize_title(title), squeeze_title(title)):
            index.setdefault(key, []).append(match)

    for area in areas:
        add(area.title.en, TitleMatch("area", area))
        for commitment in area.commitments:
            add(commitment.title.en, TitleMatch("commitment", area, commitment))
            for action in commitment.actions:
                add(action.title.en, TitleMatch("action", area, commitment, action))
    return {k: tuple(v) for k, v in index.items()}


def _action(raw: dict[str, Any]) -> Action:
    return Action(key=raw["key"], title=LocalText.from_json(raw["title"]),
                  provenance=str(raw["provenance"]))


def _commitment(raw: dict[str, Any]) -> Commitment:
    return Commitment(
        key=raw["key"],
        title=LocalText.from_json(raw["title"]),
        provenance=str(raw["provenance"]),
        gbf_targets=tuple(int(n) for n in raw["gbf_targets"]),
        gbf_targets_related=tuple(int(n) for n in raw["gbf_targets_related"]),
        actions=tuple(_action(a) for a in raw["actions"]),
    )


@cache
def load_taxonomy() -> Taxonomy:
    raw = load_json(ACTION_PLATFORM_DATA_FILE)
    areas = tuple(
        ActionArea(
            key=a["key"],
            number=int(a["number"]),
            title=LocalText.from_json(a["title"]),
            commitments=tuple(_commitment(c) for c in a["commitments"]),
        )
        for a in raw["areas"]
    )
    return Taxonomy(version=str(raw["version"]), provenance=dict(raw["provenance"]), areas=areas,
                    title_index=_build_index(areas))
