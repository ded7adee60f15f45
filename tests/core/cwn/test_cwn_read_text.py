"""read_report_text: .txt exports and the text layer of PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

from ecotrack.core.cwn import ProfileReportError, read_report_text

from .conftest import CLEAN_REPORT


def test_txt_is_read_as_utf8() -> None:
    text = read_report_text(CLEAN_REPORT)
    assert "通辽市位于内蒙古自治区东部" in text


def test_non_utf8_text_is_refused_with_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("Profile overview\n通辽市".encode("gbk"))
    # Bytes 17-18 are 通 in GBK (CD A8), which happens to be valid UTF-8 too; 辽 (C1 C9) at
    # offset 19 is not.
    with pytest.raises(ProfileReportError, match=r"gbk\.txt: not UTF-8 text \(invalid byte at "
                                                 r"offset 19\)"):
        read_report_text(path)


def test_unsupported_type_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileReportError, match=r"unsupported file type '\.docx'"):
        (tmp_path / "r.docx").write_bytes(b"x")
        read_report_text(tmp_path / "r.docx")
    with pytest.raises(ProfileReportError, match="cannot read the file"):
        read_report_text(tmp_path / "absent.txt")


def _pdf_with_text(path: Path, lines: list[str]) -> None:
    """A one-page PDF whose text layer holds `lines` (ASCII, Helvetica), built by hand."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
        f"({ln}) Tj T*" for ln in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += b"".join(f"{o:010d} 00000 n \n".encode("ascii") for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode("ascii")
    path.write_bytes(out)


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    _pdf_with_text(path, ["Profile overview", "Overview", "2807000", "Population size"])
    text = read_report_text(path)
    assert [ln.strip() for ln in text.splitlines() if ln.strip()] == [
        "Profile overview", "Overview", "2807000", "Population size"]


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ProfileReportError, match=r"scan\.pdf: the PDF has no text layer"):
        read_report_text(path)


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a pdf")
    with pytest.raises(ProfileReportError, match=r"broken\.pdf"):
        read_report_text(path)
