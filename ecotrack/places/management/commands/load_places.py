"""`ecotrack load-places FILE.csv`: add or update jurisdictions from a CSV of codes and names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.audit.context import command_actor
from ecotrack.places.loading import PlacesLoadError, load_csv


class Command(BaseCommand):
    help = "Load jurisdictions from a CSV with columns code,name_zh,name_en,level,parent_code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with command_actor("load-places"):
                result = load_csv(options["path"])
        except PlacesLoadError as exc:
            raise CommandError(f"Nothing was stored.\n{exc}") from exc
        self.stdout.write(
            f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged"
        )
