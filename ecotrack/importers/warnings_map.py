"""Tie each parser warning to the row and cell it is about, so the review grid can show it
there instead of in a list the officer has to cross-reference by line number.

Warnings read "<table label>, <row ref>[, field <name>]: <message>" (see
ecotrack.core.plandoc.tables), and each indicator records its `table` label and `source`
ref, so a warning belongs to the indicator whose "<table>, <source>" it starts with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# The parser's field names → the grid's column keys.
_FIELD_TO_KEY = {
    "compliance": "compliance_raw",
    "baseline_year": "baseline",
    "standard": "standard_value",
}
_PLAN_WARNING = re.compile(r"^plan metadata: (?P<field>\w+) ")
_FIELD = re.compile(r"^, field (?P<field>\w+)")


@dataclass
class PlacedWarnings:
    # row index → column key (or "" for the whole row) → messages
    cells: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    plan: dict[str, list[str]] = field(default_factory=dict)
    # warnings about a table as a whole (unmatched footnotes) or a row no indicator came from
    general: list[str] = field(default_factory=list)

    def for_cell(self, row: int, key: str) -> list[str]:
        return self.cells.get(row, {}).get(key, [])

    def for_row(self, row: int) -> list[str]:
        return self.cells.get(row, {}).get("", [])

    def count(self) -> int:
        placed = sum(len(m) for cols in self.cells.values() for m in cols.values())
        return placed + sum(len(m) for m in self.plan.values()) + len(self.general)


def _column(name: str) -> str:
    return _FIELD_TO_KEY.get(name, name)


def place_warnings(parsed: dict[str, Any]) -> PlacedWarnings:
    placed = PlacedWarnings()
    # Longest prefix first, so "table 1, line 27" never claims a warning of "line 275".
    anchors = sorted(
        (
            (f"{ind['table']}, {ind['source']}", index)
            for index, ind in enumerate(parsed["indicators"])
        ),
        key=lambda pair: -len(pair[0]),
    )
    for warning in parsed.get("warnings", []):
        if m := _PLAN_WARNING.match(warning):
            placed.plan.setdefault(m.group("field"), []).append(warning)
            continue
        for anchor, index in anchors:
            if not warning.startswith(anchor):
                continue
            rest = warning[len(anchor) :]
            if not rest.startswith((":", ",")):
                continue
            fm = _FIELD.match(rest)
            key = _column(fm.group("field")) if fm else ""
            placed.cells.setdefault(index, {}).setdefault(key, []).append(warning)
            break
        else:
            placed.general.append(warning)
    return placed
