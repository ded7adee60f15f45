"""What a profile report shows, as plain data: one structure rendered by the HTML page, the
HTML download and the PDF, so the three can never disagree.

The content comes from the places, nature and cbi apps through `ecotrack.reports.sources`,
always filtered by the permission layer for the user the report is made for (`None` = the
public, who see published content only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from ecotrack.core.cbi import load_edition
from ecotrack.core.cwn import compute_awards, load_award_checklists, load_pathway
from ecotrack.core.cwn.localtext import LocalText
from ecotrack.places.models import Jurisdiction, Profile, localized

CBI_EDITION = "2021"


def pick(text: LocalText) -> str:
    return localized(text.zh, text.en)


@dataclass(frozen=True)
class TargetItem:
    text: str
    year: int | None = None


@dataclass(frozen=True)
class ActionItem:
    key: str
    title: str
    description: str = ""
    description_language: str = ""
    targets: tuple[TargetItem, ...] = ()


@dataclass(frozen=True)
class CommitmentItem:
    key: str
    title: str
    actions: tuple[ActionItem, ...] = ()


@dataclass(frozen=True)
class AreaItem:
    key: str
    number: int
    title: str
    commitments: tuple[CommitmentItem, ...] = ()

    @property
    def commitments_without_actions(self) -> tuple[CommitmentItem, ...]:
        return tuple(c for c in self.commitments if not c.actions)


@dataclass(frozen=True)
class ResourceItem:
    title: str
    kind: str = ""
    language: str = ""
    year: int | None = None
    url: str = ""
    pathway_steps: tuple[int, ...] = ()


@dataclass(frozen=True)
class StepItem:
    number: int
    key: str
    title: str
    status: str
    status_label: str
    resources: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhaseItem:
    numeral: str
    title: str
    steps: tuple[StepItem, ...]


@dataclass(frozen=True)
class CbiComponentItem:
    key: str
    title: str
    max_points: int
    score: int | None  # None: not started

    @property
    def started(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class CbiSection:
    edition: str
    max_points: int
    components: tuple[CbiComponentItem, ...]
    year: int | None = None
    provisional_points: int = 0

    @property
    def started(self) -> bool:
        return any(c.started for c in self.components)

    @property
    def total(self) -> int:
        return sum(c.score or 0 for c in self.components)


@dataclass(frozen=True)
class AwardTier:
    key: str
    title: str
    percent: int


@dataclass(frozen=True)
class AwardModule:
    key: str
    title: str
    tiers: tuple[AwardTier, ...]


@dataclass(frozen=True)
class Statistic:
    label: str
    value: int


@dataclass
class NatureContent:
    """What the nature app contributes (empty where it has nothing, or is not installed)."""

    areas: list[AreaItem] = field(default_factory=list)
    step_status: dict[int, str] = field(default_factory=dict)  # pathway step number -> status
    step_resources: dict[int, list[str]] = field(default_factory=dict)
    resources: list[ResourceItem] = field(default_factory=list)
    achievements: list[str] = field(default_factory=list)
    profile_extra_fields: list[str] = field(default_factory=list)  # e.g. profile_image, contact
    # The nature app's own award facts, when it has them: the report then shows exactly the
    # percentages of the profile page.
    award_facts: dict[str, Any] | None = None


@dataclass(frozen=True)
class ProfileReport:
    jurisdiction: Jurisdiction
    profile: Profile | None
    statistics: tuple[Statistic, ...]
    achievements: tuple[str, ...]
    awards: tuple[AwardModule, ...]
    areas: tuple[AreaItem, ...]
    phases: tuple[PhaseItem, ...]
    cbi: CbiSection
    resources: tuple[ResourceItem, ...]
    generated_at: datetime
    public: bool

    @property
    def actions_count(self) -> int:
        return sum(len(c.actions) for a in self.areas for c in a.commitments)

    @property
    def has_unpublished_view(self) -> bool:
        return not self.public


def _award_facts(profile: Profile | None, nature: NatureContent, cbi: CbiSection) -> dict[str, Any]:
    fields: list[str] = list(nature.profile_extra_fields)
    if profile is not None:
        for name, value in (
            ("about", profile.about),
            ("population", profile.population),
            ("country", profile.country),
            ("region", profile.world_region),
            ("head_of_government", profile.head_of_government),
        ):
            if value:
                fields.append(name)
    commitments = [c for a in nature.areas for c in a.commitments]
    actions = [x for c in commitments for x in c.actions]
    steps_with_uploads = [n for n, names in nature.step_resources.items() if names]
    pathway = load_pathway()
    return {
        "profile_fields": fields,
        "about_languages": [profile.about_language] if profile and profile.about else [],
        "achievements": len(nature.achievements),
        "commitments": len(commitments),
        "action_areas_with_commitments": sum(1 for a in nature.areas if a.commitments),
        "actions_with_description": sum(1 for x in actions if x.description),
        "targets": sum(len(x.targets) for x in actions),
        "pathway_steps_with_uploads": len(steps_with_uploads),
        "pathway_phases_with_uploads": len(
            {pathway.step(n).phase_key for n in steps_with_uploads}
        ),
        "cbi_components_started": sum(1 for c in cbi.components if c.started),
        "resources": len(nature.resources),
        "resource_languages": len({r.language for r in nature.resources if r.language}),
    }


def award_modules(facts: dict[str, Any]) -> tuple[AwardModule, ...]:
    checklists = load_award_checklists()
    computed = compute_awards(facts, checklists)
    return tuple(
        AwardModule(
            key=module,
            title=pick(checklists.module_titles[module]),
            tiers=tuple(
                AwardTier(tier, pick(checklists.tier_titles[tier]), result["percent"])
                for tier, result in tiers.items()
            ),
        )
        for module, tiers in computed.items()
    )


def phases(nature: NatureContent) -> tuple[PhaseItem, ...]:
    pathway = load_pathway()
    titles = {str(k): pick(v) for k, v in pathway.status_titles.items()}
    return tuple(
        PhaseItem(
            numeral=phase.numeral,
            title=pick(phase.title),
            steps=tuple(
                StepItem(
                    number=step.number,
                    key=step.key,
                    title=pick(step.title),
                    status=(status := nature.step_status.get(step.number, "not_started")),
                    status_label=titles.get(status, status),
                    resources=tuple(nature.step_resources.get(step.number, ())),
                )
                for step in phase.steps
            ),
        )
        for phase in pathway.phases
    )


def empty_cbi() -> CbiSection:
    edition = load_edition(CBI_EDITION)
    return CbiSection(
        edition=edition.id,
        max_points=edition.max_points,
        components=tuple(
            CbiComponentItem(c.key, localized(c.name_zh, c.name), c.max_points, None)
            for c in edition.components
        ),
    )


def statistics(nature: NatureContent, cbi: CbiSection) -> tuple[Statistic, ...]:
    from django.utils.translation import gettext as _

    commitments = [c for a in nature.areas for c in a.commitments]
    actions = [x for c in commitments for x in c.actions]
    return (
        Statistic(_("Commitments made on the Action Platform"), len(commitments)),
        Statistic(_("Actions made on the Action Platform"), len(actions)),
        Statistic(_("Targets set"), sum(len(x.targets) for x in actions)),
        Statistic(
            _("Nature Pathway steps with linked resources"),
            sum(1 for names in nature.step_resources.values() if names),
        ),
        Statistic(_("Tools & resources shared"), len(nature.resources)),
    )


def build_profile_report(jurisdiction: Jurisdiction, user: Any | None) -> ProfileReport:
    """Everything the report shows for `jurisdiction`, as `user` may see it (None: public).

    Call it inside the report's language (translation.override): labels are resolved here.
    """
    from ecotrack.reports.sources import cbi as cbi_source
    from ecotrack.reports.sources import nature as nature_source
    from ecotrack.reports.sources import places as places_source

    profile = places_source.visible_profile(jurisdiction, user)
    nature = nature_source.content(jurisdiction, user)
    cbi = cbi_source.section(jurisdiction, user) or empty_cbi()
    return ProfileReport(
        jurisdiction=jurisdiction,
        profile=profile,
        statistics=statistics(nature, cbi),
        achievements=tuple(nature.achievements),
        awards=award_modules(nature.award_facts or _award_facts(profile, nature, cbi)),
        areas=tuple(nature.areas),
        phases=phases(nature),
        cbi=cbi,
        resources=tuple(nature.resources),
        generated_at=timezone.now(),
        public=user is None or not getattr(user, "is_authenticated", False),
    )
