"""The CitiesWithNature reference data of the core, seen from Django: choices and titles.

The taxonomy and the Nature Pathway stay data in `ecotrack.core.cwn` (versioned JSON with
provenance). Rows here refer to them by their stable keys (`commitment_key`, `action_key`,
`step_key`) instead of copying them into reference tables: the keys are promised never to
change, a new taxonomy version only adds keys, and titles and translations then come from one
place. Validation against the current version happens in the forms and the import.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ecotrack.core.cwn import load_pathway, load_taxonomy
from ecotrack.core.cwn.localtext import LocalText
from ecotrack.core.cwn.pathway import PathwayStep
from ecotrack.core.cwn.taxonomy import Action, ActionArea, Commitment
from ecotrack.places.models import localized

# The core tags free text 'zh' / 'en' / 'und'; the site's language codes are these.
CORE_LANGUAGE_TO_SITE = {"zh": "zh-hans", "en": "en", "und": ""}
LANGUAGE_CHOICES = [("zh-hans", "简体中文"), ("en", "English"), ("", _("Not known"))]


def pick(text: LocalText) -> str:
    return localized(text.zh, text.en)


def areas() -> tuple[ActionArea, ...]:
    return load_taxonomy().areas


def commitment(key: str) -> Commitment | None:
    return next((c for c in load_taxonomy().commitments if c.key == key), None)


def area_of(commitment_key: str) -> ActionArea | None:
    try:
        return load_taxonomy().area_of(commitment_key)
    except KeyError:
        return None


def area(key: str) -> ActionArea | None:
    return next((a for a in areas() if a.key == key), None)


def action(commitment_key: str, action_key: str) -> Action | None:
    found = commitment(commitment_key)
    if found is None:
        return None
    return next((a for a in found.actions if a.key == action_key), None)


def step(key: str) -> PathwayStep | None:
    return next((s for s in load_pathway().steps if s.key == key), None)


def commitment_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped by action area, for a <select> with <optgroup>s."""
    return [
        (f"{a.number}. {pick(a.title)}", [(c.key, pick(c.title)) for c in a.commitments])
        for a in areas()
    ]


def area_choices() -> list[tuple[str, str]]:
    return [(a.key, f"{a.number}. {pick(a.title)}") for a in areas()]


def action_choices(commitment_key: str) -> list[tuple[str, str]]:
    found = commitment(commitment_key)
    return [(a.key, pick(a.title)) for a in found.actions] if found else []


def step_choices() -> list[tuple[str, str]]:
    return [(s.key, f"{s.number}. {pick(s.title)}") for s in load_pathway().steps]


def all_commitment_keys() -> list[str]:
    return [c.key for c in load_taxonomy().commitments]


def all_step_keys() -> list[str]:
    return [s.key for s in load_pathway().steps]
