"""Read a .docx with python-docx: paragraphs and real tables, in document order.

Cells are read from the XML row by row, one entry per <w:tc>, so a cell merged across
columns appears once and a vertically merged continuation cell appears empty — the same
shape as a text export, which lets one table reader serve both.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .blocks import Block, Document, Paragraph, RawRow, RawTable
from .errors import PlanImportError
from .places import paragraph, table_label, table_row
from .textreader import FOOTNOTE_START, clean_paragraph, looks_like_caption

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element: Any) -> str:
    paras = []
    for p in element.iter(f"{_W}p"):
        paras.append("".join(t.text or "" for t in p.iter(f"{_W}t")))
    return "\n".join(paras)


def _rows(tbl: Any, table_no: int) -> list[RawRow]:
    rows: list[RawRow] = []
    for r, tr in enumerate(tbl.iter(f"{_W}tr"), start=1):
        if tr.getparent() is not tbl:
            continue  # rows of a nested table belong to that table
        cells: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            continued = vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue")
            cells.append("" if continued else _text(tc))
        rows.append(RawRow(cells, table_row(table_no, r)))
    return rows


def read_docx(data: bytes, filename: str) -> Document:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PlanImportError(filename, f"not a readable .docx file ({exc})") from exc
    except Exception as exc:  # python-docx raises its own types for broken packages
        raise PlanImportError(filename, f"not a readable .docx file ({exc})") from exc
    blocks: list[Block] = []
    body = document.element.body
    table_no = 0
    para_no = 0
    pending_table: RawTable | None = None
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            para_no += 1
            text = clean_paragraph(_text(child))
            if not text:
                continue
            para = Paragraph(text, paragraph(para_no))
            enumerated = text[:1] in "0123456789*#①②③④⑤"
            if pending_table is not None and (
                FOOTNOTE_START.match(text) or (pending_table.footnotes and enumerated)
            ):
                pending_table.footnotes.append(para)
                continue
            pending_table = None
            blocks.append(para)
        elif child.tag == f"{_W}tbl":
            table_no += 1
            table = RawTable(_rows(child, table_no), "docx", table_label(table_no))
            if blocks and isinstance(blocks[-1], Paragraph) and looks_like_caption(blocks[-1].text):
                table.caption = blocks[-1].text
            blocks.append(table)
            pending_table = table
    return Document(blocks, "docx", filename)
