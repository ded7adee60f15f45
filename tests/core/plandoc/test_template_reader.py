"""The CSV/XLSX template reader: baseline columns by year, categories that do not leak,
errors that name their row once, and the Inner Mongolia table read through it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ecotrack.core.plandoc import PlanImportError, parse_plan

REPO = Path(__file__).resolve().parents[3]
INNER_MONGOLIA = REPO / "ecotrack" / "demo" / "reference" / "indicators-innermongolia-2025.csv"


def _csv(*rows: str) -> bytes:
    return "\n".join(rows).encode()


@pytest.mark.parametrize(
    "header", ["value_2020", "Value 2020", "基准值（2020年）", "2020年现状值", "现状值2020"]
)
def test_a_value_column_with_a_year_is_the_baseline(header: str) -> None:
    data = _csv(f"no,indicator,unit,{header},target_2025", "1,森林覆盖率,%,23.78,≥25")
    (ind,) = parse_plan(data, "plan.csv").indicators
    assert ind.baseline is not None and (ind.baseline.year, ind.baseline.raw) == (2020, "23.78")
    assert [(t.year, t.raw) for t in ind.targets] == [(2025, "≥25")]


def test_a_blank_subcategory_is_not_carried_across_a_category_change() -> None:
    data = _csv(
        "no,category,subcategory,indicator,value_2020,target_2025",
        "1,环境质量,空气,优良天数比率,90,≥90",
        "2,,,细颗粒物浓度,30,≤28",  # same category: the merged sub-category goes on
        "3,生态保护,,森林覆盖率,23,≥25",  # a new category: no sub-category
        "4,,,湿地保护率,50,不降低",
    )
    rows = parse_plan(data, "plan.csv").indicators
    assert [(i.category, i.subcategory) for i in rows] == [
        ("环境质量", "空气"), ("环境质量", "空气"), ("生态保护", None), ("生态保护", None),
    ]


def test_sub_indicator_column_written_with_an_underscore() -> None:
    data = _csv(
        "no,indicator,sub_indicator,value_2020,target_2025",
        "7,主要污染物减排,氮氧化物,——,(10)",
        "7,主要污染物减排,化学需氧量,——,(8)",
    )
    rows = parse_plan(data, "plan.csv").indicators
    assert [(i.name, i.sub_name) for i in rows] == [
        ("主要污染物减排", "氮氧化物"), ("主要污染物减排", "化学需氧量"),
    ]


def test_csv_error_names_the_row_once() -> None:
    data = _csv("no,indicator,value_2020,target_2025", "1,甲,1,2", "x,乙,1,2")
    with pytest.raises(PlanImportError) as info:
        parse_plan(data, "plan.csv")
    assert str(info.value) == "plan.csv, row 3, field 'seq': not a number: 'x'"
    assert info.value.location == "row 3"


def test_xlsx_error_names_the_sheet_and_row_once() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "指标"
    for row in (["no", "indicator", "value_2020", "target_2025"], [1, "甲", 1, 2],
                [2, "乙", 1, 2], ["", "", "", ""], ["3", "丙", 1, 2]):
        sheet.append(row)
    sheet["A4"] = "four"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(PlanImportError) as info:
        parse_plan(out.getvalue(), "plan.xlsx")
    assert str(info.value) == "plan.xlsx, sheet '指标' row 4, field 'seq': not a number: 'four'"
    assert "row row" not in str(info.value)


def test_an_unknown_attribute_stops_a_template() -> None:
    data = _csv("no,indicator,target_2025,attribute", "1,甲,≥2,约束性", "2,乙,≥3,大概性")
    with pytest.raises(PlanImportError, match=r"plan\.csv, row 3, field 'attribute'"):
        parse_plan(data, "plan.csv")


def test_the_inner_mongolia_table_reads_through_the_template() -> None:
    parsed = parse_plan(INNER_MONGOLIA)
    rows = parsed.indicators
    assert len(rows) == 21 and [i.seq for i in rows] == list(range(1, 22))
    assert parsed.plan.base_year == 2020
    assert all(i.baseline is not None and i.baseline.year == 2020 for i in rows)
    assert all([t.year for t in i.targets] == [2025] for i in rows)
    energy = rows[6]  # 7 单位地区生产总值能源消耗: 6.89 in 2020, 15.5 by 2025
    assert energy.baseline is not None
    assert (energy.baseline.raw, energy.targets[0].raw) == ("6.89", "15.5")
    # Rows 13-16 open a new category with a blank sub-category: nothing carried from 12.
    assert rows[11].subcategory is not None
    assert [i.subcategory for i in rows[12:16]] == [None] * 4
    assert rows[12].category != rows[11].category
    assert rows[12].source == "row 14" and rows[12].table == "table 1"
