"""`ecotrack import-cwn-profile PATH [--jurisdiction CODE] [--dry-run] [--json] [--user NAME]
[--publish]`: import a CitiesWithNature profile report (.txt or a PDF's text layer).

`--dry-run` parses and prints (the core's JSON with `--json`) and never writes to the
database; when the report's jurisdiction is known it also says what an import would change.
Storing is done on behalf of `--user`, who must be allowed to edit the jurisdiction, in one
transaction: a garbled report, an unknown city or a refused permission stores nothing and
exits non-zero. Importing the same report again changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ecotrack.accounts import permissions
from ecotrack.audit.context import command_actor
from ecotrack.core.cwn import (
    ParsedProfileReport,
    ProfileReportError,
    parse_profile_report,
    read_report_text,
)
from ecotrack.nature.importing import (
    ImportResult,
    ReportImportError,
    find_jurisdiction,
    store_report,
)
from ecotrack.places.models import Jurisdiction

COMMAND = "import-cwn-profile"


class Command(BaseCommand):
    help = "Import a CitiesWithNature profile report (.txt or .pdf); --dry-run parses and prints."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the profile report (.txt, or .pdf with a text layer)")
        parser.add_argument("--jurisdiction", metavar="CODE",
                            help="GB/T 2260 code (default: found by the report's city name)")
        parser.add_argument("--dry-run", action="store_true", help="parse and print, store nothing")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument("--user", metavar="USERNAME",
                            help="who imports (must be allowed to edit the jurisdiction)")
        parser.add_argument("--publish", action="store_true",
                            help="publish what is imported (default: unpublished drafts)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dry_run"] and not options["user"]:
            raise CommandError(
                "storing a profile report needs --user USERNAME (an editor of the city); "
                "use --dry-run to only parse. Nothing was stored."
            )
        try:
            text = read_report_text(options["path"])
            report = parse_profile_report(text, options["path"])
        except ProfileReportError as exc:
            raise CommandError(f"{exc}\nNothing was stored.") from exc
        if options["dry_run"]:
            self._print_parsed(report, text, options)
            return
        try:
            result = self._store(report, text, options)
        except ReportImportError as exc:
            raise CommandError(f"{exc}\nNothing was stored.") from exc
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_summary(result))

    def _store(
        self, report: ParsedProfileReport, text: str, options: dict[str, Any]
    ) -> ImportResult:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None or not user.is_active:
            raise ReportImportError(f"there is no active user '{options['user']}'")
        place = _jurisdiction(report, options)
        if not permissions.can_edit(user, place):
            raise ReportImportError(
                f"{options['user']} may not change the content of {_label(place)} "
                "(an editor or administrator membership is needed)"
            )
        with command_actor(COMMAND, user), transaction.atomic():
            return store_report(report, text, place, publish=options["publish"])

    def _print_parsed(
        self, report: ParsedProfileReport, text: str, options: dict[str, Any]
    ) -> None:
        changes, no_place = _would_change(report, text, options)
        if options["json"]:
            data = report.to_dict()
            data["changes"] = changes.to_dict() if changes else {"jurisdiction": None,
                                                                 "message": no_place}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
            return
        profile = report.profile
        lines = [
            f"{report.source_name}: {profile.city_name or '(no city name)'}",
            f"  {len(report.commitments)} commitments, {len(report.actions)} actions, "
            f"{len(report.pathway)} pathway steps, CBI {report.cbi.status}, "
            f"{len(report.resources)} resources",
        ]
        lines += [f"  warning: line {w.line}: {w.message}" for w in report.warnings]
        if changes is None:
            lines.append(f"  what would change is not known: {no_place}")
        else:
            lines.append(f"Compared with what {_label(changes.jurisdiction)} holds:")
            lines += _counts(changes)
            lines += _change_lines(changes)
        lines.append("Dry run: nothing was stored.")
        self.stdout.write("\n".join(lines))


def _jurisdiction(report: ParsedProfileReport, options: dict[str, Any]) -> Jurisdiction:
    code = options["jurisdiction"]
    if code:
        found = Jurisdiction.objects.filter(code=code).first()
        if found is None:
            raise ReportImportError(f"there is no jurisdiction with code {code}")
        return found
    return find_jurisdiction(report.profile.city_name, report.source_name)


def _would_change(
    report: ParsedProfileReport, text: str, options: dict[str, Any]
) -> tuple[ImportResult | None, str]:
    """What storing would change, compared in a transaction that is always rolled back
    (store_report writes nothing in a dry run; the rollback is a second guard)."""
    try:
        place = _jurisdiction(report, options)
    except ReportImportError as exc:
        return None, str(exc)
    with transaction.atomic():
        result = store_report(report, text, place, publish=options["publish"], dry_run=True)
        transaction.set_rollback(True)
    return result, ""


def _short(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def _change_lines(result: ImportResult) -> list[str]:
    lines = []
    for change in result.changes:
        lines.append(f"  {change['outcome']} {change['kind']} {change['row']}")
        if change["outcome"] == "updated":
            lines += [f"    {name}: {_short(c['before'])} -> {_short(c['after'])}"
                      for name, c in change["fields"].items()]
    return lines


def _label(place: Jurisdiction) -> str:
    # Commands print both names: their output is read whatever the active language.
    return f"{place.name_zh} {place.name_en} ({place.code})"


def _summary(result: ImportResult) -> str:
    lines = [f"Imported into {_label(result.jurisdiction)}:", *_counts(result)]
    lines += [f"  warning: {w}" for w in result.warnings]
    return "\n".join(lines)


def _counts(result: ImportResult) -> list[str]:
    def line(label: str, counts: dict[str, int]) -> str:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing"
        return f"  {label}: {parts}"

    return [line("created", result.created), line("updated", result.updated),
            line("unchanged", result.unchanged)]
