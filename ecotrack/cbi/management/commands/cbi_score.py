"""`ecotrack cbi-score INPUT.json [--edition 2021|2014] [--json]`: score a file of raw CBI inputs.

Touches no database: it reads a file, runs the pure core (ecotrack.core.cbi) and prints.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.core.cbi import EDITIONS, CBIInputError, input_schema, load_edition, score_document
from ecotrack.core.cbi.document import InputDocument
from ecotrack.core.cbi.scoring import AssessmentResult, IndicatorResult
from ecotrack.core.cbi.serialize import problems_to_list, result_to_dict


class Command(BaseCommand):
    help = "Score a JSON file of raw City Biodiversity Index inputs (see docs/cbi.md)."
    requires_system_checks: list[str] = []  # no models, no database: runs on a bare checkout
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "input", nargs="?", help="JSON file of raw inputs (docs/examples/cbi-input-*.json)"
        )
        parser.add_argument(
            "--edition",
            choices=EDITIONS,
            help="edition to score by (default: the file's, else 2021)",
        )
        parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
        parser.add_argument(
            "--schema", action="store_true", help="print the JSON Schema of the input file and exit"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schema"]:
            schema = input_schema(options["edition"] or "2021")
            self.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2))
            return
        if not options["input"]:
            raise CommandError("give an INPUT.json file (or --schema)")
        path = Path(options["input"])
        data = self._read(path)
        try:
            document, result = score_document(data, options["edition"])
        except CBIInputError as error:
            if options["json"]:
                payload = {
                    "ok": False,
                    "file": str(path),
                    "problems": problems_to_list(error.problems),
                }
                self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            lines = "\n".join(f"  {path}: {p.path}: {p.message}" for p in error.problems)
            raise CommandError(
                f"{path}: {len(error.problems)} problem(s) in the CBI input:\n{lines}"
            ) from error
        if options["json"]:
            self._write_json(path, document, result)
        else:
            self._write_text(document, result)

    def _read(self, path: Path) -> Any:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror})") from error
        try:
            # Decimals, not floats: 6.9 must stay 6.9 at a band edge.
            return json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{path}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
            ) from error

    def _write_json(self, path: Path, document: InputDocument, result: AssessmentResult) -> None:
        payload = {
            "ok": True,
            "file": str(path),
            "city": document.city,
            "assessment_year": document.assessment_year,
            **result_to_dict(result),
        }
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))

    def _write_text(self, document: InputDocument, result: AssessmentResult) -> None:
        edition = load_edition(result.edition)
        out = self.stdout.write
        out(f"City Biodiversity Index, {edition.id} edition: {edition.title}")
        if document.city or document.assessment_year:
            out(
                f"City: {document.city or '-'}   Assessment year: {document.assessment_year or '-'}"
            )
        out("")
        out(f"{'#':>3}  {'Indicator':<58} {'Value':>16}  Score  Band")
        for r in result.indicators:
            out(self._indicator_line(r))
            for label, text in r.details:
                out(f"{'':>5}{label}: {text}")
            for message in r.messages:
                out(f"{'':>5}! {message}")
        out("")
        out("Components")
        for c in result.components:
            out(
                f"  {c.name:<50} {c.score:>3} of {c.max_points:<3}"
                f"  (answered {c.answered} of {c.indicators} indicators: "
                f"{c.score} of {c.answered_max})"
            )
        out("")
        out(
            f"Total: {result.total} of {result.max_points}"
            f"  (out of the {len(result.indicators)} answered indicators: "
            f"{result.total} of {result.answered_max})"
        )
        if result.provisional_points:
            out(
                f"* {result.provisional_points} of these points rest on provisional (unverified) "
                "definitions or bands; see docs/cbi.md."
            )
        if result.unanswered:
            out(f"Not answered ({len(result.unanswered)}): {', '.join(result.unanswered)}")

    @staticmethod
    def _indicator_line(r: IndicatorResult) -> str:
        name = r.name if len(r.name) <= 58 else r.name[:57] + "…"
        mark = "*" if r.provisional else " "
        band = r.band.text if r.band.answer else f"{r.band.text}  [{r.band.edges_text()}]"
        return f"{r.number:>3}  {name:<58} {r.value_text:>16}  {r.score}/4{mark}  {band}"
