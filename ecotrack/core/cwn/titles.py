"""Compare titles as printed in a report with titles in the reference data.

PDF text layers break long titles over lines, swap straight and curly quotes and sometimes
drop or add a final full stop, so titles are compared in a normalised form.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")
_SPACE_AROUND_HYPHEN = re.compile(r"\s*-\s*")


def normalize_title(title: str) -> str:
    """Case-, space- and punctuation-tolerant form used as a lookup key."""
    text = unicodedata.normalize("NFKC", title).translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip()
    text = _SPACE_AROUND_HYPHEN.sub("-", text)
    return text.rstrip(".:;").strip().casefold()


def squeeze_title(title: str) -> str:
    """Letters and digits only: a second chance for titles whose spaces the PDF lost."""
    return "".join(ch for ch in normalize_title(title) if ch.isalnum())
