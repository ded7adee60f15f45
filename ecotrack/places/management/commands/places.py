"""`ecotrack places [--json] [--under CODE]`: list the jurisdictions."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ecotrack.places.models import Jurisdiction


class Command(BaseCommand):
    help = "List jurisdictions (code, names, level, parent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print a JSON list")
        parser.add_argument(
            "--under", metavar="CODE", help="only this jurisdiction and those below it"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        places = Jurisdiction.objects.select_related("parent").order_by("path")
        if options["under"]:
            root = Jurisdiction.objects.filter(code=options["under"]).first()
            if root is None:
                raise CommandError(f"No jurisdiction with code {options['under']}")
            places = places.filter(path__startswith=root.path)
        rows = [
            {
                "code": p.code,
                "name_zh": p.name_zh,
                "name_en": p.name_en,
                "level": p.level,
                "parent_code": p.parent.code if p.parent else None,
            }
            for p in places
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for p, row in zip(places, rows, strict=True):
            indent = "  " * (p.path.count("/") - 2)
            self.stdout.write(
                f"{indent}{row['code']}  {row['name_zh']}  {row['name_en']}  [{row['level']}]"
            )
