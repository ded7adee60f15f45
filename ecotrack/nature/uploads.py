"""What an uploaded resource file really is, judged from its bytes.

The extension is only the uploader's claim: the content decides the type we store and serve,
and the two must agree (a PNG called report.pdf is refused). Office files are ZIP containers,
told apart by their members. Formats that can carry script (SVG, HTML) are not accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from ecotrack.core.filekinds import detect_kind, is_plain_text


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


class UploadRejected(ValueError):
    """The file may not be stored; the message is for the person who uploaded it."""


def sniff(stream: IO[bytes]) -> str | None:
    """The kind key of the content, or None when it is none of the accepted kinds."""
    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    found = detect_kind(data)
    if found == "text":
        return "csv" if is_plain_text(data) else None
    return found if found in KINDS else None


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
