"""Read the rows of one indicator table: columns, merged cells, sub-indicators, units.

Merged cells reach us in two shapes. Word keeps a vertically merged cell once, on its first
row, with empty cells below; a PDF text layer does the same, but may also split the cell's
text over the rows it spans (「生态」 / 「系 统 质 量」), and a cell merged across columns
leaves the neighbouring column empty (the name sits in the category column). Each rule below
says which shape it undoes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import RawRow, RawTable
from .errors import PlanImportError
from .header import LABEL_ROLES, VALUE_ROLES, Column, build_columns, classify, is_header_row
from .model import Indicator, ValueCell
from .textnorm import compact, digits_only, normalize_cell
from .units import split_unit

_CODE = re.compile(
    r"^\s*(?P<code>[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|[一二三四五六七八九十]+、|\d+[.、．](?!\d))"
    r"\s*(?P<rest>.+)$"
)
MARK_CHARS = "*#※△▲☆★①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_MARK = re.compile(rf"(?<=[\d%％）)])\s*([{MARK_CHARS}]+)")
# Values a 属性 cell may hold; anything else is worth a warning.
KNOWN_ATTRIBUTES = ("约束性", "预期性", "参考性", "引导性", "binding", "expected", "reference")
CATEGORY_ROLES = ("category", "subcategory")
_PLAIN_FIELDS = ("unit", "standard", "compliance", "attribute", "notes", "baseline_year")


@dataclass
class TableResult:
    label: str
    indicators: list[Indicator]
    warnings: list[str]
    columns: list[Column] = field(default_factory=list)


@dataclass
class _Level:
    value: str | None = None
    covered: int = 0  # indicator rows this value has applied to so far
    set_at: int = -1  # index of the indicator row where it was set
    members: list[Indicator] = field(default_factory=list)


def split_code(text: str | None) -> tuple[str | None, str | None]:
    """「（一）目标责任体系与制度建设」 → (「（一）」, 「目标责任体系与制度建设」)."""
    if not text:
        return None, text or None
    m = _CODE.match(text)
    if not m:
        return None, text
    return m.group("code").replace(" ", ""), m.group("rest").strip()


def find_mark(raw: str) -> str | None:
    m = _MARK.search(raw)
    return m.group(1) if m else None


def _find_header(rows: list[RawRow]) -> tuple[int, int] | None:
    """(index of the header row, number of header rows) within the first rows."""
    for i, row in enumerate(rows[:4]):
        if is_header_row(row.cells):
            if i + 1 < len(rows) and _is_header_continuation(rows[i + 1].cells):
                return i, 2
            return i, 1
    return None


def _is_header_continuation(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    if not filled or digits_only(filled[0]) is not None:
        return False
    kinds = [classify(c)[0] for c in filled]
    return all(k not in ("", "unknown") for k in kinds) and any(k == "year" for k in kinds)


def _resolve_label_roles(cols: list[Column], rows: list[list[str]]) -> tuple[list[str], bool]:
    """Roles of the columns left of the values; True when the name header spans them.

    A header like 「指标」 over four columns (seq, category, sub-category, name) gives one
    role and three blanks: the data decide which is which.
    """
    roles = [c.role if c.role in LABEL_ROLES else "" for c in cols]
    spans = "name" in roles and any(r == "" for r in roles[roles.index("name") + 1 :])
    if not spans and "" not in roles:
        return roles, False
    width = len(roles)
    sample = [r[:width] for r in rows if len(r) >= width]

    def numeric_share(col: int) -> float:
        vals = [c for c in (r[col] for r in sample) if c.strip()]
        return sum(digits_only(v) is not None for v in vals) / len(vals) if vals else 0.0

    resolved = list(roles)
    free = [i for i, r in enumerate(resolved) if r in ("", "name")]
    if "seq" not in resolved and free and numeric_share(free[0]) >= 0.6:
        resolved[free[0]] = "seq"
        free = free[1:]
    if free:
        for i in free:
            resolved[i] = ""
        resolved[free[-1]] = "name"
        levels = [r for r in CATEGORY_ROLES if r not in resolved]
        for i in free[:-1]:
            resolved[i] = levels.pop(0) if levels else "category"
    return resolved, spans or "name" not in roles


class _TableReader:
    def __init__(self, table: RawTable, label: str, filename: str) -> None:
        self.table = table
        self.filename = filename
        # A template is typed on purpose: what would be a warning in a document stops it.
        self.strict = table.origin == "sheet"
        self.label = label
        self.from_pdf = table.origin == "pdf"
        self.warnings: list[str] = []
        self.indicators: list[Indicator] = []

    def warn(self, ref: str, field_name: str | None, message: str, *, error: bool = False) -> None:
        if error and self.strict:
            raise PlanImportError(self.filename, message, row=ref, field=field_name)
        where = f"{self.label}, {ref}" + (f", field {field_name}" if field_name else "")
        self.warnings.append(f"{where}: {message}")

    def norm(self, text: str) -> str:
        return normalize_cell(text, from_pdf=self.from_pdf)

    def read(self) -> TableResult | None:
        rows = self.table.rows
        found = _find_header(rows)
        if found is None:
            return None
        start, count = found
        head = rows[start].cells
        below = rows[start + 1].cells if count == 2 else None
        cols = build_columns(head, below)
        while cols and not cols[-1].role:
            cols.pop()  # trailing empty header cells (a stray tab) carry nothing
        roles = [c.role for c in cols]
        if not any(r in ("baseline", "target", "standard", "attribute") for r in roles):
            return None
        first_value = next((i for i, r in enumerate(roles) if r in VALUE_ROLES), len(roles))
        self.value_cols = cols[first_value:]
        data = rows[start + count :]
        label_rows = [self._split(r.cells)[0] for r in data]
        self.label_roles, self.spanned = _resolve_label_roles(cols[:first_value], label_rows)
        if "name" not in self.label_roles:
            return None
        header_key = [compact(c) for c in head]
        self.levels = [_Level() for _ in CATEGORY_ROLES]
        previous: Indicator | None = None
        first_row_of: dict[int, Indicator] = {}
        for raw in data:
            if [compact(c) for c in raw.cells[: len(header_key)]] == header_key:
                continue  # the header repeated after a page break
            previous = self._row(raw, previous, first_row_of)
        return TableResult(self.label, self.indicators, self.warnings, cols)

    def _split(self, cells: list[str]) -> tuple[list[str], list[str]]:
        k = len(self.value_cols)
        if len(cells) >= k:
            return cells[: len(cells) - k], cells[len(cells) - k :]
        return [], [""] * (k - len(cells)) + cells

    def _labels(self, cells: list[str], raw: RawRow) -> dict[str, str]:
        roles = self.label_roles
        out: dict[str, str] = {}
        if len(cells) == len(roles) + 1 and "name" in roles:
            # One cell more than the header: the name header spans a sub-indicator column.
            i = roles.index("name")
            roles = [*roles[: i + 1], "sub_name", *roles[i + 1 :]]
        elif len(cells) > len(roles) + 1:
            self.warn(raw.ref, None, f"{len(cells)} label cells for {len(roles)} header columns")
        elif len(cells) < len(roles):
            cells = [""] * (len(roles) - len(cells)) + cells
        for role, cell in zip(roles, cells, strict=False):
            if role:
                text = self.norm(cell)
                out[role] = f"{out[role]} {text}".strip() if out.get(role) else text
        return out

    def _row(
        self, raw: RawRow, previous: Indicator | None, first_row_of: dict[int, Indicator]
    ) -> Indicator | None:
        label_cells, value_cells = self._split(raw.cells)
        labels = self._labels(label_cells, raw)
        values = [self.norm(c) for c in value_cells]
        seq_text = labels.get("seq", "")
        seq = digits_only(seq_text) if seq_text else None
        if seq_text and seq is None:
            self.warn(raw.ref, "seq", f"not a number: {seq_text!r}", error=True)
        name = labels.get("name", "")
        sub_name = labels.get("sub_name", "")
        consumed_from: int | None = None
        cats = [labels.get(r, "") for r in CATEGORY_ROLES]
        if not name and not sub_name and any(cats) and (seq is not None or any(values)):
            # The name cell is merged across the category column(s) to its left.
            level = max(i for i, c in enumerate(cats) if c)
            name = cats[level]
            consumed_from = level
            cats[level] = ""
        has_values = any(values)
        if not name and not sub_name and seq is None:
            if any(cats):
                self._category_fragment(cats, raw)
            elif has_values and previous is not None:
                self._append_wrapped(previous, values, raw)
            return previous
        if not name and previous is not None and (sub_name or seq is None):
            ind = self._build(raw, previous.seq, previous.name, sub_name, values, previous)
            self._inherit(ind, first_row_of.get(id(previous), previous), raw)
            first_row_of[id(ind)] = first_row_of.get(id(previous), previous)
            self._place(ind, cats, consumed_from, raw)
            return ind
        if not name:
            self.warn(raw.ref, "name", "row has no indicator name; skipped", error=True)
            return previous
        if seq is None and "seq" in self.label_roles and previous is not None and not has_values:
            # A name wrapped onto a line of its own (PDF): part of the row above.
            previous.name = self._join(previous.name, name)
            return previous
        ind = self._build(raw, seq, name, sub_name, values, None)
        first_row_of[id(ind)] = ind
        self._place(ind, cats, consumed_from, raw)
        return ind

    def _join(self, left: str, right: str) -> str:
        return self.norm(f"{left} {right}")

    def _build(
        self,
        raw: RawRow,
        seq: int | None,
        name: str,
        sub_name: str,
        values: list[str],
        parent: Indicator | None,
    ) -> Indicator:
        unit: str | None = None
        baseline: ValueCell | None = None
        targets: list[ValueCell] = []
        fields: dict[str, str] = {}
        for col, value in zip(self.value_cols, values, strict=False):
            if col.role == "baseline":
                if baseline is None or (col.year or 0) > (baseline.year or 0):
                    baseline = ValueCell(col.year, value, find_mark(value))
            elif col.role == "target":
                targets.append(ValueCell(col.year, value, find_mark(value)))
            elif col.role in _PLAIN_FIELDS:
                old = fields.get(col.role)
                fields[col.role] = self._join(old, value) if old else value
        year_text = fields.get("baseline_year", "")
        if baseline is not None and year_text:
            year_match = re.search(r"(?:19|20)\d\d", year_text)
            if year_match:
                baseline.year = int(year_match.group())
            else:
                self.warn(raw.ref, "baseline_year", f"not a year: {year_text!r}", error=True)
        if parent is None:
            name, name_unit = split_unit(name)
        else:
            name_unit = None
        sub_name, sub_unit = split_unit(sub_name) if sub_name else (sub_name, None)
        unit = fields.get("unit") or sub_unit or name_unit
        if fields.get("unit") and (name_unit or sub_unit) and (name_unit or sub_unit) != unit:
            said = name_unit or sub_unit
            self.warn(raw.ref, "unit", f"unit column says {unit!r}, name says {said!r}")
        attribute = fields.get("attribute") or None
        if attribute and not any(a in attribute.lower() for a in KNOWN_ATTRIBUTES):
            known = ", ".join(KNOWN_ATTRIBUTES[:3])
            self.warn(raw.ref, "attribute", f"unexpected attribute {attribute!r} (not {known})",
                      error=True)
        ind = Indicator(
            seq=seq,
            category=None,
            subcategory=None,
            name=name,
            sub_name=sub_name or None,
            unit=unit or None,
            attribute=attribute,
            baseline=baseline,
            targets=targets,
            standard_value=fields.get("standard") or None,
            compliance_raw=fields.get("compliance") or None,
            notes=[fields["notes"]] if fields.get("notes") else [],
            table=self.label,
            source=raw.ref,
        )
        self.indicators.append(ind)
        return ind

    def _inherit(self, ind: Indicator, first: Indicator, raw: RawRow) -> None:
        """Blank cells of a sub-indicator row belong to the merged cell of the first row.

        The baseline is not inherited: each sub-indicator has its own current value, and a
        blank one more likely means "no data" than a merge.
        """
        for attr in ("unit", "attribute", "standard_value", "compliance_raw"):
            if getattr(ind, attr) is None and getattr(first, attr) is not None:
                setattr(ind, attr, getattr(first, attr))
                ind.inherited.append(attr)
        for t in ind.targets:
            if not t.raw:
                src = next((f for f in first.targets if f.year == t.year and f.raw), None)
                if src is not None:
                    t.raw, t.mark = src.raw, src.mark
                    ind.inherited.append(f"target_{t.year}")
        if "compliance_raw" in ind.inherited:
            self.warn(
                raw.ref,
                "compliance",
                f"blank for {ind.sub_name or ind.name!r}; read as merged with the row above "
                f"({ind.compliance_raw!r}), it may instead be empty",
            )

    def _place(
        self,
        ind: Indicator,
        cats: list[str],
        consumed_from: int | None,
        raw: RawRow,
    ) -> None:
        """Carry category cells down, undoing merged cells split over rows (see module doc)."""
        index = len(self.indicators) - 1
        news = [bool(c) for c in cats]
        for level, text in enumerate(cats):
            state = self.levels[level]
            if consumed_from is not None and level >= consumed_from:
                self.levels[level] = _Level()
                continue
            if text:
                if self._is_fragment(level, news, consumed_from, index):
                    joined = self.norm(f"{state.value} {text}")
                    page = " across a page break" if raw.after_page_break else ""
                    self.warn(
                        raw.ref,
                        CATEGORY_ROLES[level],
                        f"{state.value!r} and {text!r} read as one merged cell {joined!r}"
                        f"{page}; check the source",
                    )
                    state.value = joined
                    for member in state.members:
                        self._set_level(member, level, joined)
                else:
                    self.levels[level] = state = _Level(text, 0, index, [])
                    # A merged cell never spans two categories: a new category ends the
                    # sub-category above it, so a blank one below is not carried across.
                    for deeper in range(level + 1, len(self.levels)):
                        self.levels[deeper] = _Level()
            if state.value is not None:
                state.covered += 1
                state.members.append(ind)
                self._set_level(ind, level, state.value)

    def _is_fragment(
        self, level: int, news: list[bool], consumed_from: int | None, index: int
    ) -> bool:
        # A PDF splits a merged cell's text over the rows it spans: the first part then
        # covers a single row and the next part follows on the very next row, while no
        # other category starts there. Word tables never do this.
        state = self.levels[level]
        if not self.from_pdf or state.value is None or state.covered != 1:
            return False
        if state.set_at != index - 1:
            return False
        if any(news[:level]):
            return False
        deeper_new = any(news[level + 1 :]) and (consumed_from is None or consumed_from > level)
        return not deeper_new

    @staticmethod
    def _set_level(ind: Indicator, level: int, value: str) -> None:
        code, text = split_code(value)
        if level == 0:
            ind.category, ind.category_code = text, code
        else:
            ind.subcategory, ind.subcategory_code = text, code

    def _category_fragment(self, cats: list[str], raw: RawRow) -> None:
        for level, text in enumerate(cats):
            state = self.levels[level]
            if text and state.value is not None:
                state.value = self.norm(f"{state.value} {text}")
                for member in state.members:
                    self._set_level(member, level, state.value)
                self.warn(raw.ref, CATEGORY_ROLES[level], f"{text!r} joined to the cell above")
            elif text:
                self.levels[level] = _Level(text, 0, len(self.indicators), [])

    def _append_wrapped(self, ind: Indicator, values: list[str], raw: RawRow) -> None:
        """A row holding only the wrapped tail of some value cells (PDF line wrap)."""
        for col, value in zip(self.value_cols, values, strict=False):
            if not value:
                continue
            if col.role == "baseline" and ind.baseline is not None:
                ind.baseline.raw = self._join(ind.baseline.raw, value)
            elif col.role == "target":
                for t in ind.targets:
                    if t.year == col.year:
                        t.raw = self._join(t.raw, value)
            elif col.role in ("standard", "compliance", "attribute", "unit"):
                attr = {"standard": "standard_value", "compliance": "compliance_raw"}.get(
                    col.role, col.role
                )
                setattr(ind, attr, self._join(getattr(ind, attr) or "", value))
        self.warn(raw.ref, None, "cells with no name or number joined to the row above")


def read_table(table: RawTable, label: str, filename: str) -> TableResult | None:
    """Indicators of one table, or None when it is not an indicator table."""
    return _TableReader(table, label, filename).read()
