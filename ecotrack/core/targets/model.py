"""The parsed form of a target (or baseline) cell.

A plan cell is text first: ``≥25``, ``达到自治区考核目标``, ``(33.3)``, ``——``.
:class:`ParsedTarget` keeps that verbatim text next to a typed reading so
that the compliance engine never has to look at the string again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class TargetKind(StrEnum):
    NUMERIC = "numeric"
    QUALITATIVE = "qualitative"
    REFERENCE = "reference"
    CUMULATIVE_CHANGE = "cumulative_change"
    NO_DATA = "no_data"
    COMPOUND = "compound"
    UNKNOWN = "unknown"


class Comparator(StrEnum):
    """How a numeric value bounds the indicator.

    ``AT`` (a bare number such as ``100``) and ``STABLE_AT`` (``稳定在45``)
    only get a direction once the indicator is known: "at 100" means "at
    least 100" for a rate where higher is better and "at most" otherwise.
    """

    GE = "ge"
    GT = "gt"
    LE = "le"
    LT = "lt"
    EQ = "eq"
    AT = "at"
    STABLE_AT = "stable_at"
    RANGE = "range"
    APPROX = "approx"


class GovLevel(StrEnum):
    """Government levels a target can point at.

    ``REGION`` is the province level (省, 自治区, 直辖市); ``PARENT`` is the
    relative "上级" = the direct parent of whoever wrote the target.
    """

    NATIONAL = "national"
    REGION = "region"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    PARENT = "parent"

    @property
    def zh(self) -> str:
        return _LEVEL_ZH[self]


_LEVEL_ZH = {
    GovLevel.NATIONAL: "国家",
    GovLevel.REGION: "省级（自治区）",
    GovLevel.PREFECTURE: "地市级（盟市）",
    GovLevel.COUNTY: "县级（旗县）",
    GovLevel.PARENT: "上级",
}


class ChangeSense(StrEnum):
    DECREASE = "decrease"
    INCREASE = "increase"
    # ``[18]`` says "cumulative over the period" but not which way; the
    # indicator's name (…降低, …提高) decides.
    UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class ParsedTarget:
    """One cell, verbatim plus parsed.

    Only the fields that belong to ``kind`` are set; the rest stay ``None``.
    ``parts`` is used by ``COMPOUND`` cells (``面积不减少，性质不改变``) and
    holds one ParsedTarget per clause.
    """

    raw: str
    kind: TargetKind
    comparator: Comparator | None = None
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    label: str | None = None
    state: str | None = None
    subject: str | None = None
    level: GovLevel | None = None
    obligation: str | None = None
    sense: ChangeSense | None = None
    base_year: int | None = None
    marks: tuple[str, ...] = ()
    data_year: int | None = None
    notes: tuple[str, ...] = ()
    parts: tuple[ParsedTarget, ...] = field(default=())

    @property
    def is_known(self) -> bool:
        if self.kind is TargetKind.UNKNOWN:
            return False
        return all(part.is_known for part in self.parts)

    def iter_leaves(self) -> tuple[ParsedTarget, ...]:
        """The non-compound clauses, in reading order."""
        if self.kind is TargetKind.COMPOUND:
            return tuple(leaf for part in self.parts for leaf in part.iter_leaves())
        return (self,)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``None`` fields and empty tuples are dropped."""
        out: dict[str, Any] = {"raw": self.raw, "kind": self.kind.value}
        for name in (
            "comparator",
            "value",
            "value_high",
            "unit",
            "label",
            "state",
            "subject",
            "level",
            "obligation",
            "sense",
            "base_year",
            "data_year",
        ):
            item = getattr(self, name)
            if item is None:
                continue
            out[name] = item.value if isinstance(item, StrEnum) else item
        if self.marks:
            out["marks"] = list(self.marks)
        if self.notes:
            out["notes"] = list(self.notes)
        if self.parts:
            out["parts"] = [part.to_dict() for part in self.parts]
        return out


@dataclass(frozen=True)
class ParseContext:
    """What the plan's footnotes say about its own notation.

    ``mark_years`` maps a mark to the data year it announces (Xilinhot:
    ``注：*标注为2021年数据`` -> ``{"*": 2021}``). ``parentheses_mean``
    is the sense of a bare ``(x)``: the Inner Mongolia and Tongliao tables
    both state ``“（）”代表累计下降数``, so decrease is the default.
    """

    mark_years: Mapping[str, int] = field(default_factory=dict, hash=False)
    parentheses_mean: ChangeSense = ChangeSense.DECREASE
