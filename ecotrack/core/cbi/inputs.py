"""Reading the raw inputs of one indicator: types, signs, whole numbers, known answers.

Each field kind has one reader returning the parsed value or problems. Cross-field rules (part
larger than whole, zero denominators) belong to methods.py, which sees all fields together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ecotrack.core.cbi.edition import Indicator, InputField
from ecotrack.core.cbi.errors import Problem
from ecotrack.core.cbi.numbers import as_exact, as_whole

# Free-text keys accepted on every indicator and ignored by the scoring.
META_FIELDS = frozenset({"notes", "source"})
TAXON_KEYS = ("group", "native_species", "invasive_species")


@dataclass(frozen=True)
class TaxonGroup:
    group: str
    native_species: int
    invasive_species: int


class _Reader:
    """Collects problems for one indicator while reading its fields."""

    def __init__(self, indicator: Indicator) -> None:
        self.indicator = indicator
        self.problems: list[Problem] = []

    def problem(self, field: str, code: str, message: str, message_zh: str) -> None:
        self.problems.append(Problem(self.indicator.key, field, code, message, message_zh))

    def number(self, field: str, raw: object, *, positive: bool = False) -> Fraction | None:
        value = as_exact(raw)
        if value is None:
            self.problem(
                field,
                "not_a_number",
                f"must be a number, got {raw!r}",
                f"必须是数字，实际为 {raw!r}",
            )
            return None
        if value < 0:
            self.problem(
                field, "negative", f"must not be negative, got {raw}", f"不能为负数，实际为 {raw}"
            )
            return None
        if positive and value == 0:
            self.problem(field, "not_positive", "must be greater than 0", "必须大于 0")
            return None
        return value

    def whole(self, field: str, raw: object) -> int | None:
        value = self.number(field, raw)
        if value is None:
            return None
        if value.denominator != 1:
            self.problem(
                field,
                "not_whole",
                f"must be a whole number, got {raw}",
                f"必须是整数，实际为 {raw}",
            )
            return None
        return value.numerator

    def text(self, field: str, raw: object) -> str | None:
        if not isinstance(raw, str) or not raw.strip():
            self.problem(field, "not_text", "must be a non-empty text", "必须是非空文本")
            return None
        return raw.strip()


def _read_area(r: _Reader, f: InputField, raw: object) -> Any:
    return r.number(f.name, raw)


def _read_count(r: _Reader, f: InputField, raw: object) -> Any:
    return r.whole(f.name, raw)


def _read_year(r: _Reader, f: InputField, raw: object) -> Any:
    year = as_whole(raw)
    if year is None or not 1900 <= year <= 2200:
        r.problem(
            f.name,
            "not_a_year",
            f"must be a year such as 2021, got {raw!r}",
            f"必须是年份（如 2021），实际为 {raw!r}",
        )
        return None
    return year


def _read_text(r: _Reader, f: InputField, raw: object) -> Any:
    return r.text(f.name, raw)


def _read_answer(r: _Reader, f: InputField, raw: object) -> Any:
    allowed = r.indicator.answers
    if not isinstance(raw, str) or raw not in allowed:
        r.problem(
            f.name,
            "unknown_answer",
            f"unknown answer {raw!r}; expected one of: {', '.join(allowed)}",
            f"未知答案 {raw!r}；可选：{', '.join(allowed)}",
        )
        return None
    return raw


def _read_area_list(r: _Reader, f: InputField, raw: object) -> Any:
    if not isinstance(raw, list) or not raw:
        r.problem(f.name, "not_a_list", "must be a non-empty list of areas", "必须是非空的面积列表")
        return None
    values = [r.number(f"{f.name}[{i}]", item, positive=True) for i, item in enumerate(raw)]
    if any(v is None for v in values):
        return None
    return tuple(v for v in values if v is not None)


def _read_taxon_groups(r: _Reader, f: InputField, raw: object) -> Any:
    if not isinstance(raw, list) or not raw:
        r.problem(
            f.name,
            "not_a_list",
            "must be a non-empty list of taxonomic groups",
            "必须是非空的分类群列表",
        )
        return None
    groups: list[TaxonGroup] = []
    ok = True
    for i, item in enumerate(raw):
        group = _read_taxon_group(r, f"{f.name}[{i}]", item)
        if group is None:
            ok = False
        elif group.group in {g.group for g in groups}:
            r.problem(
                f"{f.name}[{i}].group",
                "duplicate",
                f"group {group.group!r} is listed twice",
                f"类群 {group.group!r} 重复出现",
            )
            ok = False
        else:
            groups.append(group)
    return tuple(groups) if ok else None


def _read_taxon_group(r: _Reader, where: str, item: object) -> TaxonGroup | None:
    if not isinstance(item, Mapping):
        r.problem(
            where,
            "not_an_object",
            "must be an object with group, native_species and invasive_species",
            "必须是包含 group、native_species、invasive_species 的对象",
        )
        return None
    complete = True
    for extra in sorted(set(item) - set(TAXON_KEYS)):
        r.problem(
            f"{where}.{extra}",
            "unknown_field",
            f"unknown field; expected {', '.join(TAXON_KEYS)}",
            f"未知字段；应为 {', '.join(TAXON_KEYS)}",
        )
        complete = False
    for key in TAXON_KEYS:
        if key not in item:
            r.problem(f"{where}.{key}", "missing", "is required", "为必填项")
            complete = False
    if not complete:
        return None
    name = r.text(f"{where}.group", item["group"])
    native = r.whole(f"{where}.native_species", item["native_species"])
    invasive = r.whole(f"{where}.invasive_species", item["invasive_species"])
    if name is None or native is None or invasive is None:
        return None
    return TaxonGroup(name, native, invasive)


READERS: dict[str, Callable[[_Reader, InputField, object], Any]] = {
    "area": _read_area,
    "amount": _read_area,
    "count": _read_count,
    "year": _read_year,
    "text": _read_text,
    "answer": _read_answer,
    "area_list": _read_area_list,
    "taxon_groups": _read_taxon_groups,
}


def read_inputs(indicator: Indicator, raw: object) -> tuple[dict[str, Any], list[Problem]]:
    """Parse the fields given for one indicator; missing optional fields are simply absent."""
    reader = _Reader(indicator)
    if not isinstance(raw, Mapping):
        reader.problem(
            "", "not_an_object", "must be an object of input fields", "必须是由输入字段组成的对象"
        )
        return {}, reader.problems
    names = indicator.field_names
    for extra in sorted(set(raw) - set(names) - META_FIELDS):
        reader.problem(
            str(extra),
            "unknown_field",
            f"unknown field; expected one of: {', '.join(names)}",
            f"未知字段；可选：{', '.join(names)}",
        )
    parsed: dict[str, Any] = {}
    for field in indicator.inputs:
        if field.name not in raw or raw[field.name] is None:
            if field.required:
                reader.problem(
                    field.name,
                    "missing",
                    f"is required ({field.label})",
                    f"为必填项（{field.label_zh}）",
                )
            continue
        value = READERS[field.kind](reader, field, raw[field.name])
        if value is not None:
            parsed[field.name] = value
    return parsed, reader.problems
