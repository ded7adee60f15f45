"""Flagged input values: excluded from the evaluation, counted per kind, and reported.

Structural problems (missing column, unknown unit of a whole column, unreadable file) stop a
run with an `AirDataError`. Problems of one value or one row do not: the value (or the row)
is left out, counted under its kind and the field it names (`by_field`: exact counts, e.g.
how many PM2.5 values were negative), and the first few cases are kept as examples naming
file, row (the header is line 1), field and the raw text. In the long format the value
column is generic (`value`): its flags are counted under the row's pollutant (e.g. `PM2.5`),
while the examples keep naming the column that holds the text. GB 3095—2026 §6.4 wants all valid
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
    by_field: dict[str, int] = field(default_factory=dict)  # exact counts; sum = count
    examples: list[Example] = field(default_factory=list)

    def add(self, example: Example, count: int = 1, counted: str | None = None) -> None:
        """Count a case under `counted` (default: the example's field) and keep the example
        if it is among the first."""
        key = example.field if counted is None else counted
        self.count += count
        self.by_field[key] = self.by_field.get(key, 0) + count
        self._keep([example])

    def merge(self, other: KindReport) -> None:
        self.count += other.count
        for key, n in other.by_field.items():
            self.by_field[key] = self.by_field.get(key, 0) + n
        self._keep(other.examples)

    def _keep(self, examples: list[Example]) -> None:
        # Keep the first rows (by file, row): the same examples whichever reader ran.
        self.examples.extend(examples)
        self.examples.sort()
        del self.examples[EXAMPLES:]

    def fields(self) -> list[tuple[str, int]]:
        """(field, count), most first, then by name: a stable order for JSON and text."""
        return sorted(self.by_field.items(), key=lambda item: (-item[1], item[0]))

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "by_field": dict(self.fields()),
                "examples": [e.to_json() for e in self.examples]}


@dataclass
class FlagReport:
    kinds: dict[str, KindReport] = field(default_factory=dict)
    # What the reader decided about whole files rather than values (nothing excluded):
    # note text → the files it applies to, in reading order.
    notes: dict[str, list[str]] = field(default_factory=dict)

    def note(self, text: str, file: str) -> None:
        self.notes.setdefault(text, []).append(file)

    def notes_json(self) -> list[dict[str, Any]]:
        return [{"note": text, "files": len(files), "first_file": files[0]}
                for text, files in self.notes.items()]

    def flag(self, kind: str, file: str, row: int, field_name: str, value: str,
             counted: str | None = None) -> None:
        """One flagged case; `counted` names what to count it under when the field is a
        generic column (the long format's `value`: the row's pollutant)."""
        self.kinds.setdefault(kind, KindReport()).add(
            Example(file, row, field_name, value), counted=counted)

    def merge(self, other: FlagReport) -> None:
        for kind, report in other.kinds.items():
            self.kinds.setdefault(kind, KindReport()).merge(report)
        for text, files in other.notes.items():
            self.notes.setdefault(text, []).extend(files)

    def counts(self) -> dict[str, int]:
        return {k: self.kinds[k].count for k in KINDS if k in self.kinds}

    @property
    def total(self) -> int:
        return sum(r.count for r in self.kinds.values())

    def to_json(self) -> dict[str, Any]:
        """{kind: {"count", "by_field": {field: count}, "examples": [...]}} in report order.
        Reports stored before `by_field` existed lack that key (readers fall back)."""
        return {k: self.kinds[k].to_json() for k in KINDS if k in self.kinds}

    def lines(self) -> list[str]:
        """Human-readable report: one line per kind with its counts by field, then examples."""
        out = []
        for kind in KINDS:
            if kind not in self.kinds:
                continue
            report = self.kinds[kind]
            by_field = ", ".join(f"{name} {n}" for name, n in report.fields())
            out.append(f"flagged {kind} ({LABEL_ZH[kind]}): {report.count} excluded"
                       + (f" ({by_field})" if by_field else ""))
            out += [f"    {e.file}, row {e.row}, field {e.field!r}: {e.value!r}"
                    for e in report.examples]
        return out
