"""`ecotrack import-data FILE.xlsx|FILE.json [--user U] [--draft]`: import an open-data export
made by another ecotrack installation, matching by natural keys (docs/open-data-schema.md).

The whole file is checked first; then everything is stored in one transaction, attributed in
the audit trail to `--user` (whose right to edit each jurisdiction is checked) or to the
operating-system account. Any problem names the file, sheet, row and field, and stores nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ecotrack.audit.context import command_actor
from ecotrack.reports.access import command_user
from ecotrack.reports.opendata.load import load_dataset
from ecotrack.reports.opendata.readers import OpenDataError, read_dataset


class Command(BaseCommand):
    help = "Import an ecotrack open-data file (XLSX or JSON) exported by another installation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="FILE.xlsx (or FILE.json) written by export-data")
        parser.add_argument("--user", help="act as this user (permissions are checked)")
        parser.add_argument("--draft", action="store_true",
                            help="store the content unpublished, for review")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        user = command_user(options["user"])
        try:
            dataset = read_dataset(path)
            with command_actor("import-data", user), transaction.atomic():
                result = load_dataset(dataset, path.name, user, publish=not options["draft"])
        except OpenDataError as error:
            lines = "\n".join(f"  {p}" for p in error.problems)
            raise CommandError(f"nothing was imported:\n{lines}") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {path.name}: {result.summary()}"))
