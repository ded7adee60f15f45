"""Get a profile report's text from a file: a .txt export or a PDF's own text layer."""

from __future__ import annotations

from pathlib import Path

from .errors import ProfileReportError


def read_report_text(path: str | Path) -> str:
    """The report's text. PDFs are read through their text layer (pypdf), never OCR'd."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProfileReportError(str(path), f"cannot read the file: {exc.strerror}") from exc
    if suffix == ".txt":
        return _decode_text(data, str(path))
    if suffix == ".pdf":
        return _pdf_text(path)
    raise ProfileReportError(str(path), f"unsupported file type '{suffix or '(none)'}'; "
                                        "give the report as .pdf or .txt")


def _decode_text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileReportError(name, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                                       "save the report as UTF-8") from exc


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader  # imported here: only PDF imports need it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise ProfileReportError(str(path), f"cannot read the PDF: {exc}") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise ProfileReportError(str(path), "the PDF has no text layer (a scan?); ecotrack "
                                            "does not OCR reports, export the report again")
    return text
