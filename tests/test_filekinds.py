"""The one content detector behind every upload (hub resources, plan documents)."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from ecotrack.core.filekinds import detect_kind, is_plain_text


def _docx() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        ("序号,指标\n1,森林覆盖率\n".encode(), "text"),
        ("序号,指标\n".encode("gb18030"), "text"),
        (b"junk%PDF-1.7\n", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "ole"),
        (b"PK\x03\x04 not really a zip", "zip"),
        (b"MZ\x90\x00", "executable"),
        (b"\x00\x01\x02\x03", "binary"),
    ],
)
def test_kinds_from_signatures(data: bytes, kind: str):
    assert detect_kind(data) == kind


def test_office_files_are_told_apart_by_their_members():
    assert detect_kind(_docx()) == "docx"
    assert detect_kind(_xlsx()) == "xlsx"


def test_plain_text_excludes_markup_and_control_bytes():
    assert is_plain_text("指标,2020年\n".encode("gb18030"))
    assert not is_plain_text(b"<svg onload=alert(1)>")
    assert not is_plain_text(b"a,b\x07\n")
