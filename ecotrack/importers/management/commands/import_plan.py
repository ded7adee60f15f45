"""`ecotrack import-plan PATH --dry-run [--json]`: parse a plan document and show the result.

Storing needs the plans module, which does not exist yet, so only --dry-run works; it
never touches the database.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.core.plandoc import ParsedPlan, PlanImportError, parse_plan


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

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dry_run"]:
            raise CommandError(
                "storing plans needs the plans module, not yet available; use --dry-run"
            )
        try:
            parsed = parse_plan(options["path"])
        except PlanImportError as exc:
            raise CommandError(str(exc)) from exc
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
