"""Whom a report is made for: the permission layer decides what it may contain."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from ecotrack.accounts import permissions
from ecotrack.places.models import Jurisdiction


def report_user(user: Any | None, jurisdiction: Jurisdiction, public: bool = False) -> Any | None:
    """The user whose view the report shows, or None for the public (published only).

    Someone who may not review the jurisdiction gets the public report, so a download never
    depends on who clicked it beyond what they could already read.
    """
    if public or user is None or not permissions.can_review(user, jurisdiction):
        return None
    return user


def command_user(username: str | None) -> Any | None:
    if not username:
        return None
    try:
        return get_user_model().objects.get(username=username, is_active=True)
    except get_user_model().DoesNotExist:
        raise CommandError(f"--user: no active user named {username!r}") from None
