"""Whitespace normalisation of cell text, including rejoining Chinese words broken by spaces.

Chinese is written without spaces, so a space between two ideographs is always a layout
artefact (letter-spaced category cells, line wraps inside a cell). PDF text layers add a
second kind: a gap wherever the font switches between CJK and Latin glyphs (「好于 III 类」),
so for text that came from a PDF a gap next to any CJK character is dropped too. Spaces
between two Latin/digit tokens (「PM 2.5」) are the author's and are kept.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2002-\u200b\u3000]+")


def is_cjk(ch: str) -> bool:
    """Ideographs and the punctuation that is set in CJK text (full-width forms, 「」“” …)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= code <= 0x2FA1F  # extensions B.. and compatibility supplement
        or 0x3000 <= code <= 0x303F  # CJK symbols and punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or ch in "“”‘’—…·"
    )


def _sticky(ch: str) -> bool:
    # Comparators and slashes glue to their operand: 「≥ 25」, 「起/ 每万枚」 in PDF text.
    return ch in "≥≤＞＜><=/%（）()"


def normalize_cell(text: str | None, *, from_pdf: bool = False) -> str:
    """Collapse whitespace and drop the gaps that are layout artefacts (see module doc)."""
    if not text:
        return ""
    text = _WS.sub(" ", text).strip()
    if " " not in text:
        return text
    out: list[str] = []
    parts = text.split(" ")
    for i, part in enumerate(parts):
        if i and out and part:
            left, right = out[-1][-1], part[0]
            both_cjk = is_cjk(left) and is_cjk(right)
            pdf_gap = from_pdf and (
                is_cjk(left) or is_cjk(right) or _sticky(left) or _sticky(right)
            )
            if not (both_cjk or pdf_gap):
                out.append(" ")
        out.append(part)
    return "".join(out)


def compact(text: str) -> str:
    """A key for matching header words and names: NFKC, no whitespace, lower case.

    NFKC folds full-width letters, digits and brackets (`（％）` → `(%)`), which is what
    tolerant header matching needs.
    """
    return _WS.sub("", unicodedata.normalize("NFKC", text)).lower()


def digits_only(text: str) -> int | None:
    """A sequence number, tolerating the inner spaces PDF extraction leaves (「1 4」)."""
    t = _WS.sub("", unicodedata.normalize("NFKC", text)).rstrip(".、")
    return int(t) if t.isdigit() and len(t) <= 4 else None
