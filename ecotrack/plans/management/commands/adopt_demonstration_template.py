"""`ecotrack adopt-demonstration-template CODE --year Y --user NAME`: create the
jurisdiction's eco-civilization demonstration self-assessment plan from the template."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.audit.context import command_actor
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.cli import user_named
from ecotrack.plans.template import adopt_template


class Command(BaseCommand):
    help = "Create a demonstration-zone self-assessment plan from the national indicator system."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="GB/T 2260 code of the city or county")
        parser.add_argument("--year", type=int, required=True, help="assessment year")
        parser.add_argument("--user", metavar="USERNAME", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        user = user_named(options["user"])
        place = Jurisdiction.objects.filter(code=options["code"]).first()
        if place is None:
            raise CommandError(f"no jurisdiction with code {options['code']!r}")
        try:
            with command_actor("adopt-demonstration-template", user):
                plan, created = adopt_template(place, options["year"], user)
        except PermissionDenied as exc:
            raise CommandError(f"{user.get_username()} may not change plans of {place}") from exc
        verb = "Created" if created else "Exists, unchanged:"
        self.stdout.write(f"{verb} {plan.title} (plan id {plan.pk}, "
                          f"{plan.indicators.count()} indicators)")
