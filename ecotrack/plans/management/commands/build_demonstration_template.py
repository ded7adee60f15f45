"""`ecotrack build-demonstration-template`: regenerate data/demonstration-template.json from
the Xilinhot plan's indicator table with the plandoc parser (a maintainer's step)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from ecotrack.core.plandoc import parse_plan
from ecotrack.plans.template import SOURCE_DOCUMENT, TEMPLATE_FILE, build_template


class Command(BaseCommand):
    help = "Regenerate the demonstration-zone template data from the Xilinhot plan table."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(__file__).resolve().parents[4]
        data = build_template(parse_plan(root / SOURCE_DOCUMENT))
        TEMPLATE_FILE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
        self.stdout.write(f"wrote {TEMPLATE_FILE} ({len(data['indicators'])} indicators)")
