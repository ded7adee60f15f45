"""Kunming-Montreal Global Biodiversity Framework targets 1-23 as reference data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ._data import load_json
from .localtext import LocalText

GBF_DATA_FILE = "gbf-targets-v1.json"


@dataclass(frozen=True)
class GbfTarget:
    number: int
    short_title: LocalText


@dataclass(frozen=True)
class GbfTargets:
    version: str
    provenance: dict[str, str]
    targets: tuple[GbfTarget, ...]

    def get(self, number: int) -> GbfTarget:
        for target in self.targets:
            if target.number == number:
                return target
        raise KeyError(f"GBF target {number} does not exist (targets are numbered 1-23)")


@cache
def load_gbf_targets() -> GbfTargets:
    raw = load_json(GBF_DATA_FILE)
    targets = tuple(
        GbfTarget(number=int(t["number"]), short_title=LocalText.from_json(t["short_title"]))
        for t in raw["targets"]
    )
    return GbfTargets(version=str(raw["version"]), provenance=dict(raw["provenance"]),
                      targets=targets)
