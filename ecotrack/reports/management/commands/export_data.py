"""`ecotrack export-data CODE --format csv|xlsx|json -o PATH`: all published content of a
jurisdiction as open data (docs/open-data-schema.md). `--schema` prints the JSON Schema.

Always the public view: an export is for publishing, so nothing unpublished goes in it, whoever
runs the command. `-o x.zip` with csv writes a ZIP; any other PATH a folder of CSV files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.places.models import Jurisdiction
from ecotrack.reports.opendata import writers
from ecotrack.reports.opendata.collect import export_dataset
from ecotrack.reports.opendata.schema import schema_text


class Command(BaseCommand):
    help = "Export all published content of a jurisdiction as CSV, XLSX or JSON open data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", nargs="?", help="jurisdiction code, e.g. 150500")
        parser.add_argument("--format", dest="fmt", choices=["csv", "xlsx", "json"],
                            default="json")
        parser.add_argument("-o", "--output", help="file (or folder for csv); '-' = stdout")
        parser.add_argument("--schema", action="store_true",
                            help="print the JSON Schema of the JSON form and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            self.stdout.write(schema_text(), ending="")
            return
        if not options["code"] or not options["output"]:
            raise CommandError("give a jurisdiction CODE and -o PATH (or --schema)")
        place = Jurisdiction.objects.filter(code=options["code"]).first()
        if place is None:
            raise CommandError(f"no jurisdiction with code {options['code']!r}")
        dataset = export_dataset(place)
        fmt, output = options["fmt"], options["output"]
        counts = ", ".join(f"{name} {len(rows)}" for name, rows in dataset["tables"].items()
                           if rows)
        if fmt == "csv" and output != "-" and not output.lower().endswith(".zip"):
            writers.write_csv_folder(dataset, Path(output))
            self.stdout.write(f"Wrote CSV files to {output}/ ({counts})")
            return
        content = {"json": writers.to_json, "xlsx": writers.to_xlsx, "csv": writers.to_zip}[fmt](
            dataset)
        if output == "-":
            sys.stdout.buffer.write(content)
            return
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(f"-o {output}: folder {path.parent} does not exist")
        path.write_bytes(content)
        self.stdout.write(f"Wrote {path} ({counts})")
