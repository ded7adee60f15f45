"""Recognise a table's header row(s) and give each column a role (and a year where it has one).

Matching is on a compact form (NFKC, no spaces, lower case), so 「指 标」, 「指标 」,
full-width letters and English headers all match. Order matters: 「指标属性」 and 「指标值」
must be tested before the bare 「指标」.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textnorm import compact

LABEL_ROLES = ("seq", "category", "subcategory", "name", "sub_name")
VALUE_ROLES = (
    "unit", "standard", "baseline_year", "baseline", "target", "compliance", "attribute", "notes",
)

# (role, pattern on the compact header text), first match wins.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("seq", re.compile(r"^(序号|编号|no\.?|#|seq|序)$")),
    ("sub_name", re.compile(r"子指标|分项指标|sub[-_]?indicator|sub[-_]?name")),
    ("attribute", re.compile(r"属性|性质|约束性|预期性|attribute|^type$|^nature$")),
    ("unit", re.compile(r"^(计量)?单位|^units?$|^unit\(")),
    ("compliance", re.compile(r"达标|完成情况|是否|compliance|status")),
    ("standard", re.compile(r"指标值|标准值|考核标准|考核要求|建设标准|standard|threshold")),
    ("baseline_year", re.compile(r"基准年份|^基准年$|^基年$|baseline_?year|base_?year|data_?year")),
    # value_2020: a value of a named year before the targets, as structured exports write it.
    ("baseline", re.compile(
        r"现状|基准|基期|基础值|基年|baseline|^base|current|^value[-_]?[(（]?(?:19|20)\d\d"
    )),
    ("target", re.compile(r"目标|规划值|预期值|target|goal")),
    ("notes", re.compile(r"备注|说明|^注|数据来源|notes?$|remarks?|^source")),
    ("subcategory", re.compile(r"任务|子领域|子类|二级|sub[-_]?(category|domain)|^task")),
    ("category", re.compile(r"领域|类别|分类|方面|维度|^类型$|系统|一级|category|domain|^area")),
    ("name", re.compile(r"指标|名称|indicator|^name")),
]
_YEAR = re.compile(r"((?:19|20)\d\d)(?:年|年度)?")
_YEAR_ONLY = re.compile(r"^((?:19|20)\d\d)(年|年度)?(末)?$")


@dataclass
class Column:
    role: str  # one of LABEL_ROLES / VALUE_ROLES, "" for a blank (spanned) header cell
    year: int | None
    header: str


def classify(text: str) -> tuple[str, int | None]:
    key = compact(text)
    if not key:
        return "", None
    year_match = _YEAR.search(key)
    year = int(year_match.group(1)) if year_match else None
    if _YEAR_ONLY.match(key):
        return "year", year  # decided later: baseline or target
    for role, pattern in _RULES:
        if pattern.search(key):
            return role, year
    return "unknown", year


def header_score(cells: list[str]) -> int:
    """How much a row looks like a header: number of cells with a known role."""
    return sum(1 for c in cells if classify(c)[0] not in ("", "unknown"))


def is_header_row(cells: list[str]) -> bool:
    roles = [classify(c)[0] for c in cells]
    known = [r for r in roles if r not in ("", "unknown")]
    has_value = any(r in VALUE_ROLES or r == "year" for r in known)
    return len(known) >= 2 and has_value


def build_columns(top: list[str], below: list[str] | None = None) -> list[Column]:
    """Columns from one header row, or two when the second row adds years under a group
    heading (「目标值」 over 「2025年」「2030年」)."""
    cols: list[Column] = []
    for i, text in enumerate(top):
        role, year = classify(text)
        header = text
        if below is not None and i < len(below) and below[i].strip():
            sub_role, sub_year = classify(below[i])
            if not role and cols and sub_role == "year":
                role = cols[-1].role  # a blank top cell continues the group to its left
            if sub_role not in ("", "unknown", "year") and role in ("", "unknown"):
                role = sub_role
            year = sub_year or year
            header = f"{text} {below[i]}".strip()
        cols.append(Column(role, year, header))
    _settle_year_columns(cols)
    return cols


def _settle_year_columns(cols: list[Column]) -> None:
    # A bare year column is the baseline when it is the earliest of several year columns
    # and no other column is marked as baseline; every other bare year is a target.
    years = [c for c in cols if c.role == "year"]
    has_baseline = any(c.role == "baseline" for c in cols)
    targets_years = [c.year for c in cols if c.role == "target" and c.year]
    for c in years:
        earliest = min(y.year or 0 for y in years)
        if not has_baseline and c.year == earliest and (
            len(years) > 1 or (targets_years and (c.year or 0) < min(targets_years))
        ):
            c.role = "baseline"
            has_baseline = True
        else:
            c.role = "target"
