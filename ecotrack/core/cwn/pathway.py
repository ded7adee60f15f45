"""The Nature Pathway: 9 steps in 3 phases, and the status a city's step can have."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from ._data import load_json
from .localtext import LocalText
from .titles import normalize_title

PATHWAY_DATA_FILE = "nature-pathway-v1.json"


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


@dataclass(frozen=True)
class PathwayStep:
    key: str
    number: int
    phase_key: str
    title: LocalText
    description: LocalText


@dataclass(frozen=True)
class PathwayPhase:
    key: str
    numeral: str
    title: LocalText
    steps: tuple[PathwayStep, ...]


@dataclass(frozen=True)
class NaturePathway:
    version: str
    provenance: Mapping[str, str] = field(compare=False)
    phases: tuple[PathwayPhase, ...] = ()
    status_titles: Mapping[StepStatus, LocalText] = field(default_factory=dict, compare=False)

    @property
    def steps(self) -> tuple[PathwayStep, ...]:
        return tuple(s for p in self.phases for s in p.steps)

    def step(self, number: int) -> PathwayStep:
        for step in self.steps:
            if step.number == number:
                return step
        raise KeyError(f"Nature Pathway step {number} does not exist (steps are 1-9)")

    def match_step(self, number: int, title: str) -> PathwayStep | None:
        """The step with this number, if the report's title agrees with ours."""
        try:
            step = self.step(number)
        except KeyError:
            return None
        return step if normalize_title(step.title.en) == normalize_title(title) else None

    def match_phase(self, title: str) -> PathwayPhase | None:
        wanted = normalize_title(title)
        for phase in self.phases:
            if normalize_title(phase.title.en) == wanted:
                return phase
        return None


@cache
def load_pathway() -> NaturePathway:
    raw = load_json(PATHWAY_DATA_FILE)
    phases = tuple(
        PathwayPhase(
            key=p["key"],
            numeral=p["numeral"],
            title=LocalText.from_json(p["title"]),
            steps=tuple(
                PathwayStep(key=s["key"], number=int(s["number"]), phase_key=p["key"],
                            title=LocalText.from_json(s["title"]),
                            description=LocalText.from_json(s["description"]))
                for s in p["steps"]
            ),
        )
        for p in raw["phases"]
    )
    statuses = {StepStatus(s["key"]): LocalText.from_json(s["title"]) for s in raw["statuses"]}
    return NaturePathway(version=str(raw["version"]), provenance=dict(raw["provenance"]),
                         phases=phases, status_titles=statuses)
