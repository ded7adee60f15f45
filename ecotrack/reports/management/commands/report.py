"""`ecotrack report profile CODE --format pdf|html -o FILE` and
`ecotrack report plan PLAN --format pdf|xlsx [--stage annual|midterm|final] [--year Y] -o FILE`.

Without `--user` a report is the public one (published content only); with `--user U` it shows
what U may review. Reads only: nothing is stored.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.places.models import Jurisdiction
from ecotrack.reports import render
from ecotrack.reports.access import command_user, report_user
from ecotrack.reports.fonts import cjk_font_warning
from ecotrack.reports.language import LANGUAGE_CODES, resolve_language
from ecotrack.reports.plan_render import render_plan_report

FORMATS = {"profile": ("pdf", "html"), "plan": ("pdf", "xlsx")}


class Command(BaseCommand):
    help = "Write a profile report (PDF/HTML) or a plan progress report (PDF/XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(FORMATS), help="profile or plan")
        parser.add_argument("subject", help="jurisdiction code (profile) or plan id/slug (plan)")
        parser.add_argument("--format", dest="fmt", default="pdf", help="pdf, html or xlsx")
        parser.add_argument("-o", "--output", required=True, help="file to write ('-' = stdout)")
        parser.add_argument("--lang", choices=[*LANGUAGE_CODES, "zh"], help="interface language")
        parser.add_argument("--user", help="report as this user sees it (default: the public)")
        parser.add_argument("--stage", choices=["annual", "midterm", "final"], default="annual")
        parser.add_argument("--year", type=int, help="assessment year (plan reports)")

    def handle(self, *args: Any, **options: Any) -> None:
        kind, fmt = options["kind"], options["fmt"]
        if fmt not in FORMATS[kind]:
            raise CommandError(
                f"--format {fmt}: a {kind} report is written as {' or '.join(FORMATS[kind])}"
            )
        language = resolve_language(options["lang"])
        user = command_user(options["user"])
        if fmt == "pdf" and (warning := cjk_font_warning()):
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        if kind == "profile":
            content = self._profile(options["subject"], fmt, user, language)
        else:
            content = self._plan(options, fmt, user, language)
        self._write(options["output"], content)

    def _profile(self, code: str, fmt: str, user: Any, language: str) -> bytes:
        place = Jurisdiction.objects.filter(code=code).first()
        if place is None:
            raise CommandError(f"no jurisdiction with code {code!r} (see `ecotrack places`)")
        who = report_user(user, place)
        if fmt == "pdf":
            return render.profile_pdf(place, who, language)
        return render.profile_html(place, who, language).encode()

    def _plan(self, options: dict[str, Any], fmt: str, user: Any, language: str) -> bytes:
        return render_plan_report(
            options["subject"], fmt, user, language, options["stage"], options["year"]
        )

    def _write(self, output: str, content: bytes) -> None:
        if output == "-":
            sys.stdout.buffer.write(content)
            return
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(f"-o {output}: folder {path.parent} does not exist")
        path.write_bytes(content)
        self.stdout.write(f"Wrote {path} ({len(content):,} bytes)")
