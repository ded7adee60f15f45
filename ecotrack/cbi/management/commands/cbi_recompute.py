"""`ecotrack cbi-recompute --user USERNAME [--edition 2021|2014]`: rescore every stored
assessment from its stored inputs by the edition as it now stands.

Needed after an upgrade changes the shipped edition data (e.g. bands promoted from provisional
after transcribing the Handbook): stored totals would otherwise keep the old bands. Each change
lands in the audit trail as made by USERNAME via this command. A site administrator only.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ecotrack.audit.context import command_actor
from ecotrack.cbi.corrections import can_correct_bands
from ecotrack.cbi.models import Assessment
from ecotrack.cbi.scoring import rescore
from ecotrack.core.cbi import EDITIONS


class Command(BaseCommand):
    help = "Recompute the stored scores of CBI assessments from their stored inputs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="site administrator doing this")
        parser.add_argument("--edition", choices=EDITIONS, help="only this edition")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["user"]
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"--user: no user named {username!r}")
        if not can_correct_bands(user):
            raise CommandError(f"--user: {username!r} is not a site administrator")
        assessments = Assessment.objects.select_related("jurisdiction").order_by(
            "jurisdiction__code", "year"
        )
        if options["edition"]:
            assessments = assessments.filter(edition=options["edition"])
        changed = 0
        with command_actor("cbi-recompute", user), transaction.atomic():
            for assessment in assessments:
                before = assessment.total
                result = rescore(assessment)
                if result.total != before:
                    changed += 1
                    self.stdout.write(
                        f"{assessment.jurisdiction.code} {assessment.year}: "
                        f"{before} → {result.total} of {result.max_points}"
                    )
        self.stdout.write(f"{assessments.count()} assessments recomputed, {changed} totals changed")
