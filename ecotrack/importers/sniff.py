"""What an uploaded file really is, from its bytes: the extension is only the user's claim.

A PNG renamed to .docx must be refused before any parser sees it, and an encrypted Office
file (an OLE container, not a ZIP) deserves a clearer message than "no ZIP signature".
"""

from __future__ import annotations

from pathlib import Path

from ecotrack.core.filekinds import detect_kind

__all__ = ["ACCEPTED", "content_matches", "detect_kind", "extension"]

# Which detected kinds each accepted extension may hold.
ACCEPTED = {
    ".txt": {"text"},
    ".csv": {"text"},
    ".docx": {"docx"},
    ".xlsx": {"xlsx"},
    ".pdf": {"pdf"},
}

def extension(filename: str) -> str:
    return Path(filename).suffix.lower()


def content_matches(filename: str, kind: str) -> bool:
    return kind in ACCEPTED.get(extension(filename), set())
