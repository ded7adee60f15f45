"""Turn a decoded .txt export into paragraphs and raw tables (see layout.py for the layouts)."""

from __future__ import annotations

import re

from .blocks import Block, Document, Paragraph, RawRow, RawTable
from .layout import detect_layout
from .places import text_line

# Word-export artefacts that are not text: bookmark anchors and stray HTML paragraph tags.
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
FOOTNOTE_START = re.compile(r"^[\s\-–•·]*(注|备注|说明|资料来源|数据来源)\s*[:：]")
_CAPTION = re.compile(
    r"^\s*(表\s*[\d一二三四五六七八九十]*|专栏\s*\d*|附表)|指标(体系|表)|主要指标"
)


def clean_paragraph(text: str) -> str:
    return _BOOKMARK.sub("", text).strip()


def looks_like_caption(text: str) -> bool:
    return len(text) <= 80 and bool(_CAPTION.search(text))


def _is_tab_row(line: str) -> bool:
    return line.count("\t") >= 2


def _collect_footnotes(lines: list[str], i: int) -> tuple[list[Paragraph], int]:
    """Footnote lines right below a table: 注：… and the lines that follow it without a gap."""
    j = i
    while j < len(lines) and j - i < 4 and not lines[j].strip():
        j += 1
    if j >= len(lines) or not FOOTNOTE_START.match(clean_paragraph(lines[j])):
        return [], i
    notes: list[Paragraph] = []
    while j < len(lines) and lines[j].strip() and not _is_tab_row(lines[j]):
        notes.append(Paragraph(clean_paragraph(lines[j]), text_line(j + 1), j + 1))
        j += 1
    return notes, j


def _take_caption(blocks: list[Block], table: RawTable) -> None:
    # A table's own first row can be its caption (a single filled cell above the header);
    # otherwise a caption-like paragraph just above it.
    if len(table.rows) > 2:
        filled = [c for c in table.rows[0].cells if c.strip()]
        if len(filled) == 1 and looks_like_caption(filled[0]):
            table.caption = clean_paragraph(filled[0])
            table.rows.pop(0)
            return
    if blocks and isinstance(blocks[-1], Paragraph) and looks_like_caption(blocks[-1].text):
        table.caption = blocks[-1].text


def _read_tabbed(lines: list[str], filename: str) -> Document:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if not _is_tab_row(lines[i]):
            text = clean_paragraph(lines[i])
            if text:
                blocks.append(Paragraph(text, text_line(i + 1), i + 1))
            i += 1
            continue
        table = RawTable(rows=[], origin="pdf", ref=text_line(i + 1))
        page_break = False
        while i < len(lines):
            if _is_tab_row(lines[i]):
                table.rows.append(RawRow(lines[i].split("\t"), text_line(i + 1), page_break))
                page_break = False
                i += 1
                continue
            if not lines[i].strip():
                # A blank line inside a table is a page break when the table goes on after it.
                j = i
                while j < len(lines) and j - i < 3 and not lines[j].strip():
                    j += 1
                if j < len(lines) and _is_tab_row(lines[j]):
                    page_break = True
                    i = j
                    continue
            break
        _take_caption(blocks, table)
        table.footnotes, i = _collect_footnotes(lines, i)
        blocks.append(table)
    return Document(blocks, "pdf", filename)


def _read_cell_per_line(lines: list[str], filename: str) -> Document:
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("\t"):
            text = clean_paragraph(lines[i])
            if text:
                blocks.append(Paragraph(text, text_line(i + 1), i + 1))
            i += 1
            continue
        table = RawTable(rows=[], origin="docx", ref=text_line(i + 1))
        row: RawRow | None = None
        while i < len(lines):
            line = lines[i]
            if line == "":
                if row is not None:
                    table.rows.append(row)
                    row = None
                j = i
                while j < len(lines) and lines[j] == "":
                    j += 1
                if j < len(lines) and lines[j].startswith("\t"):
                    i = j
                    continue
                i = j
                break
            if line.startswith("\t"):
                if row is None:
                    row = RawRow([], text_line(i + 1))
                row.cells.append(line[1:])
            elif row is not None and row.cells:
                # A line without the leading tab continues the cell above (in-cell break).
                row.cells[-1] += "\n" + line
            else:
                break
            i += 1
        if row is not None:
            table.rows.append(row)
        if len(table.rows) < 2:
            for r in table.rows:
                text = clean_paragraph(" ".join(r.cells))
                if text:
                    blocks.append(Paragraph(text, r.ref))
            continue
        _take_caption(blocks, table)
        table.footnotes, i = _collect_footnotes(lines, i)
        blocks.append(table)
    return Document(blocks, "docx", filename)


def read_text(text: str, filename: str) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = detect_layout(lines)
    if layout == "cell_per_line":
        return _read_cell_per_line(lines, filename)
    # "plain" text has no tables; the tabbed reader then yields paragraphs only.
    return _read_tabbed(lines, filename)
