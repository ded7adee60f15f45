"""`ecotrack set-target CODE --indicator KEY --year Y --target TEXT --user NAME`: the
assessment target a jurisdiction sets (e.g. the national value that 「达到国家考核目标」
waits for). Audited as the user, in one transaction."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ecotrack.audit.context import command_actor
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.assigned import AssignedTargetError, set_assigned_target
from ecotrack.plans.cli import user_named


class Command(BaseCommand):
    help = "Set a jurisdiction's assessment target for a canonical indicator and year."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="GB/T 2260 code (100000 for the national level)")
        parser.add_argument("--indicator", required=True,
                            help="canonical indicator key, e.g. air.good_day_ratio")
        parser.add_argument("--year", type=int, required=True, help="target year")
        parser.add_argument("--target", required=True, help="the target as written, e.g. ≥87.5")
        parser.add_argument("--user", metavar="USERNAME", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_named(options["user"])
        place = Jurisdiction.objects.filter(code=options["code"]).first()
        if place is None:
            raise CommandError(f"no jurisdiction with code {options['code']!r}")
        try:
            with command_actor("set-target", user), transaction.atomic():
                target, changed = set_assigned_target(
                    place, options["indicator"], options["year"], options["target"], user
                )
        except PermissionDenied as exc:
            raise CommandError(f"{user.get_username()} may not set targets of {place}") from exc
        except AssignedTargetError as exc:
            raise CommandError(str(exc)) from exc
        verb = "Set" if changed else "Unchanged:"
        self.stdout.write(f"{verb} {place.code} {place.name_zh} {options['indicator']} "
                          f"{target.year}: {target.text} (plan id {target.indicator.plan_id})")
