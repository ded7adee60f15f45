"""What an uploaded file really is, from its bytes: the extension is only the user's claim.

A PNG renamed to .docx must be refused before any parser sees it, and an encrypted Office
file (an OLE container, not a ZIP) deserves a clearer message than "no ZIP signature".
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

# Which detected kinds each accepted extension may hold.
ACCEPTED = {
    ".txt": {"text"},
    ".csv": {"text"},
    ".docx": {"docx"},
    ".xlsx": {"xlsx"},
    ".pdf": {"pdf"},
}

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"\x1f\x8b", "archive"),
    (b"MZ", "executable"),
    (b"\x7fELF", "executable"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def detect_kind(data: bytes) -> str:
    """One of: empty, text, pdf, docx, xlsx, zip, ole, png, jpeg, gif, tiff, archive,
    executable, binary."""
    if not data.strip():
        return "empty"
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if b"%PDF-" in data[:1024]:  # the PDF spec allows junk before the header
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_TEXT_BOMS) or b"\x00" not in data[:8192]:
        return "text"
    return "binary"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def extension(filename: str) -> str:
    return Path(filename).suffix.lower()


def content_matches(filename: str, kind: str) -> bool:
    return kind in ACCEPTED.get(extension(filename), set())
