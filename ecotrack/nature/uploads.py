"""What an uploaded resource file really is, judged from its bytes.

The extension is only the uploader's claim: the content decides the type we store and serve,
and the two must agree (a PNG called report.pdf is refused). Office files are ZIP containers,
told apart by their members. Formats that can carry script (SVG, HTML) are not accepted.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    key: str
    content_type: str
    extensions: tuple[str, ...]
    inline: bool  # browsers may show it in place; everything else is downloaded


KINDS = {
    k.key: k
    for k in (
        FileKind("pdf", "application/pdf", (".pdf",), True),
        FileKind("png", "image/png", (".png",), True),
        FileKind("jpeg", "image/jpeg", (".jpg", ".jpeg"), True),
        FileKind("gif", "image/gif", (".gif",), True),
        FileKind("webp", "image/webp", (".webp",), True),
        FileKind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
            False,
        ),
        FileKind(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (".xlsx",),
            False,
        ),
        FileKind("csv", "text/csv; charset=utf-8", (".csv",), False),
    )
}
ACCEPTED_EXTENSIONS = sorted({ext for kind in KINDS.values() for ext in kind.extensions})

_HEAD = 8192


class UploadRejected(ValueError):
    """The file may not be stored; the message is for the person who uploaded it."""


def sniff(stream: IO[bytes]) -> str | None:
    """The kind key of the content, or None when it is none of the accepted kinds."""
    stream.seek(0)
    head = stream.read(_HEAD)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(stream)
    if head and _is_csv_text(head):
        return "csv"
    return None


def _office_kind(stream: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _is_csv_text(head: bytes) -> bool:
    """UTF-8 (or GB18030, common for Chinese spreadsheets) text without control bytes,
    which is not markup a browser would render."""
    if b"\x00" in head:
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            # The head may end inside a multi-byte character.
            if exc.start >= len(head) - 3:
                text = head[: exc.start].decode(encoding, errors="strict")
                break
    else:
        return False
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        return False
    return not text.lstrip().startswith("<")


def check_upload(stream: IO[bytes], name: str, size: int) -> FileKind:
    """The kind of an uploaded file, or UploadRejected saying why it cannot be stored."""
    limit = int(settings.ECOTRACK_UPLOAD_MAX_BYTES)
    if size > limit:
        raise UploadRejected(
            _("The file is %(size)s; files may be at most %(limit)s.")
            % {"size": _megabytes(size), "limit": _megabytes(limit)}
        )
    if size == 0:
        raise UploadRejected(_("The file is empty."))
    extension = PurePath(name).suffix.lower()
    if extension not in ACCEPTED_EXTENSIONS:
        raise UploadRejected(
            _("Files ending in “%(ext)s” are not accepted; accepted: %(accepted)s.")
            % {"ext": extension or "—", "accepted": ", ".join(ACCEPTED_EXTENSIONS)}
        )
    found = sniff(stream)
    if found is None:
        raise UploadRejected(
            _("The content of “%(name)s” is not a PDF, Word, Excel, CSV or image file.")
            % {"name": name}
        )
    kind = KINDS[found]
    if extension not in kind.extensions:
        raise UploadRejected(
            _("“%(name)s” is called %(ext)s but its content is %(kind)s; rename it or upload "
              "the right file.")
            % {"name": name, "ext": extension, "kind": found.upper()}
        )
    return kind


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
