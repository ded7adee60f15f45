"""The Xilinhot plan as a Word document imports to the same indicators as its text export.

The reference .txt is Word's own text export of the plan (a cell per line, rows separated by
an empty line, in-cell breaks on lines without the leading tab). This test rebuilds the
document from it: paragraphs stay paragraphs, each table becomes an HTML table with the same
cells (the 指标名称 header and the name cell of rows without a sub-indicator span two columns,
as in the original), and LibreOffice — not python-docx — writes the .docx. The result is
then read by the .docx reader and compared field by field with the .txt import, and uploaded
through the web review to check that the warnings land on the same cells.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.accounts.models import Role
from ecotrack.core.plandoc import parse_plan
from ecotrack.importers.models import ImportDraft

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)

XILINHOT = (
    Path(__file__).resolve().parents[2]
    / "ecotrack/demo/reference/documents/plan-xilinhot-2023-2030.txt"
)
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")  # anchors the text export adds to headings


def _blocks(lines: list[str]) -> Iterator[tuple[str, Any]]:
    """("p", line) for paragraphs, ("table", rows of cells of lines) for tables."""
    i = 0
    while i < len(lines):
        if not lines[i].startswith("\t"):
            yield "p", lines[i]
            i += 1
            continue
        rows: list[list[list[str]]] = []
        cells: list[list[str]] = []
        while i < len(lines):
            line = lines[i]
            if line.startswith("\t"):
                cells.append([line[1:]])
            elif line == "":
                if cells:
                    rows.append(cells)
                    cells = []
                if i + 1 >= len(lines) or not lines[i + 1].startswith("\t"):
                    i += 1
                    break  # an empty line not followed by a cell ends the table
            elif cells:
                cells[-1].append(line)  # a line break inside the cell
            else:
                break
            i += 1
        if cells:
            rows.append(cells)
        yield "table", rows


def _table_html(rows: list[list[list[str]]]) -> str:
    width = max(len(r) for r in rows)
    name_col = next(
        (k for k, cell in enumerate(rows[0]) if "".join(cell).replace(" ", "") == "指标名称"),
        None,
    )
    out = ['<table border="1">']
    for row in rows:
        out.append("<tr>")
        for k, cell in enumerate(row):
            span = ' colspan="2"' if len(row) < width and k == name_col else ""
            out.append(f"<td{span}>" + "<br>".join(html.escape(c) for c in cell) + "</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def text_export_to_html(text: str) -> str:
    body = []
    for kind, item in _blocks(text.splitlines()):
        if kind == "table":
            body.append(_table_html(item))
        elif item.strip():
            body.append(f"<p>{html.escape(BOOKMARK.sub('', item))}</p>")
    head = '<html><head><meta charset="utf-8"></head><body>'
    return "\n".join([head, *body, "</body></html>"])


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("docx")
    source = work / "plan-xilinhot-2023-2030.html"
    source.write_text(text_export_to_html(XILINHOT.read_text(encoding="utf-8-sig")), "utf-8")
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE, f"-env:UserInstallation=file://{work}/profile", "--headless",
            "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(work), str(source),
        ],
        check=True, capture_output=True,
    )
    return work / "plan-xilinhot-2023-2030.docx"


def test_the_docx_holds_a_real_word_table(docx_path):
    import docx

    document = docx.Document(str(docx_path))
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 45
    assert "w:gridSpan" in document.tables[0]._tbl.xml  # the spanned name cells survived


def test_docx_imports_to_the_same_indicators_as_the_text(docx_path):
    from_text = parse_plan(XILINHOT).to_dict()
    from_docx = parse_plan(docx_path).to_dict()
    for key in ("title", "jurisdiction_name", "period_start", "period_end", "base_year"):
        assert from_docx["plan"][key] == from_text["plan"][key], key
    assert from_docx["plan"]["source_format"] == "docx"
    assert len(from_docx["indicators"]) == len(from_text["indicators"]) == 44
    for t, d in zip(from_text["indicators"], from_docx["indicators"], strict=True):
        for field, value in t.items():
            if field != "source":  # "line 236" in the text, "table 1 row 13" in the docx
                assert d[field] == value, (t["seq"], t["name"], field)
    # The same warnings, only the row references differ.
    strip = re.compile(r", (line \d+|table \d+ row \d+),")
    assert [strip.sub(",", w) for w in from_docx["warnings"]] == [
        strip.sub(",", w) for w in from_text["warnings"]
    ]


@pytest.mark.django_db
def test_docx_upload_shows_warnings_at_the_same_cells(docx_path, client, places, make_user):
    client.force_login(make_user("xilinhot-editor", Role.EDITOR, "152502"))
    for path in (XILINHOT, docx_path):
        document = SimpleUploadedFile(path.name, path.read_bytes())
        response = client.post("/importers/", {"jurisdiction": "152502", "document": document})
        assert response.status_code == 302
    text_draft, docx_draft = ImportDraft.objects.order_by("created_at")
    pages = [client.get(d.get_absolute_url()).content.decode() for d in (text_draft, docx_draft)]
    warned = [sorted(re.findall(r'id="(cell-\d+-\w+)" class="[^"]*warned', p)) for p in pages]
    assert len(warned[0]) == 7 and warned[0] == warned[1]
