"""The review grid: one row per indicator, one editable cell per field, each with its original
reading, the officer's correction, its warnings and its validation error.

Rows are paged so that a long plan never posts more fields than Django accepts at once
(DATA_UPLOAD_MAX_NUMBER_FIELDS, 1000 by default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ecotrack.importers import corrections as fix
from ecotrack.importers.warnings_map import PlacedWarnings

ROWS_PER_PAGE = 50
_ROW_INPUT = re.compile(r"^r(?P<row>\d+)-(?P<key>\w+)$")
_PLAN_INPUT = re.compile(r"^plan-(?P<key>\w+)$")


@dataclass
class Cell:
    key: str
    name: str  # the input's name, e.g. "r12-unit"
    value: str
    original: str
    warnings: list[str]
    error: str | None = None

    @property
    def corrected(self) -> bool:
        return self.value != self.original


@dataclass
class Row:
    index: int
    label: str  # "7 环境空气质量 / 优良天数比例": with the column header, the cell's name
    source: str
    table: str
    cells: list[Cell]
    warnings: list[str]
    inherited: list[str] = field(default_factory=list)


@dataclass
class Page:
    number: int
    count: int
    rows: list[Row]


def row_label(ind: dict[str, Any]) -> str:
    name = ind["name"] + (f" / {ind['sub_name']}" if ind.get("sub_name") else "")
    return f"{ind['seq']} {name}" if ind.get("seq") is not None else name


def page_range(total: int, number: int) -> tuple[int, int, int]:
    """(first index, end index, page count) for 1-based page `number`, clamped."""
    pages = max(1, -(-total // ROWS_PER_PAGE))
    number = min(max(number, 1), pages)
    start = (number - 1) * ROWS_PER_PAGE
    return start, min(start + ROWS_PER_PAGE, total), pages


def build_page(
    parsed: dict[str, Any],
    current: dict[str, Any],
    placed: PlacedWarnings,
    number: int,
    errors: dict[str, str] | None = None,
    submitted: dict[str, str] | None = None,
) -> Page:
    """Rows of page `number`; `submitted`/`errors` redisplay a rejected post as typed."""
    errors, submitted = errors or {}, submitted or {}
    keys = fix.row_keys(parsed)
    start, end, pages = page_range(len(parsed["indicators"]), number)
    rows = []
    for index in range(start, end):
        original, now = parsed["indicators"][index], current["indicators"][index]
        cells = []
        row_warnings = list(placed.for_row(index))
        for key, messages in placed.cells.get(index, {}).items():
            if key and key not in keys:
                row_warnings += messages  # a field the grid does not show (e.g. notes)
        for key in keys:
            name = f"r{index}-{key}"
            cells.append(
                Cell(
                    key=key,
                    name=name,
                    value=submitted.get(name, fix.cell_text(now, key)),
                    original=fix.cell_text(original, key),
                    warnings=placed.for_cell(index, key),
                    error=errors.get(name),
                )
            )
        rows.append(
            Row(
                index=index,
                label=row_label(now),
                source=original["source"],
                table=original["table"],
                cells=cells,
                warnings=row_warnings,
                inherited=list(original.get("inherited", [])),
            )
        )
    return Page(number=min(max(number, 1), pages), count=pages, rows=rows)


@dataclass
class PlanCell:
    key: str
    label: Any
    name: str
    value: str
    original: str
    warnings: list[str]
    error: str | None = None

    @property
    def corrected(self) -> bool:
        return self.value != self.original


def plan_cells(
    parsed: dict[str, Any],
    current: dict[str, Any],
    placed: PlacedWarnings,
    errors: dict[str, str] | None = None,
    submitted: dict[str, str] | None = None,
) -> list[PlanCell]:
    errors, submitted = errors or {}, submitted or {}
    cells = []
    for key, label in fix.PLAN_FIELDS:
        name = f"plan-{key}"
        cells.append(
            PlanCell(
                key=key,
                label=label,
                name=name,
                value=submitted.get(name, fix.plan_text(current["plan"], key)),
                original=fix.plan_text(parsed["plan"], key),
                warnings=placed.plan.get(key, []),
                error=errors.get(name),
            )
        )
    return cells


@dataclass
class Submission:
    plan: dict[str, str]
    rows: dict[int, dict[str, str]]
    errors: dict[str, str]
    raw: dict[str, str]


def read_submission(post: Any, parsed: dict[str, Any]) -> Submission:
    """The cells a review form posted, checked; unknown names and rows are ignored."""
    keys = set(fix.row_keys(parsed))
    plan_keys = {k for k, _ in fix.PLAN_FIELDS}
    total = len(parsed["indicators"])
    sub = Submission({}, {}, {}, {})
    for name in post:
        value = post.get(name, "")
        if m := _PLAN_INPUT.match(name):
            key = m.group("key")
            if key in plan_keys:
                sub.plan[key] = value
                sub.raw[name] = value
                if error := fix.check_plan_field(key, value.strip()):
                    sub.errors[name] = error
        elif m := _ROW_INPUT.match(name):
            row, key = int(m.group("row")), m.group("key")
            if row < total and key in keys:
                sub.rows.setdefault(row, {})[key] = value
                sub.raw[name] = value
                if error := fix.check_cell(key, value.strip()):
                    sub.errors[name] = error
    return sub
