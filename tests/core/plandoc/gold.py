"""Cell-by-cell comparison of parser output with the hand-checked gold CSVs.

Scoring rule (also in docs/plan-import.md):
- Every scored gold column maps to one output field (COLUMN_MAP); bookkeeping columns
  (`*_raw`, `*_raw_cell`, `source_line(s)`, `notes`, `row_type`, ...) are not scored.
- A value column `value_YYYY` / `target_YYYY` is right only if the raw text matches *and*
  the output puts it under year YYYY.
- Texts are compared exactly after whitespace collapsing; blank gold == null output.
- A blank gold cell with an `inferred_fill_for_blank_cells` entry is a vertically merged
  cell: both readings count (blank, or the value of the merged cell).
- A cell named in `ambiguous_fields` counts as right for the gold reading or for the
  alternative reading the gold records (the row's own `*_raw_cell` text, or blank/inferred).
- Rows are matched on (seq, sub-indicator); a gold row with no parsed row scores all its
  cells wrong.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecotrack.core.plandoc import Indicator, ParsedPlan
from ecotrack.core.plandoc.textnorm import normalize_cell

# gold column -> accessor name (see _value)
COLUMN_MAP = {
    "seq": "seq",
    "domain": "category",
    "subdomain": "subcategory",
    "task_code": "subcategory_code",
    "task_name": "subcategory",
    "indicator": "name",
    "sub_indicator": "sub_name",
    "unit": "unit",
    "standard_value": "standard_value",
    "compliance": "compliance_raw",
    "attribute": "attribute",
}
_YEAR_COL = re.compile(r"^(value|target)_(\d{4})(_mark)?$")
_FILL = re.compile(r"(\w+)=([^;]*?)(?:\s*\((?:UNCERTAIN|uncertain)[^)]*\))?\s*(?:;|$)")


@dataclass
class Score:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)
    ambiguous_right: int = 0
    # right only through a merged-cell or ambiguous alternative, not the verbatim gold text
    via_alternative: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0


def load_gold(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def scored_columns(rows: list[dict[str, str]]) -> list[str]:
    cols = list(rows[0])
    return [c for c in cols if c in COLUMN_MAP or _YEAR_COL.match(c)]


def _value(ind: Indicator, column: str) -> str:
    m = _YEAR_COL.match(column)
    if m:
        kind, year, mark = m.group(1), int(m.group(2)), m.group(3)
        cells = [ind.baseline] if kind == "value" and ind.baseline else []
        if kind == "target":
            cells = [t for t in ind.targets if t.year == year]
        cell = next((c for c in cells if c.year == year), None)
        if cell is None:
            return "<no column for this year>"
        return (cell.mark or "") if mark else cell.raw
    value: Any = getattr(ind, COLUMN_MAP[column])
    return "" if value is None else str(value)


def _fills(row: dict[str, str]) -> dict[str, str]:
    text = row.get("inferred_fill_for_blank_cells", "") or ""
    return {k: v.strip() for k, v in _FILL.findall(text)}


def _ambiguous(row: dict[str, str]) -> set[str]:
    text = row.get("ambiguous_fields", "") or ""
    return {m.group(1) for m in re.finditer(r"(\w+)\s*\(", text)} | {
        t.strip() for t in text.split(";") if t.strip() and "(" not in t
    }


def _key(seq: Any, sub: Any) -> tuple[str, str]:
    return (str(seq or ""), normalize_cell(str(sub or "")).replace(" ", ""))


def score_plan(parsed: ParsedPlan, gold: list[dict[str, str]]) -> Score:
    score = Score()
    columns = scored_columns(gold)
    by_key: dict[tuple[str, str], Indicator] = {}
    for parsed_ind in parsed.indicators:
        by_key.setdefault(_key(parsed_ind.seq, parsed_ind.sub_name), parsed_ind)
    for row in gold:
        ind = by_key.get(_key(row.get("seq"), row.get("sub_indicator")))
        fills = _fills(row)
        ambiguous = _ambiguous(row)
        for col in columns:
            score.total += 1
            expected = normalize_cell(row[col])
            if ind is None:
                score.wrong.append(f"seq {row.get('seq')}: {col}: no parsed row")
                continue
            got = normalize_cell(_value(ind, col))
            accepted = {expected}
            if not expected and col in fills:
                accepted.add(normalize_cell(fills[col]))
            if col in ambiguous:
                accepted.add(normalize_cell(fills.get(col, "")))
                raw_cell = row.get(f"{col}_raw_cell")
                if raw_cell:
                    accepted.add(normalize_cell(raw_cell, from_pdf=True))
            if got in accepted:
                score.right += 1
                if col in ambiguous:
                    score.ambiguous_right += 1
                if got != expected:
                    score.via_alternative += 1
            else:
                score.wrong.append(
                    f"seq {row.get('seq')} {row.get('sub_indicator') or ''}: {col}: "
                    f"expected {expected!r}, got {got!r}"
                )
    return score


def footnote_mentions(gold: list[dict[str, str]]) -> list[tuple[str, int]]:
    """(seq, footnote number) pairs the gold notes cite, e.g. 'Footnote 6: ...'."""
    out = []
    for row in gold:
        for n in re.findall(r"[Ff]ootnote (\d+)", row.get("notes", "")):
            out.append((row["seq"], int(n)))
    return out


def data_year_mentions(gold: list[dict[str, str]]) -> list[tuple[str, str, int]]:
    """(seq, sub-indicator, year) where the gold notes say the value is 'YYYY data'.

    A note like '* = 2021 data' counts only for a row whose value carries that mark.
    """
    out = []
    for row in gold:
        notes = row.get("notes", "")
        marks = [v for k, v in row.items() if k.endswith("_mark") and v]
        marked = re.search(r"([*#※])\s*=\s*((?:19|20)\d\d) data\b", notes)
        if marked:
            if marked.group(1) in marks:
                out.append((row["seq"], row.get("sub_indicator", ""), int(marked.group(2))))
            continue
        m = re.search(r"\b((?:19|20)\d\d) data\b", notes)
        if m:
            out.append((row["seq"], row.get("sub_indicator", ""), int(m.group(1))))
    return out
