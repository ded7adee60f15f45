"""Action Platform, Nature Pathway, resources and award facts from ecotrack.nature.

Reads through the nature app's own `content.load` (which asks the permission layer) and its
`awards.facts`, so the report counts exactly what the profile page counts.
"""

from __future__ import annotations

from typing import Any

from ecotrack.core.cwn import load_pathway, load_taxonomy
from ecotrack.nature import awards, cbi_link
from ecotrack.nature import content as nature_content
from ecotrack.places.models import Jurisdiction
from ecotrack.reports.profile_content import (
    ActionItem,
    AreaItem,
    CommitmentItem,
    NatureContent,
    ResourceItem,
    TargetItem,
    pick,
)


def _number(value: Any) -> str:
    return f"{value:f}".rstrip("0").rstrip(".") if value is not None else ""


def target_text(target: Any) -> str:
    """「Protected area share: 12 → 17 % (2020 → 2030), latest 14 (2024)」."""
    unit = f" {target.unit}" if target.unit else ""
    text = (
        f"{target.metric}: {_number(target.baseline_value)} → {_number(target.target_value)}"
        f"{unit} ({target.baseline_year} → {target.target_year})"
    )
    if target.latest_value is not None:
        text += f"; {_number(target.latest_value)} ({target.latest_year})"
    return text


def _areas(seen: Any) -> list[AreaItem]:
    taxonomy = load_taxonomy()
    order = {c.key: i for i, c in enumerate(taxonomy.commitments)}
    action_order = {a.key: i for i, a in enumerate(taxonomy.actions)}
    areas = []
    for area in taxonomy.areas:
        made = sorted(
            (c for c in seen.commitments if c.area_key == area.key),
            key=lambda c: order.get(c.commitment_key, 999),
        )
        commitments = [
            CommitmentItem(
                key=c.commitment_key,
                title=c.title,
                actions=tuple(
                    ActionItem(
                        key=a.action_key,
                        title=a.display_title,
                        description=a.description,
                        description_language=a.description_language,
                        targets=tuple(
                            TargetItem(target_text(t), t.target_year) for t in seen.targets_of(a)
                        ),
                    )
                    for a in sorted(seen.actions_of(c),
                                    key=lambda a: (action_order.get(a.action_key, 999), a.pk))
                ),
            )
            for c in made
        ]
        commitments += [
            CommitmentItem(key="", title=o.text)
            for o in seen.other_commitments
            if o.area_key == area.key
        ]
        if commitments:
            areas.append(AreaItem(area.key, area.number, pick(area.title), tuple(commitments)))
    return areas


def content(jurisdiction: Jurisdiction, user: Any | None) -> NatureContent:
    seen = nature_content.load(jurisdiction, user)
    numbers = {s.key: s.number for s in load_pathway().steps}
    step_resources: dict[int, list[str]] = {}
    for resource in seen.resources:
        for key in resource.step_keys:
            if key in numbers:
                step_resources.setdefault(numbers[key], []).append(resource.title)
    return NatureContent(
        areas=_areas(seen),
        step_status={numbers[k]: s.status for k, s in seen.steps.items() if k in numbers},
        step_resources=step_resources,
        resources=[
            ResourceItem(
                title=r.title,
                kind=r.get_kind_display(),
                language=r.language,
                year=r.created_at.year if r.created_at else None,
                url=r.link,
                pathway_steps=tuple(sorted(numbers[k] for k in r.step_keys if k in numbers)),
            )
            for r in seen.resources
        ],
        award_facts=awards.facts(seen, cbi_link.latest_assessment(jurisdiction, user)),
    )
