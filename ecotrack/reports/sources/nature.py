"""Action Platform, Nature Pathway, resources and achievements from ecotrack.nature.

The nature app's models are being written alongside this one: until they exist this returns
empty content and the report says "no commitments yet", as a city that has done nothing would.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from ecotrack.places.models import Jurisdiction
from ecotrack.reports.profile_content import NatureContent


def _model(name: str) -> Any | None:
    try:
        return apps.get_model("nature", name)
    except LookupError:
        return None


def content(jurisdiction: Jurisdiction, user: Any | None) -> NatureContent:
    if _model("Commitment") is None:
        return NatureContent()
    return NatureContent()
