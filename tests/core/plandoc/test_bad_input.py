"""Bad input always ends in one PlanImportError naming the file — never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ecotrack.core.plandoc import PlanImportError, parse_plan

from . import builders
from .conftest import DOCUMENTS
from .pdfgen import build_pdf


def _error(data: bytes, name: str) -> PlanImportError:
    with pytest.raises(PlanImportError) as info:
        parse_plan(data, name)
    assert name in str(info.value)
    return info.value


@pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.pdf", "a.xlsx", "a.csv"])
def test_empty_file(name: str) -> None:
    assert "empty" in str(_error(b"", name))


def test_truncated_docx() -> None:
    data = builders.build_docx()
    assert "docx" in str(_error(data[: len(data) // 2], "cut.docx"))


def test_truncated_xlsx() -> None:
    data = builders.build_xlsx()
    assert "xlsx" in str(_error(data[: len(data) // 2], "cut.xlsx"))


@pytest.mark.parametrize("name", ["junk.txt", "junk.docx", "junk.pdf", "junk.xlsx", "junk.csv"])
def test_binary_garbage(name: str) -> None:
    garbage = bytes((i * 97 + 13) % 256 for i in range(4000))
    _error(garbage, name)


def test_pdf_header_with_garbage_body() -> None:
    _error(b"%PDF-1.7\n" + bytes(range(256)) * 8, "broken.pdf")


def test_encrypted_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(builders.build_pdf_plan())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "encrypted" in str(_error(out.getvalue(), "locked.pdf"))


def test_pdf_without_text_layer() -> None:
    assert "OCR" in str(_error(build_pdf([[]]), "scan.pdf"))


def test_wrong_encoding() -> None:
    # Bytes that are neither UTF-8 nor GB18030 (0xFF never starts a GB18030 character).
    data = "指标\t单位\n".encode() + b"\xff\xfe\xff" * 50 + b"\x81"
    assert "encoding" in str(_error(data, "odd.txt"))


def test_no_indicator_table() -> None:
    data = (DOCUMENTS / "cwn-profile-tongliao.txt").read_bytes()
    assert "no indicator table" in str(_error(data, "profile.txt"))


def test_garbled_ocr_text_has_no_table() -> None:
    data = (DOCUMENTS / "cwn-profile-tongliao-ocr.txt").read_bytes()
    _error(data, "ocr.txt")


def test_unsupported_format() -> None:
    assert ".docx" in str(_error(b"\xd0\xcf\x11\xe0 old word", "plan.doc"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanImportError, match="no such file"):
        parse_plan(tmp_path / "nope.docx")


def test_template_bad_cell_names_row_and_field() -> None:
    rows = builders.template_rows()
    rows[-1][0] = "five"  # the seq of the last indicator
    text = "\n".join(",".join(r) for r in rows).encode()
    error = _error(text, "plan.csv")
    assert error.field == "seq"
    assert error.row is not None and str(len(rows)) in str(error.row)


def test_template_without_header() -> None:
    assert "header" in str(_error(b"a,b\n1,2\n", "plan.csv"))
