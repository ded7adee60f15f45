"""`ecotrack demo`: load the demo data. Idempotent: a second run changes nothing.

The foundation loads jurisdictions and demo accounts; each feature app that has demo data
provides `ecotrack/<app>/demo.py` with `load(write: Callable[[str], None]) -> None`, run here in
dependency order inside the same transaction (the CBI has none: Tongliao has not started it,
and no real assessment of another city was available).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from ecotrack.audit.context import command_actor
from ecotrack.demo.accounts import DEMO_ACCOUNTS, ensure_account, password_file
from ecotrack.monitoring import demo as monitoring_demo
from ecotrack.nature import demo as nature_demo
from ecotrack.places.loading import load_bundled
from ecotrack.plans import demo as plans_demo

# Order matters: the CitiesWithNature profile first, then plans, then air runs.
DEMO_LOADERS = (nature_demo.load, plans_demo.load, monitoring_demo.load)


class Command(BaseCommand):
    help = "Load the demo data: jurisdictions, demo accounts and the first users' documents."

    def handle(self, *args: Any, **options: Any) -> None:
        with command_actor("demo"), transaction.atomic():
            places = load_bundled()
            self.stdout.write(
                f"Jurisdictions: {places.created} created, {places.updated} updated, "
                f"{places.unchanged} unchanged"
            )
            for account in DEMO_ACCOUNTS:
                password = ensure_account(account)
                where = password_file(account.username)
                if password:
                    self.stdout.write(
                        self.style.SUCCESS(
                            f"Created account {account.username!r} with password {password} "
                            f"(kept in {where})"
                        )
                    )
                else:
                    self.stdout.write(f"Account {account.username!r} exists (password in {where})")
            for load in DEMO_LOADERS:
                load(self.stdout.write)
