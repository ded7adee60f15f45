"""`ecotrack load-plan-csv PATH --jurisdiction CODE --title T --period-start Y --user NAME`:
store a plan indicator table kept as a structured CSV or XLSX (value_YYYY / target_YYYY
columns, read by the plandoc template reader: docs/plan-import.md), atomically; loading the
same file again changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.core.plandoc import PlanImportError, PlanMeta
from ecotrack.plans.cli import describe, store_with_checks
from ecotrack.plans.sheets import parse_table


class Command(BaseCommand):
    help = "Store a plan indicator table from a structured CSV (value_YYYY, target_YYYY)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--jurisdiction", metavar="CODE", required=True)
        parser.add_argument("--title", required=True)
        parser.add_argument("--period-start", type=int, required=True)
        parser.add_argument("--period-end", type=int, help="default: the last target year")
        parser.add_argument("--base-year", type=int, help="default: the value_YYYY year")
        parser.add_argument("--kind", choices=("five_year", "demonstration", "other"))
        parser.add_argument("--publish", action="store_true")
        parser.add_argument("--user", metavar="USERNAME", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        meta = PlanMeta(
            title=options["title"], period_start=options["period_start"],
            period_end=options["period_end"], base_year=options["base_year"],
        )
        try:
            parsed = parse_table(options["path"], meta)
        except PlanImportError as exc:
            raise CommandError(str(exc)) from exc
        source = Path(options["path"]).read_bytes()
        self.stdout.write(describe(store_with_checks("load-plan-csv", parsed, options, source)))
