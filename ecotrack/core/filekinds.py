"""What a file really is, from its bytes. An extension is only the uploader's claim.

One detector for every upload in ecotrack (hub resources, plan documents, profile images):
a PNG renamed to .docx is recognised as a PNG, an encrypted Office file (an OLE container,
not a ZIP) is told apart from a damaged one, and Office files are ZIP containers told apart
by their members.
"""

from __future__ import annotations

import io
import zipfile

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
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
_HEAD = 8192

KINDS = (
    "empty", "text", "pdf", "docx", "xlsx", "zip", "ole", "png", "jpeg", "gif", "webp",
    "tiff", "archive", "executable", "binary",
)


def detect_kind(data: bytes) -> str:
    """One of KINDS. ZIP-based kinds need the whole file (the member list is at its end)."""
    if not data.strip():
        return "empty"
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if b"%PDF-" in data[:1024]:  # the PDF specification allows junk before the header
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_TEXT_BOMS) or b"\x00" not in data[:_HEAD]:
        return "text"
    return "binary"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def is_plain_text(data: bytes) -> bool:
    """Text in UTF-8 or GB18030 (common for Chinese spreadsheets) without control bytes,
    which is not markup a browser would render (HTML and SVG can carry script)."""
    head = data[:_HEAD]
    if b"\x00" in head:
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 3:  # the head may end inside a multi-byte character
                text = head[: exc.start].decode(encoding, errors="strict")
                break
    else:
        return False
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        return False
    return not text.lstrip().startswith("<")
