"""CSV import of observations for one plan.

Columns: `indicator` (the plan's number, e.g. 15 or 7.1, or a canonical key such as
eco.forest_cover), `year`, `value` and/or `text`, optional `data_year`, `source` (manual,
import, computed; default import) and `method`. The whole file is checked first; any problem
is reported with file, row and field and nothing is stored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from ecotrack.accounts.permissions import require_edit
from ecotrack.plans.models import ObservationSource, Plan, PlanIndicator
from ecotrack.plans.observations import record_observation
from ecotrack.plans.places import csv_import_method

REQUIRED = ("indicator", "year")


class ObservationImportError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Row:
    indicator: PlanIndicator
    year: int
    value: float | None
    text: str
    data_year: int | None
    source: str
    method: str


def _year(raw: str) -> int | None:
    return int(raw) if raw.isdigit() and 1949 <= int(raw) <= 2100 else None


def _lookup(plan: Plan) -> dict[str, list[PlanIndicator]]:
    by: dict[str, list[PlanIndicator]] = {}
    for ind in plan.indicators.select_related("canonical"):
        by.setdefault(ind.number, []).append(ind)
        if ind.canonical:
            by.setdefault(ind.canonical.key, []).append(ind)
    return by


def read_rows(plan: Plan, text: str, filename: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headers = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in headers]
    if missing or not ({"value", "text"} & set(headers)):
        wanted = ", ".join(missing + ([] if {"value", "text"} & set(headers) else ["value/text"]))
        raise ObservationImportError([f"{filename}: row 1: missing column(s): {wanted}"])
    indicators = _lookup(plan)
    rows: list[Row] = []
    problems: list[str] = []
    for line, record in enumerate(reader, start=2):
        cell = {k.strip(): (v or "").strip() for k, v in record.items() if k}
        where = f"{filename}: row {line}"
        before = len(problems)
        found = indicators.get(cell["indicator"], [])
        if len(found) != 1:
            why = "matches no indicator of this plan" if not found else "matches several rows"
            problems.append(f"{where}, field 'indicator': {cell['indicator']!r} {why}")
        year = _year(cell["year"])
        if year is None:
            problems.append(f"{where}, field 'year': {cell['year']!r} is not a year")
        value: float | None = None
        if cell.get("value"):
            try:
                value = float(cell["value"].rstrip("%"))
            except ValueError:
                problems.append(f"{where}, field 'value': {cell['value']!r} is not a number")
        if not cell.get("value") and not cell.get("text"):
            problems.append(f"{where}, field 'value': give a value or a text")
        data_year = _year(cell.get("data_year", "")) if cell.get("data_year") else None
        if cell.get("data_year") and data_year is None:
            problems.append(f"{where}, field 'data_year': {cell['data_year']!r} is not a year")
        source = cell.get("source") or ObservationSource.IMPORT
        if source not in ObservationSource.values:
            problems.append(
                f"{where}, field 'source': {source!r} is not one of "
                f"{', '.join(ObservationSource.values)}"
            )
        if len(problems) == before and year is not None:
            rows.append(Row(found[0], year, value, cell.get("text", ""), data_year, source,
                            cell.get("method", "")))
    if problems:
        raise ObservationImportError(problems)
    if not rows:
        raise ObservationImportError([f"{filename}: no rows"])
    return rows


def import_observations(plan: Plan, data: bytes, filename: str, user: Any) -> tuple[int, int]:
    """Check and store every row; returns (rows read, new revisions written)."""
    require_edit(user, plan.jurisdiction)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ObservationImportError([f"{filename}: not UTF-8 text (byte {exc.start})"]) from exc
    rows = read_rows(plan, text, filename)
    written = 0
    with transaction.atomic():
        for row in rows:
            _, new = record_observation(
                row.indicator, row.year, row.value, row.source,
                row.method or csv_import_method(filename), user, text=row.text,
                data_year=row.data_year,
            )
            written += new
    return len(rows), written
