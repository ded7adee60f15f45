"""The profile overview from ecotrack.places."""

from __future__ import annotations

from typing import Any

from ecotrack.accounts import permissions
from ecotrack.places.models import Jurisdiction, Profile


def visible_profile(jurisdiction: Jurisdiction, user: Any | None) -> Profile | None:
    profile = Profile.objects.filter(jurisdiction=jurisdiction).first()
    if profile is None or not permissions.can_view(user, profile):
        return None
    return profile
