"""What the plan commands share: finding the user and the jurisdiction, and storing a parsed
plan with the permission check, the audit attribution and one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.db import transaction

from ecotrack.audit.context import command_actor
from ecotrack.core.plandoc import ParsedPlan, PlanImportError
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.storing import StoreResult, store_parsed_plan


def user_named(username: str | None) -> Any:
    if not username:
        raise CommandError("--user USERNAME is required: changes are made on someone's behalf")
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"--user: no active user {username!r}")
    return user


def jurisdiction_for(code: str | None, parsed: ParsedPlan) -> Jurisdiction:
    """`--jurisdiction CODE`, else the place named in the plan's title (must be unique)."""
    filename = parsed.plan.filename or "plan"
    if code:
        place = Jurisdiction.objects.filter(code=code).first()
        if place is None:
            raise CommandError(f"--jurisdiction: no jurisdiction with code {code!r}")
        return place
    name = parsed.plan.jurisdiction_name
    if not name:
        raise CommandError(f"{filename}: no place name in the plan's title; give --jurisdiction")
    found = list(Jurisdiction.objects.filter(name_zh=name)[:2])
    if len(found) != 1:
        how = "no" if not found else "more than one"
        raise CommandError(
            f"{filename}: {how} jurisdiction named {name!r}; give --jurisdiction CODE"
        )
    return found[0]


def store_with_checks(
    command: str, parsed: ParsedPlan, options: dict[str, Any], source: bytes
) -> StoreResult:
    user = user_named(options.get("user"))
    place = jurisdiction_for(options.get("jurisdiction"), parsed)
    try:
        with command_actor(command, user), transaction.atomic():
            return store_parsed_plan(
                parsed, place, source=source, user=user, kind=options.get("kind"),
                publish=bool(options.get("publish")),
            )
    except PermissionDenied as exc:
        raise CommandError(f"{user.get_username()} may not change plans of {place}") from exc
    except PlanImportError as exc:
        raise CommandError(str(exc)) from exc


def describe(result: StoreResult) -> str:
    plan = result.plan
    where = f"{plan.title} ({plan.jurisdiction.code}, plan id {plan.pk})"
    if not result.created:
        return f"Unchanged: {where} was already imported from this file."
    return (
        f"Stored {where}: {result.indicators} indicators ({result.linked} linked to canonical "
        f"indicators), {result.targets} targets, {result.observations} baseline observations, "
        f"{result.projects} key-project boxes."
    )


def store_from_command(parsed: ParsedPlan, options: dict[str, Any]) -> str:
    source = Path(options["path"]).read_bytes()
    return describe(store_with_checks("import-plan", parsed, options, source))
