"""`ecotrack import-plan PATH [--dry-run] [--json] [--jurisdiction CODE] [--user NAME]`.

`--dry-run` parses the plan document and prints it, never touching the database. Without it
the plan is stored by `ecotrack.plans.storing` for the jurisdiction given with
`--jurisdiction` (or found by the name in the plan's title), in one transaction, on behalf
of `--user`, who must be allowed to edit that jurisdiction. Importing the same file again
changes nothing; a file that cannot be read stores nothing and exits non-zero.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.core.plandoc import ParsedPlan, PlanImportError, parse_plan
from ecotrack.plans.cli import store_from_command


class Command(BaseCommand):
    help = "Import a plan document (.txt, .docx, .pdf, .xlsx, .csv); --dry-run parses and prints."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="plan document to import")
        parser.add_argument("--jurisdiction", metavar="CODE", help="GB/T 2260 code, e.g. 150500")
        parser.add_argument(
            "--dry-run", action="store_true", help="parse and print, store nothing"
        )
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument(
            "--user", metavar="USERNAME", help="who stores the plan (must edit the jurisdiction)"
        )
        parser.add_argument(
            "--kind", choices=("five_year", "demonstration", "other"),
            help="plan kind (default: guessed from the title)",
        )
        parser.add_argument("--publish", action="store_true", help="publish the stored plan")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dry_run"] and not options["user"]:
            # Checked before anything is read: storing is always on someone's behalf.
            raise CommandError(
                "storing a plan needs --user USERNAME (an editor of the plan's "
                "jurisdiction); use --dry-run to only parse"
            )
        try:
            parsed = parse_plan(options["path"])
        except PlanImportError as exc:
            raise CommandError(str(exc)) from exc
        if not options["dry_run"]:
            self.stdout.write(store_from_command(parsed, options))
            return
        data = parsed.to_dict()
        if options["jurisdiction"]:
            data["plan"]["jurisdiction_code"] = options["jurisdiction"]
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(parsed, options["jurisdiction"]))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str | None, width: int) -> str:
    """Cut and pad to a display width (a CJK character takes two columns)."""
    text = text or ""
    while _width(text) > width:
        text = text[:-2] + "…"
    return text + " " * (width - _width(text))


def _summary(parsed: ParsedPlan, code: str | None) -> str:
    plan = parsed.plan
    period = f"{plan.period_start or '?'}–{plan.period_end or '?'}"
    lines = [
        f"{plan.title or '(no title)'}",
        f"  jurisdiction: {plan.jurisdiction_name or '?'}" + (f" ({code})" if code else ""),
        f"  period: {period}, base year: {plan.base_year or '?'}",
        f"  issued by: {plan.issuing_body or '?'} on {plan.issued_date or '?'}",
        f"  {len(parsed.indicators)} indicators, {len(parsed.projects)} project boxes, "
        f"{len(parsed.warnings)} warnings",
        "",
        f"{'#':>3}  {'category':<12} {'indicator':<36} {'unit':<10} {'baseline':<16} "
        f"{'targets':<30} attribute",
    ]
    for ind in parsed.indicators:
        name = ind.name + (f" / {ind.sub_name}" if ind.sub_name else "")
        base = ind.baseline.raw if ind.baseline else ""
        targets = "; ".join(f"{t.year}: {t.raw}" for t in ind.targets)
        lines.append(
            f"{ind.seq if ind.seq is not None else '':>3}  {_cell(ind.category, 12)} "
            f"{_cell(name, 36)} {_cell(ind.unit, 10)} {_cell(base, 16)} "
            f"{_cell(targets, 30)} {ind.attribute or ''}"
        )
    for box in parsed.projects:
        lines.append(f"专栏 {box.box or '?'} {box.title}: {len(box.items)} items")
    if parsed.warnings:
        lines.append("")
        lines.extend(f"warning: {w}" for w in parsed.warnings)
    return "\n".join(lines)
