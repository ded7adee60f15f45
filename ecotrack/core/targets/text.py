"""Text normalisation shared by the target parser and the indicator matcher.

Plan tables come out of PDF and DOCX extraction with full-width ASCII, stray
spaces inside words, Unicode Roman numerals and several spellings of the same
symbol. Everything that compares text goes through :func:`normalise` first so
that the parsers only ever see one spelling.
"""

from __future__ import annotations

import re

# Full-width ASCII (U+FF01..U+FF5E) maps onto ASCII by a fixed offset; the
# ideographic space becomes a plain space. Done by table, not NFKC, because
# NFKC would also flatten circled digits (①) that are meaningful marks.
_FULLWIDTH: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20

_REPLACEMENTS: dict[str, str] = {
    "≧": "≥",
    "≦": "≤",
    "⩾": "≥",
    "⩽": "≤",
    "−": "-",  # U+2212 minus sign
    "〔": "[",
    "〕": "]",
    "【": "[",
    "】": "]",
    "［": "[",
    "］": "]",
    "µ": "μ",  # micro sign -> Greek mu
    "²": "2",
    "³": "3",
    "₂": "2",
    "₅": "5",
    "．": ".",
    "Ⅰ": "I",
    "Ⅱ": "II",
    "Ⅲ": "III",
    "Ⅳ": "IV",
    "Ⅴ": "V",
    "Ⅵ": "VI",
    "ⅰ": "I",
    "ⅱ": "II",
    "ⅲ": "III",
    "ⅳ": "IV",
    "ⅴ": "V",
}
_SYMBOLS: dict[int, str | int] = {**_FULLWIDTH}
_SYMBOLS.update({ord(src): dst for src, dst in _REPLACEMENTS.items()})

_WHITESPACE = re.compile(r"\s+")

# Dash-like characters used for "no data" cells and for ranges.
DASHES = "—–―─‐‑‒-~～"


def normalise(text: str) -> str:
    """Fold width, symbol spellings and whitespace; keep meaning-bearing marks.

    Whitespace is removed entirely: in extracted Chinese tables spaces are
    layout artefacts (``达到自治区 考核目标``, ``PM 2.5``), never separators.
    """
    folded = text.translate(_SYMBOLS)
    folded = folded.replace(">=", "≥").replace("<=", "≤")
    return _WHITESPACE.sub("", folded)
