"""Flagged input values: excluded from the evaluation, counted per kind, and reported.

Structural problems (missing column, unknown unit of a whole column, unreadable file) stop a
run with an `AirDataError`. Problems of one value or one row do not: the value (or the row)
is left out, counted under its kind, and the first few cases are kept as examples naming
file, row (the header is line 1), field and the raw text. GB 3095—2026 §6.4 wants all valid
data used, so one bad cell must not throw away a year; and nothing flagged is used silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds, in report order. A value kind excludes one cell; a row kind excludes the whole row.
NEGATIVE = "negative"  # a concentration below zero
IMPLAUSIBLE = "implausible"  # above units.PLAUSIBLE_MAX (usually a unit mistake) or infinite
BAD_NUMBER = "unparseable_number"
BAD_TIME = "unparseable_time"  # time, date or hour that does not parse or is not a whole hour
BAD_STATION = "missing_station"
BAD_POLLUTANT = "unknown_pollutant"  # long format: one row's pollutant
BAD_UNIT = "unknown_unit"  # long format: one row's unit (a wide column's unit is structural)
DUPLICATE = "duplicate_hour"  # every record of a station-hour that has more than one
KINDS: tuple[str, ...] = (
    NEGATIVE, IMPLAUSIBLE, BAD_NUMBER, BAD_TIME, BAD_STATION, BAD_POLLUTANT, BAD_UNIT, DUPLICATE,
)
LABEL_ZH = {
    NEGATIVE: "负值", IMPLAUSIBLE: "不合理的量级", BAD_NUMBER: "无法解析的数值",
    BAD_TIME: "无法解析的时间", BAD_STATION: "缺少站点", BAD_POLLUTANT: "未知污染物",
    BAD_UNIT: "未知单位", DUPLICATE: "重复小时",
}
EXAMPLES = 5  # examples kept per kind


@dataclass(frozen=True, order=True)
class Example:
    file: str
    row: int
    field: str
    value: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "row": self.row, "field": self.field, "value": self.value}


@dataclass
class KindReport:
    count: int = 0
    examples: list[Example] = field(default_factory=list)

    def add(self, example: Example, count: int = 1) -> None:
        self.count += count
        self.examples.append(example)
        # Keep the first rows (by file, row): the same examples whichever reader ran.
        self.examples.sort()
        del self.examples[EXAMPLES:]


@dataclass
class FlagReport:
    kinds: dict[str, KindReport] = field(default_factory=dict)

    def flag(self, kind: str, file: str, row: int, field_name: str, value: str) -> None:
        self.kinds.setdefault(kind, KindReport()).add(Example(file, row, field_name, value))

    def merge(self, other: FlagReport) -> None:
        for kind, report in other.kinds.items():
            mine = self.kinds.setdefault(kind, KindReport())
            mine.count += report.count
            for example in report.examples:
                mine.examples.append(example)
            mine.examples.sort()
            del mine.examples[EXAMPLES:]

    def counts(self) -> dict[str, int]:
        return {k: self.kinds[k].count for k in KINDS if k in self.kinds}

    @property
    def total(self) -> int:
        return sum(r.count for r in self.kinds.values())

    def to_json(self) -> dict[str, Any]:
        return {
            k: {"count": self.kinds[k].count,
                "examples": [e.to_json() for e in self.kinds[k].examples]}
            for k in KINDS if k in self.kinds
        }

    def lines(self) -> list[str]:
        """Human-readable report: one line per kind, then its examples."""
        out = []
        for kind in KINDS:
            if kind not in self.kinds:
                continue
            report = self.kinds[kind]
            out.append(f"flagged {kind} ({LABEL_ZH[kind]}): {report.count} excluded")
            out += [f"    {e.file}, row {e.row}, field {e.field!r}: {e.value!r}"
                    for e in report.examples]
        return out
