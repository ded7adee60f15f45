"""Re-assemble free text from a PDF text layer, and tell its language by script."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CJK_RANGES = (
    ("\u3000", "\u303f"),  # CJK punctuation
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\uff00", "\uffef"),  # full-width forms: ，（）：
)
_FUNCTION_WORDS_TEXT = "the and of to in for is are with on by as that this from be it an or at we"
_ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_WORD = re.compile(r"[A-Za-z]+")


def is_cjk(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _CJK_RANGES) or ch in "“”‘’"


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines: no space where either side is CJK (Chinese does not separate words,
    so the PDF broke the line mid-sentence: "东经" / "119°"), one space between Latin words."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(line[0])):
            out += " "
        out += line
    return out


def guess_language(text: str) -> str:
    """'zh' for Chinese, 'en' for English, 'und' when the script alone cannot tell.

    Only by script and function words: enough to label what a city wrote, not to translate.
    """
    han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
    words = _WORD.findall(text)
    latin = sum(len(w) for w in words)
    if han and han >= latin / 4:  # Chinese prose quotes Latin units and names ("CO2", "km2")
        return "zh"
    if words:
        function_words = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS)
        if function_words / len(words) >= 0.1:
            return "en"
    return "und"
