"""The public CitiesWithNature profile page of a jurisdiction, as plain data for the template:
the report's chapters (Profile overview, Action Platform, Nature Pathway, City Biodiversity
Index, Tools & resources), built from what the reader may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecotrack.core.cwn import load_pathway
from ecotrack.nature import awards, cbi_link, content, reference
from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    Resource,
    Target,
)
from ecotrack.places.models import Jurisdiction


@dataclass
class ActionView:
    entry: ActionEntry
    targets: list[Target]


@dataclass
class CommitmentView:
    commitment: Commitment
    actions: list[ActionView]


@dataclass
class AreaView:
    key: str
    number: int
    title: str
    commitments: list[CommitmentView] = field(default_factory=list)
    others: list[OtherCommitment] = field(default_factory=list)


@dataclass
class StepView:
    key: str
    number: int
    title: str
    description: str
    record: PathwayStep | None
    resources: list[Resource]

    @property
    def status(self) -> str:
        return self.record.status if self.record else PathwayStep.Status.NOT_STARTED

    @property
    def status_label(self) -> str:
        return str(PathwayStep.Status(self.status).label)


@dataclass
class PhaseView:
    numeral: str
    title: str
    steps: list[StepView]


def action_platform(seen: content.VisibleContent) -> list[AreaView]:
    by_area = {a.key: AreaView(a.key, a.number, reference.pick(a.title)) for a in reference.areas()}
    for commitment in sorted(seen.commitments, key=_taxonomy_order):
        actions = [ActionView(a, seen.targets_of(a)) for a in seen.actions_of(commitment)]
        by_area[commitment.area_key].commitments.append(CommitmentView(commitment, actions))
    for other in seen.other_commitments:
        by_area[other.area_key].others.append(other)
    return [a for a in by_area.values() if a.commitments or a.others]


def _taxonomy_order(commitment: Commitment) -> int:
    keys = reference.all_commitment_keys()
    return keys.index(commitment.commitment_key) if commitment.commitment_key in keys else 999


def nature_pathway(seen: content.VisibleContent) -> list[PhaseView]:
    return [
        PhaseView(
            numeral=phase.numeral,
            title=reference.pick(phase.title),
            steps=[
                StepView(
                    key=s.key, number=s.number, title=reference.pick(s.title),
                    description=reference.pick(s.description), record=seen.steps.get(s.key),
                    resources=seen.resources_of_step(s.key),
                )
                for s in phase.steps
            ],
        )
        for phase in load_pathway().phases
    ]


def build(place: Jurisdiction, user: Any) -> dict[str, Any]:
    seen = content.load(place, user)
    cbi = cbi_link.latest_assessment(place, user)
    return {
        "place": place,
        "seen": seen,
        "statistics": {
            "commitments": len(seen.commitments) + len(seen.other_commitments),
            "actions": len(seen.actions),
            "targets": len(seen.targets),
            "resources": len(seen.resources),
        },
        "awards": awards.awards(seen, cbi),
        "areas": action_platform(seen),
        "phases": nature_pathway(seen),
        "cbi": cbi,
    }
