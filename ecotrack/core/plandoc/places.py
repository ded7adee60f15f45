"""Where in a plan document a table or row is: one grammar, written and read here.

The readers record a place as a short canonical text — "table 1 row 3" (a .docx table),
"line 81" (a line of a PDF's or text export's text), "row 10" (a CSV file),
"sheet '指标' row 5" (an .xlsx sheet), "paragraph 4" — and a table as "table 1" or
"table 1 (its caption)". That text is stored as it is (database, open-data export), so it
reads the same on every machine. The web pages show it in the reader's language:
`parse_location` gives the parts, which the web layer words with gettext.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

TABLE = "table"
TABLE_ROW = "table_row"
LINE = "line"
ROW = "row"
SHEET_ROW = "sheet_row"
PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Place:
    kind: str  # one of the names above
    number: int  # the table, row, line or paragraph number (1-based)
    table: int | None = None  # TABLE_ROW: the table's number
    sheet: str | None = None  # SHEET_ROW: the sheet's title
    caption: str | None = None  # TABLE: the caption, when the document gives one


def table_label(number: int, caption: str | None = None) -> str:
    return f"table {number}" + (f" ({caption})" if caption else "")


def table_row(table: int, row: int) -> str:
    return f"table {table} row {row}"


def text_line(number: int) -> str:
    return f"line {number}"


def sheet_row(row: int, sheet: str | None = None) -> str:
    """A row of a CSV file (no sheet) or of a named .xlsx sheet."""
    return f"row {row}" if sheet is None else f"sheet {sheet!r} row {row}"


def paragraph(number: int) -> str:
    return f"paragraph {number}"


def joined(table: str, row: str) -> str:
    """An indicator's place: its table's label, then its row (either may be empty)."""
    return f"{table}, {row}".strip(", ")


# The sheet title is written with repr(): single quotes, or double quotes when the title
# holds a single quote, with backslash escapes.
_QUOTED = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
_ROW_PATTERNS = (
    (TABLE_ROW, re.compile(r"table (\d+) row (\d+)")),
    (LINE, re.compile(r"line (\d+)")),
    (PARAGRAPH, re.compile(r"paragraph (\d+)")),
    (SHEET_ROW, re.compile(rf"sheet ({_QUOTED}) row (\d+)", re.DOTALL)),
    (ROW, re.compile(r"row (\d+)")),
)
_TABLE = re.compile(r"table (\d+)(?: \((.*)\))?", re.DOTALL)


def parse_place(text: str) -> Place | None:
    """One place (a row, line, paragraph or table) in the canonical text, else None."""
    for kind, pattern in _ROW_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if kind == TABLE_ROW:
            return Place(kind, int(match[2]), table=int(match[1]))
        if kind == SHEET_ROW:
            return Place(kind, int(match[2]), sheet=ast.literal_eval(match[1]))
        return Place(kind, int(match[1]))
    match = _TABLE.fullmatch(text)
    if match is not None:
        return Place(TABLE, int(match[1]), caption=match[2])
    return None


def parse_location(text: str) -> list[Place] | None:
    """The parts of a `joined` place, else None (a place typed by hand, a template's title).

    A caption and a sheet title may hold anything, commas and brackets too, so every ", "
    is tried as the seam between the table and the row.
    """
    text = text.strip()
    if not text:
        return None
    whole = parse_place(text)
    if whole is not None:
        return [whole]
    for seam in (m.start() for m in re.finditer(", ", text)):
        table, row = parse_place(text[:seam]), parse_place(text[seam + 2:])
        if table is not None and table.kind == TABLE and row is not None and row.kind != TABLE:
            return [table, row]
    return None
