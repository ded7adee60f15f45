"""Source places: every reader writes one grammar, and each place points at the right row.

The places are read back with `parse_location` and checked against the documents
themselves (the indicator's name is on that line, in that table row, in that sheet row),
for the two real reference plans and the generated plan in every format.
"""

from __future__ import annotations

import csv
import io

import docx
import pytest
from openpyxl import load_workbook

from ecotrack.core.plandoc import parse_plan
from ecotrack.core.plandoc.places import (
    LINE,
    PARAGRAPH,
    ROW,
    SHEET_ROW,
    TABLE,
    TABLE_ROW,
    Place,
    joined,
    paragraph,
    parse_location,
    parse_place,
    sheet_row,
    table_label,
    table_row,
    text_line,
)

from . import builders
from .conftest import DOCUMENTS, REFERENCE_PLANS


def _places(data: bytes, filename: str) -> list[tuple[str, list[Place]]]:
    parsed = parse_plan(data, filename)
    out = []
    for ind in parsed.indicators:
        parts = parse_location(joined(ind.table, ind.source))
        assert parts is not None, (ind.table, ind.source)
        # A sub-indicator's row may hold only its own name (the main name is a merged cell).
        out.append((ind.sub_name or ind.name, parts))
    return out


@pytest.mark.parametrize("city", sorted(REFERENCE_PLANS))
def test_reference_plans_name_the_line_of_each_indicator(city: str) -> None:
    path = DOCUMENTS / REFERENCE_PLANS[city][0]
    lines = path.read_text(encoding="utf-8").splitlines()
    found = _places(path.read_bytes(), path.name)
    assert len(found) > 20
    starts = sorted({row.number for _name, (_table, row) in found})
    for name, (table, row) in found:
        assert table.kind == TABLE and table.number >= 1
        assert row.kind == LINE
        # The place is the row's first line; in the Xilinhot export each cell has its own
        # line, so the name is on a later line of the same row, before the next row starts.
        later = [n for n in starts if n > row.number]
        row_lines = lines[row.number - 1 : (later[0] - 1 if later else row.number + 15)]
        assert any(name[:4] in line for line in row_lines), (name, row)


def test_docx_places_are_table_rows() -> None:
    data = builders.build_docx()
    tables = docx.Document(io.BytesIO(data)).tables
    for name, (table, row) in _places(data, "plan.docx"):
        assert (table.kind, table.number, table.caption) == (TABLE, 1, "表1 主要指标")
        assert row.kind == TABLE_ROW and row.table == 1
        cells = [c.text for c in tables[0].rows[row.number - 1].cells]
        assert name in cells


def test_csv_places_are_file_rows() -> None:
    data = builders.build_csv()
    rows = list(csv.reader(io.StringIO(data.decode())))
    for name, (table, row) in _places(data, "plan.csv"):
        assert (table.kind, table.number) == (TABLE, 1)
        assert row.kind == ROW and name in rows[row.number - 1]


def test_xlsx_places_name_the_sheet() -> None:
    data = builders.build_xlsx()
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    for name, (_table, row) in _places(data, "plan.xlsx"):
        assert row.kind == SHEET_ROW and row.sheet == sheet.title
        assert name in [c.value for c in sheet[row.number]]


def test_pdf_places_are_text_lines() -> None:
    found = _places(builders.build_pdf_plan(), "plan.pdf")
    assert [row.kind for _name, (_table, row) in found] == [LINE] * len(builders.SPEC)
    assert len({row.number for _name, (_table, row) in found}) == len(builders.SPEC)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (table_row(3, 12), [Place(TABLE_ROW, 12, table=3)]),
        (text_line(81), [Place(LINE, 81)]),
        (paragraph(4), [Place(PARAGRAPH, 4)]),
        (sheet_row(5), [Place(ROW, 5)]),
        (sheet_row(5, "指标"), [Place(SHEET_ROW, 5, sheet="指标")]),
        # A sheet title with a quote and a comma is written with repr() and read back.
        (sheet_row(2, "O'Neil, 2025"), [Place(SHEET_ROW, 2, sheet="O'Neil, 2025")]),
        (table_label(2), [Place(TABLE, 2)]),
        # Captions may hold commas, brackets and what looks like a place.
        (
            joined(table_label(1, "表1 主要指标（2020, 2025), row 3"), table_row(1, 4)),
            [Place(TABLE, 1, caption="表1 主要指标（2020, 2025), row 3"),
             Place(TABLE_ROW, 4, table=1)],
        ),
        (
            joined(table_label(1), sheet_row(9, "a), b")),
            [Place(TABLE, 1), Place(SHEET_ROW, 9, sheet="a), b")],
        ),
        (joined("", text_line(7)), [Place(LINE, 7)]),
    ],
)
def test_written_places_read_back(text: str, parts: list[Place]) -> None:
    assert parse_location(text) == parts


@pytest.mark.parametrize(
    "text",
    ["", "生态环境保护规划（2021—2025年）", "表1 第3行", "row three", "table 1, table 2",
     "line 3, row 4", "row 4, table 1"],
)
def test_other_text_is_not_a_place(text: str) -> None:
    assert parse_location(text) is None


def test_a_single_place_must_be_whole() -> None:
    assert parse_place("table 1 row 3") == Place(TABLE_ROW, 3, table=1)
    assert parse_place("table 1 row 3 extra") is None
