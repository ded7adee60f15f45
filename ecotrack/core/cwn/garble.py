"""Decide whether a piece of report text is real prose or garbage from OCR or a wrong decoding.

A profile report's descriptions are free text in whatever language the city wrote. Two kinds
of damage turn up and must be refused rather than imported:

* OCR of a PDF with Chinese text: the engine, lacking a Chinese model, reads the glyphs as
  runs of capital Latin letters ("BIHRENBESRIPNE |, ETFESKRIPLAL"), or as rare CJK characters.
* Mojibake: UTF-8 bytes decoded as Latin-1/cp1252 ("é€šè¾½") or as GBK ("閫氳窘甯").

Each check measures something a clean text of reasonable length never shows, so no language
model or word list is needed. Short texts are not judged: too little evidence either way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

ENCODING = "encoding"
UNREADABLE = "unreadable"

# Enough characters of a script to say anything about it.
MIN_HAN = 20
MIN_LATIN_LETTERS = 40

# Clean Chinese prose (the Tongliao report: 4,439 Han characters) has 0.2 % characters outside
# GB2312 level 1, the 3,755 commonest characters; GBK mojibake of the same text has 87 %.
MAX_RARE_HAN_SHARE = 0.25
# English prose has about 1.4 % consonant pairs that English does not use; OCR garbage of
# Chinese has 14 %. The upper-case condition keeps other Latin-script languages (whose
# clusters differ) from being judged: their prose, too, is mostly lower case.
MAX_ODD_BIGRAM_SHARE = 0.06
MAX_UPPER_SHARE = 0.6
MAX_MOJIBAKE_PAIR_SHARE = 0.05

# A UTF-8 lead byte read as Latin-1/cp1252 followed by a continuation byte read the same way.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_PAIR = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_VOWELS = frozenset("aeiouy")
# Consonant pairs that occur in English words; any other pair counts as odd.
_USUAL_CONSONANT_PAIRS_TEXT = (
    "th sh ch ph wh gh ck ng nd nt nc nk ns nf nv nl nm nr nn nq nx nz st sp sc sk sl sm sn "
    "sw tr pr br cr dr fr gr wr bl cl fl gl pl ll ss tt ff mm pp rr dd gg bb cc zz rt rs rd "
    "rn rm rl rk rc rg rv rp rb rf rh rw lt ld lf lk lm lp ls lv lb lc lr lg ct pt ft mp mb "
    "mn ms xt xp xc bs ts ds gs ks ps cs ws tw dw sq gn kn wn wl bt dl tl dg hr hl hm hn ht "
    "hs hb hd"
)
_USUAL_CONSONANT_PAIRS = frozenset(_USUAL_CONSONANT_PAIRS_TEXT.split())


@dataclass(frozen=True)
class TextQuality:
    """The verdict on one text, with the measurement that decided it."""

    garbled: bool
    reason: str = ""
    # "encoding": the file was decoded wrongly; reading it right recovers everything, so a
    # report with such text is refused whole. "unreadable": the characters themselves are
    # wrong (OCR); nothing can recover them, so only the damaged text is left out.
    kind: str = ""


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _is_common_han(ch: str) -> bool:
    """In GB2312 level 1 (lead bytes 0xB0-0xD7): the characters everyday Chinese uses."""
    try:
        encoded = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xD7


def _broken_characters(text: str) -> int:
    """Replacement characters, C1 controls, unassigned and private-use code points."""
    count = 0
    for ch in text:
        if ch == "\ufffd" or "\u0080" <= ch <= "\u009f" or unicodedata.category(ch) in ("Cn", "Co"):
            count += 1
    return count


def _repairs_to_han(text: str) -> bool:
    """True if re-encoding with a wrong codec and decoding as UTF-8 yields Chinese."""
    for codec in ("cp1252", "latin-1", "gbk"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != text and sum(_is_han(c) for c in repaired) >= MIN_HAN // 2:
            return True
    return False


def _odd_bigram_share(words: list[str]) -> float:
    pairs = odd = 0
    for word in words:
        word = word.lower()
        for a, b in pairwise(word):
            pairs += 1
            if a not in _VOWELS and b not in _VOWELS and a + b not in _USUAL_CONSONANT_PAIRS:
                odd += 1
    return odd / pairs if pairs else 0.0


def assess_text(text: str) -> TextQuality:
    """Judge one free text (a description, the 'About' text, ...)."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return TextQuality(False)

    broken = _broken_characters(text)
    if broken >= 3 and broken / len(visible) > 0.02:
        return TextQuality(True, f"{broken} replacement, control or unassigned characters",
                           ENCODING)

    pairs = len(_MOJIBAKE_PAIR.findall(text))
    if pairs >= 3 and pairs / len(visible) > MAX_MOJIBAKE_PAIR_SHARE:
        return TextQuality(True, f"{pairs} UTF-8-read-as-Latin-1 sequences such as "
                                 f"'{_MOJIBAKE_PAIR.search(text).group()}'",  # type: ignore[union-attr]
                           ENCODING)

    han = [ch for ch in text if _is_han(ch)]
    # Repairable first: a wrong decoding is an encoding problem even if it also looks rare.
    if len(han) >= MIN_HAN // 2 and _repairs_to_han(text):
        return TextQuality(True, "the text turns into Chinese when decoded as UTF-8: "
                                 "it was decoded with the wrong encoding", ENCODING)
    if len(han) >= MIN_HAN:
        rare = sum(not _is_common_han(ch) for ch in han) / len(han)
        if rare > MAX_RARE_HAN_SHARE:
            return TextQuality(True, f"{rare:.0%} of the Chinese characters are rare "
                                     "(clean Chinese text has a few per cent)", UNREADABLE)

    words = _LATIN_WORD.findall(text)
    letters = sum(len(w) for w in words)
    if letters >= MIN_LATIN_LETTERS and letters > len(han):
        upper = sum(ch.isupper() for w in words for ch in w) / letters
        odd = _odd_bigram_share(words)
        if upper > MAX_UPPER_SHARE and odd > MAX_ODD_BIGRAM_SHARE:
            return TextQuality(True, f"{upper:.0%} capital letters and {odd:.0%} letter pairs "
                                     "no word uses: looks like OCR of text in another script",
                               UNREADABLE)
    return TextQuality(False)
