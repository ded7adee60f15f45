"""The national eco-civilization demonstration indicator system as a plan template.

The indicators and standard values (指标值) are those of 《国家生态文明建设示范区建设指标
（修订版）》 (环办生态函〔2021〕353号) as the Xilinhot plan tabulates them. They were extracted
once from that table with the plandoc parser and ship as data
(`data/demonstration-template.json`); `build_demonstration_template` regenerates the file
and a test checks that the shipped file equals what the parser reads today.

Adopting the template gives a city or county a self-assessment plan: one indicator per row,
the standard value as its target for the assessment year, no observations yet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from ecotrack.accounts.permissions import require_edit
from ecotrack.core.plandoc import ParsedPlan
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.matching import find_canonical, guess_direction
from ecotrack.plans.models import Plan, PlanIndicator, PlanKind, Target
from ecotrack.plans.storing import ATTRIBUTES, numbers_for

TEMPLATE_KEY = "eco-civilization-demonstration-2021"
TEMPLATE_FILE = Path(__file__).parent / "data" / "demonstration-template.json"
SOURCE_DOCUMENT = "ecotrack/demo/reference/documents/plan-xilinhot-2023-2030.txt"


def build_template(parsed: ParsedPlan) -> dict[str, Any]:
    """The template data from the parsed Xilinhot plan (only what the national system
    defines: names, units, attributes, standard values; not Xilinhot's own values)."""
    rows = []
    for ind, number in zip(parsed.indicators, numbers_for(parsed.indicators), strict=True):
        rows.append({
            "number": number,
            "seq": ind.seq,
            "category": ind.category or "",
            "subcategory": ind.subcategory or "",
            "name": ind.name,
            "sub_name": ind.sub_name or "",
            "unit": "" if (ind.unit or "-") in ("-", "—") else ind.unit,
            "attribute": ind.attribute or "",
            "standard_value": ind.standard_value or "",
        })
    return {
        "key": TEMPLATE_KEY,
        "title_zh": "国家生态文明建设示范区建设指标（修订版）",
        "source": "环办生态函〔2021〕353号, as tabulated in the Xilinhot plan's indicator table",
        "extracted_from": SOURCE_DOCUMENT,
        "indicators": rows,
    }


def load_template() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TEMPLATE_FILE.read_text("utf-8"))
    return data


def adopt_template(jurisdiction: Jurisdiction, year: int, user: Any | None) -> tuple[Plan, bool]:
    """Create (once) the self-assessment plan of `jurisdiction` for `year`."""
    if user is not None:
        require_edit(user, jurisdiction)
    template = load_template()
    title = f"{jurisdiction.name_zh}国家生态文明建设示范区自评估（{year}年）"
    existing = Plan.objects.filter(
        jurisdiction=jurisdiction, template_key=template["key"], period_end=year
    ).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        plan = Plan.objects.create(
            jurisdiction=jurisdiction, title=title, kind=PlanKind.DEMONSTRATION,
            period_start=year, period_end=year, base_year=year - 1,
            issuing_body="", template_key=template["key"],
            source_filename=template["title_zh"],
        )
        for position, row in enumerate(template["indicators"], start=1):
            canonical, rule = find_canonical(row["name"], row["sub_name"], row["unit"])
            indicator = PlanIndicator.objects.create(
                plan=plan, position=position, seq=row["seq"], number=row["number"],
                category=row["category"], subcategory=row["subcategory"], name=row["name"],
                sub_name=row["sub_name"], unit=row["unit"],
                attribute=ATTRIBUTES.get(row["attribute"], ""),
                direction=guess_direction(canonical, [row["standard_value"]], row["unit"]),
                canonical=canonical, match_rule=rule,
                source_location=template["title_zh"],
            )
            if row["standard_value"]:
                Target.objects.create(
                    indicator=indicator, year=year, text=row["standard_value"],
                    is_standard_value=True,
                )
    return plan, True
