"""What importing a document again would change, compared with an earlier import.

Indicators are matched by (name, sub-indicator): numbering and table order can shift
between versions of a plan while the indicator stays the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecotrack.importers import corrections as fix
from ecotrack.importers.grid import row_label


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class PlanDiff:
    plan: list[FieldChange] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[FieldChange]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.plan or self.added or self.removed or self.changed)


def _key(ind: dict[str, Any]) -> tuple[str, str]:
    return ind["name"], ind.get("sub_name") or ""


def diff_plans(old: dict[str, Any], new: dict[str, Any]) -> PlanDiff:
    diff = PlanDiff()
    for key, _label in fix.PLAN_FIELDS:
        before, after = fix.plan_text(old["plan"], key), fix.plan_text(new["plan"], key)
        if before != after:
            diff.plan.append(FieldChange(key, before, after))
    old_rows = {_key(i): i for i in old["indicators"]}
    new_rows = {_key(i): i for i in new["indicators"]}
    keys = fix.row_keys(old) + [k for k in fix.row_keys(new) if k not in fix.row_keys(old)]
    for k, ind in new_rows.items():
        if k not in old_rows:
            diff.added.append(row_label(ind))
            continue
        changes = [
            FieldChange(col, fix.cell_text(old_rows[k], col), fix.cell_text(ind, col))
            for col in keys
            if fix.cell_text(old_rows[k], col) != fix.cell_text(ind, col)
        ]
        if changes:
            diff.changed.append((row_label(ind), changes))
    diff.removed = [row_label(i) for k, i in old_rows.items() if k not in new_rows]
    return diff
