"""The officer's corrections to a parsed plan: which cells are editable, how an edit is checked
and applied, and how the corrected JSON becomes a ParsedPlan again for the store function.

Corrections are kept apart from the parser's output ({"plan": {...}, "rows": {"3": {...}}})
so the review page can show the original next to the correction, and undoing an edit is
just typing the original back.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ecotrack.core.plandoc import Indicator, ParsedPlan, PlanMeta, Project, ProjectItem, ValueCell
from ecotrack.core.plandoc.tables import find_mark


@dataclass(frozen=True)
class Column:
    key: str
    label: str | Promise
    year: int | None = None


# Row fields in grid order; baseline and one column per target year are added per plan.
ROW_FIELDS: tuple[tuple[str, Promise], ...] = (
    ("seq", _("No.")),
    ("category", _("Category")),
    ("subcategory", _("Subcategory")),
    ("name", _("Indicator")),
    ("sub_name", _("Sub-indicator")),
    ("unit", _("Unit")),
    ("attribute", _("Attribute")),
    ("standard_value", _("Standard value")),
)
PLAN_FIELDS: tuple[tuple[str, Promise], ...] = (
    ("title", _("Title")),
    ("period_start", _("First year")),
    ("period_end", _("Last year")),
    ("base_year", _("Base year")),
    ("issuing_body", _("Issued by")),
    ("issued_date", _("Issued on")),
)
YEAR_FIELDS = {"period_start", "period_end", "base_year"}
_TARGET = re.compile(r"^target_(\d{4})$")


def target_years(parsed: dict[str, Any]) -> list[int]:
    years = {t["year"] for i in parsed.get("indicators", []) for t in i["targets"] if t["year"]}
    return sorted(years)


def baseline_year(parsed: dict[str, Any]) -> int | None:
    years = [i["baseline"]["year"] for i in parsed.get("indicators", []) if i.get("baseline")]
    years = [y for y in years if y]
    return max(set(years), key=years.count) if years else parsed["plan"].get("base_year")


def columns(parsed: dict[str, Any]) -> list[Column]:
    cols = [Column(key, label) for key, label in ROW_FIELDS]
    cols.append(Column("baseline", _("Baseline"), baseline_year(parsed)))
    cols += [Column(f"target_{y}", _("Target"), y) for y in target_years(parsed)]
    cols.append(Column("compliance_raw", _("Compliance")))
    return cols


def row_keys(parsed: dict[str, Any]) -> list[str]:
    return [c.key for c in columns(parsed)]


def cell_text(ind: dict[str, Any], key: str) -> str:
    """The text an editable cell shows for `key` of one indicator."""
    if key == "baseline":
        return (ind.get("baseline") or {}).get("raw", "") or ""
    m = _TARGET.match(key)
    if m:
        year = int(m.group(1))
        return next((t["raw"] for t in ind["targets"] if t["year"] == year), "")
    value = ind.get(key)
    return "" if value is None else str(value)


def plan_text(plan: dict[str, Any], key: str) -> str:
    value = plan.get(key)
    return "" if value is None else str(value)


def check_cell(key: str, value: str) -> str | None:
    """An error message for a value the plan cannot hold, else None."""
    if key == "name" and not value:
        return str(_("An indicator needs a name."))
    if key == "seq" and value and not value.isdigit():
        return str(_("The number must be a whole number."))
    return None


def check_plan_field(key: str, value: str) -> str | None:
    if not value:
        return None
    if key in YEAR_FIELDS and not (value.isdigit() and 1900 <= int(value) <= 2100):
        return str(_("Enter a year such as 2025."))
    if key == "issued_date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return str(_("Enter a date as YYYY-MM-DD."))
    return None


def _set_value_cell(cell: dict[str, Any] | None, year: int | None, text: str) -> dict[str, Any]:
    # The mark is part of the verbatim text ("61.91#"), so it follows the edit; the data year
    # comes from footnotes about the data, which the edit does not change.
    cell = dict(cell) if cell else {"year": year, "raw": "", "mark": None, "data_year": None}
    cell["raw"] = text
    cell["mark"] = find_mark(text)
    return cell


def set_cell(ind: dict[str, Any], key: str, text: str, base_year: int | None) -> None:
    text = text.strip()
    if key == "baseline":
        ind["baseline"] = _set_value_cell(ind.get("baseline"), base_year, text) if text else None
    elif m := _TARGET.match(key):
        year = int(m.group(1))
        others = [t for t in ind["targets"] if t["year"] != year]
        current = next((t for t in ind["targets"] if t["year"] == year), None)
        if text:
            others.append(_set_value_cell(current, year, text))
        ind["targets"] = sorted(others, key=lambda t: t["year"] or 0)
    elif key == "seq":
        ind["seq"] = int(text) if text else None
    elif key == "name":
        ind["name"] = text
    else:
        ind[key] = text or None
    # A corrected cell is now the officer's own value, no longer carried down from above.
    # (`inherited` names fields as the grid does: unit, compliance_raw, target_2025, …)
    if key in ind.get("inherited", []):
        ind["inherited"] = [f for f in ind["inherited"] if f != key]


def set_plan_field(plan: dict[str, Any], key: str, text: str) -> None:
    text = text.strip()
    plan[key] = (int(text) if key in YEAR_FIELDS else text) if text else None


def apply(parsed: dict[str, Any], corrections: dict[str, Any]) -> dict[str, Any]:
    """The parsed plan with the corrections applied (a new dict; `parsed` is not touched)."""
    data = copy.deepcopy(parsed)
    for key, text in (corrections.get("plan") or {}).items():
        set_plan_field(data["plan"], key, text)
    base = baseline_year(parsed)
    for index, cells in (corrections.get("rows") or {}).items():
        ind = data["indicators"][int(index)]
        for key, text in cells.items():
            set_cell(ind, key, text, base)
    return data


def merge(
    parsed: dict[str, Any],
    submitted_plan: dict[str, str],
    submitted_rows: dict[int, dict[str, str]],
    previous: dict[str, Any],
) -> dict[str, Any]:
    """New corrections from submitted cell texts: a cell differing from the parser's reading
    is a correction; a cell equal to it is not (typing the original back undoes the edit)."""
    plan_fixes = dict(previous.get("plan") or {})
    for key, text in submitted_plan.items():
        if text.strip() != plan_text(parsed["plan"], key):
            plan_fixes[key] = text.strip()
        else:
            plan_fixes.pop(key, None)
    rows = {k: dict(v) for k, v in (previous.get("rows") or {}).items()}
    for index, cells in submitted_rows.items():
        original = parsed["indicators"][index]
        fixes = rows.get(str(index), {})
        for key, text in cells.items():
            if text.strip() != cell_text(original, key):
                fixes[key] = text.strip()
            else:
                fixes.pop(key, None)
        if fixes:
            rows[str(index)] = fixes
        else:
            rows.pop(str(index), None)
    return {"plan": plan_fixes, "rows": rows}


def _value_cell(data: dict[str, Any] | None) -> ValueCell | None:
    return ValueCell(**data) if data else None


def to_parsed_plan(data: dict[str, Any]) -> ParsedPlan:
    """Rebuild the parser's objects from (corrected) JSON, for the plans store function."""
    plan = dict(data["plan"])
    tables = plan.pop("tables", [])
    indicators = []
    for raw in data["indicators"]:
        fields = dict(raw)
        fields["baseline"] = _value_cell(fields.get("baseline"))
        fields["targets"] = [ValueCell(**t) for t in fields.get("targets", [])]
        indicators.append(Indicator(**fields))
    projects = [
        Project(
            box=p.get("box"),
            title=p["title"],
            items=[ProjectItem(**item) for item in p.get("items", [])],
            source_line=p.get("source_line"),
        )
        for p in data.get("projects", [])
    ]
    return ParsedPlan(PlanMeta(**plan), indicators, projects, list(data["warnings"]), tables)
