"""Profile awards of a jurisdiction from its real data, through the core's checklists.

The facts are counted from what the reader may see (`content.VisibleContent`), so the public
sees the awards of the published profile. The checklists themselves and the percentages are
the core's (`ecotrack.core.cwn.compute_awards`, documented in docs/citieswithnature.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecotrack.core.cwn import compute_awards, load_award_checklists, load_pathway
from ecotrack.core.cwn.prose import guess_language
from ecotrack.nature import reference
from ecotrack.nature.cbi_link import CbiAssessmentSummary
from ecotrack.nature.content import VisibleContent


def _about_languages(content: VisibleContent) -> list[str]:
    profile = content.profile
    if profile is None or not profile.about:
        return []
    if profile.about_language:
        return ["zh" if profile.about_language.startswith("zh") else profile.about_language]
    guessed = guess_language(profile.about)
    return [] if guessed == "und" else [guessed]


def _profile_fields(content: VisibleContent) -> list[str]:
    profile = content.profile
    if profile is None:
        return []
    filled = {
        "profile_image": bool(profile.image),
        "contact": bool(profile.contact_name or profile.contact_email),
        "about": bool(profile.about),
        "population": profile.population is not None,
        "country": bool(profile.country),
        "region": bool(profile.world_region),
        "head_of_government": bool(profile.head_of_government),
    }
    return [name for name, present in filled.items() if present]


def facts(content: VisibleContent, cbi: CbiAssessmentSummary | None) -> dict[str, Any]:
    areas = {c.area_key for c in content.commitments} | {
        o.area_key for o in content.other_commitments
    }
    steps_with_uploads = {
        key for r in content.resources for key in r.step_keys if reference.step(key)
    }
    phase_of = {s.key: s.phase_key for s in load_pathway().steps}
    if cbi is not None:
        cbi_started = 0 if cbi.status == "not_started" else 1
    elif content.reported is not None:
        cbi_started = sum(
            1 for c in content.reported.cbi_components if c.get("status") != "not_started"
        )
    else:
        cbi_started = 0
    return {
        "profile_fields": _profile_fields(content),
        "about_languages": _about_languages(content),
        "achievements": len(content.profile.achievement_list) if content.profile else 0,
        "commitments": len(content.commitments) + len(content.other_commitments),
        "action_areas_with_commitments": len(areas - {""}),
        "actions_with_description": sum(1 for a in content.actions if a.description.strip()),
        "targets": len(content.targets),
        "pathway_steps_with_uploads": len(steps_with_uploads),
        "pathway_phases_with_uploads": len({phase_of[k] for k in steps_with_uploads}),
        "cbi_components_started": cbi_started,
        "resources": len(content.resources),
        "resource_languages": len({r.language for r in content.resources if r.language}),
    }


@dataclass(frozen=True)
class AwardItem:
    key: str
    label: str
    met: bool


@dataclass(frozen=True)
class AwardTier:
    key: str
    title: str
    percent: int
    items: tuple[AwardItem, ...]
    shown_in_report: int | None

    @property
    def missing(self) -> tuple[AwardItem, ...]:
        return tuple(i for i in self.items if not i.met)


@dataclass(frozen=True)
class AwardModule:
    key: str
    title: str
    tiers: tuple[AwardTier, ...]


def awards(content: VisibleContent, cbi: CbiAssessmentSummary | None) -> list[AwardModule]:
    checklists = load_award_checklists()
    result = compute_awards(facts(content, cbi), checklists)
    shown = content.reported.awards_shown if content.reported is not None else {}
    modules = []
    for module_key, tiers in checklists.modules.items():
        module_tiers = []
        for tier_key, items in tiers.items():
            computed = result[module_key][tier_key]
            module_tiers.append(
                AwardTier(
                    key=tier_key,
                    title=reference.pick(checklists.tier_titles[tier_key]),
                    percent=computed["percent"],
                    items=tuple(
                        AwardItem(i.key, reference.pick(i.label), i.key in computed["met"])
                        for i in items
                    ),
                    shown_in_report=shown.get(module_key, {}).get(tier_key),
                )
            )
        modules.append(
            AwardModule(
                key=module_key,
                title=reference.pick(checklists.module_titles[module_key]),
                tiers=tuple(module_tiers),
            )
        )
    return modules
