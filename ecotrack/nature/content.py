"""What one user may see of one jurisdiction's nature content, fetched once per page.

Everything is filtered through `permissions.visible`: the public gets published rows only,
reviewers and editors also the unpublished ones. An action counts only if its commitment is
visible too, a target only if its action is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecotrack.accounts import permissions
from ecotrack.nature import reference
from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    ReportedState,
    Resource,
    Target,
)
from ecotrack.places.models import Jurisdiction, Profile


@dataclass
class VisibleContent:
    jurisdiction: Jurisdiction
    profile: Profile | None
    commitments: list[Commitment]
    actions: list[ActionEntry]
    targets: list[Target]
    other_commitments: list[OtherCommitment]
    steps: dict[str, PathwayStep]
    resources: list[Resource]
    reported: ReportedState | None

    def actions_of(self, commitment: Commitment) -> list[ActionEntry]:
        """In the taxonomy's order (as the report prints them), the city's own ones last."""
        known = [a.key for a in getattr(reference.commitment(commitment.commitment_key),
                                        "actions", ())]

        def order(action: ActionEntry) -> tuple[int, str]:
            if action.action_key in known:
                return known.index(action.action_key), ""
            return len(known), action.title

        return sorted((a for a in self.actions if a.commitment_id == commitment.pk), key=order)

    def targets_of(self, action: ActionEntry) -> list[Target]:
        return [t for t in self.targets if t.action_id == action.pk]

    def resources_of_step(self, step_key: str) -> list[Resource]:
        return [r for r in self.resources if step_key in r.step_keys]


def load(jurisdiction: Jurisdiction, user: Any) -> VisibleContent:
    def mine(queryset: Any) -> Any:
        return permissions.visible(queryset.filter(jurisdiction=jurisdiction), user)

    profile = Profile.objects.filter(jurisdiction=jurisdiction).first()
    if profile is not None and not permissions.can_view(user, profile):
        profile = None
    commitments = list(mine(Commitment.objects.all()))
    commitment_ids = {c.pk for c in commitments}
    actions = [
        a for a in mine(ActionEntry.objects.select_related("commitment"))
        if a.commitment_id in commitment_ids
    ]
    action_ids = {a.pk for a in actions}
    targets = [t for t in mine(Target.objects.all()) if t.action_id in action_ids]
    reported = ReportedState.objects.filter(jurisdiction=jurisdiction).first()
    if reported is not None and not permissions.can_view(user, reported):
        reported = None
    return VisibleContent(
        jurisdiction=jurisdiction,
        profile=profile,
        commitments=commitments,
        actions=actions,
        targets=targets,
        other_commitments=list(mine(OtherCommitment.objects.all())),
        steps={s.step_key: s for s in mine(PathwayStep.objects.all())},
        resources=list(
            mine(Resource.objects.prefetch_related("step_links", "tags")).order_by("title")
        ),
        reported=reported,
    )
