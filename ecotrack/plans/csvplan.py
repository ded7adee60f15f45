"""Read a plan indicator table kept as a structured CSV (the Inner Mongolia demo table).

Columns: `indicator` (required), `no`, `category`, `subcategory`, `sub_indicator`, `unit`,
one `value_YYYY` (baseline of year YYYY), one or more `target_YYYY`, `standard_value`,
`attribute`, `notes`. The plandoc template reader does not know `value_YYYY` and carries a
blank sub-category over a category change, so this small reader is used for this format; it
yields the same `ParsedPlan` objects, so storing is shared with document imports.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ecotrack.core.plandoc import Indicator, ParsedPlan, PlanImportError, PlanMeta, ValueCell

_BASELINE = re.compile(r"^value_((?:19|20)\d\d)$")
_TARGET = re.compile(r"^target_((?:19|20)\d\d)$")
ATTRIBUTES = ("约束性", "预期性", "参考性")


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanImportError(name, f"not UTF-8 text (byte {exc.start})") from exc


def read_plan_csv(path: str | Path, meta: PlanMeta | None = None) -> ParsedPlan:
    """Parse the file; every problem is a PlanImportError naming the file, row and field."""
    path = Path(path)
    name = path.name
    try:
        text = _decode(path.read_bytes(), name)
    except OSError as exc:
        raise PlanImportError(name, f"cannot read the file ({exc.strerror})") from exc
    reader = csv.DictReader(io.StringIO(text))
    headers = [h.strip() for h in reader.fieldnames or []]
    if "indicator" not in headers:
        raise PlanImportError(name, "no 'indicator' column in the header row", row=1)
    baselines = [int(m.group(1)) for h in headers if (m := _BASELINE.match(h))]
    targets = [int(m.group(1)) for h in headers if (m := _TARGET.match(h))]
    if len(baselines) > 1:
        raise PlanImportError(name, "more than one value_YYYY (baseline) column", row=1)
    if not targets:
        raise PlanImportError(name, "no target_YYYY column in the header row", row=1)
    indicators = [
        _indicator(row, line, name, baselines, targets)
        for line, row in enumerate(reader, start=2)
    ]
    if not indicators:
        raise PlanImportError(name, "no indicator rows")
    plan = meta or PlanMeta()
    plan.filename, plan.source_format = name, "csv"
    if plan.base_year is None and baselines:
        plan.base_year = baselines[0]
    plan.period_end = plan.period_end or max(targets)
    return ParsedPlan(plan, indicators, [], [], ["table 1"])


def _indicator(
    row: dict[str, str | None], line: int, name: str, baselines: list[int], targets: list[int]
) -> Indicator:
    def cell(field: str) -> str:
        return (row.get(field) or "").strip()

    if not cell("indicator"):
        raise PlanImportError(name, "the indicator name is empty", row=line, field="indicator")
    seq: int | None = None
    if cell("no"):
        if not cell("no").isdigit():
            raise PlanImportError(name, f"not a number: {cell('no')!r}", row=line, field="no")
        seq = int(cell("no"))
    attribute = cell("attribute") or None
    if attribute is not None and attribute not in ATTRIBUTES:
        raise PlanImportError(
            name, f"{attribute!r} is not one of {', '.join(ATTRIBUTES)}", row=line,
            field="attribute",
        )
    baseline = None
    if baselines and cell(f"value_{baselines[0]}"):
        baseline = ValueCell(baselines[0], cell(f"value_{baselines[0]}"))
    return Indicator(
        seq=seq,
        category=cell("category") or None,
        subcategory=cell("subcategory") or None,
        name=cell("indicator"),
        sub_name=cell("sub_indicator") or None,
        unit=cell("unit") or None,
        attribute=attribute,
        baseline=baseline,
        targets=[ValueCell(y, cell(f"target_{y}")) for y in targets if cell(f"target_{y}")],
        standard_value=cell("standard_value") or None,
        compliance_raw=None,
        notes=[cell("notes")] if cell("notes") else [],
        table="table 1",
        source=f"row {line}",
    )
