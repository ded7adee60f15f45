"""Plain data objects for a parsed plan; `to_dict` gives the documented JSON shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ValueCell:
    """One value cell, verbatim, with the year its column stands for.

    `data_year` differs from `year` when a mark or footnote says the value is from another
    year (e.g. ``*`` = 2021 data in a 2022 column).
    """

    year: int | None
    raw: str
    mark: str | None = None
    data_year: int | None = None


@dataclass
class Indicator:
    seq: int | None
    category: str | None
    subcategory: str | None
    name: str
    sub_name: str | None
    unit: str | None
    attribute: str | None
    baseline: ValueCell | None
    targets: list[ValueCell]
    standard_value: str | None
    compliance_raw: str | None
    notes: list[str] = field(default_factory=list)
    category_code: str | None = None
    subcategory_code: str | None = None
    # Fields copied from the indicator's first row because the cell was blank in a
    # sub-indicator row (a vertically merged cell in the source).
    inherited: list[str] = field(default_factory=list)
    table: str = ""
    source: str = ""  # where the row is, e.g. "line 81" or "table 1 row 3"


@dataclass
class ProjectItem:
    code: str | None
    title: str | None
    text: str


@dataclass
class Project:
    box: str | None
    title: str
    items: list[ProjectItem]
    source_line: int | None = None


@dataclass
class PlanMeta:
    title: str | None = None
    jurisdiction_name: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    base_year: int | None = None
    issuing_body: str | None = None
    issued_date: str | None = None
    source_format: str = ""
    filename: str = ""


@dataclass
class ParsedPlan:
    plan: PlanMeta
    indicators: list[Indicator]
    projects: list[Project]
    warnings: list[str]
    tables: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The `--json` shape documented in docs/plan-import.md."""
        plan = asdict(self.plan)
        plan["tables"] = list(self.tables)
        return {
            "plan": plan,
            "indicators": [asdict(i) for i in self.indicators],
            "projects": [asdict(p) for p in self.projects],
            "warnings": list(self.warnings),
        }
