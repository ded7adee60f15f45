"""Decode a .txt/.csv export: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

Chinese government exports are often GBK. Strict decoding decides first (a GBK file is
almost never valid UTF-8); charset-normalizer only breaks ties for other encodings, and a
result full of control characters or replacement marks is refused rather than imported.
"""

from __future__ import annotations

import codecs

from .errors import PlanImportError
from .textnorm import is_cjk


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return bad / len(text) < 0.001


def _plausible_script(text: str) -> bool:
    good = sum(1 for ch in text if ch.isascii() or is_cjk(ch))
    return good / len(text) >= 0.9


def decode_bytes(data: bytes, filename: str) -> tuple[str, str]:
    """(text, encoding name); PlanImportError when no encoding gives sensible text."""
    if not data.strip():
        raise PlanImportError(filename, "the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise PlanImportError(filename, "binary data, not a text export (wrong file type?)")
    boms = [
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ]
    for bom, name in boms:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise PlanImportError(filename, f"broken {name} text at byte {exc.start}") from exc
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, name
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        # A single-byte code page decodes any bytes; keep it only if the result reads as
        # ASCII or CJK text, which is what plans are written in.
        if _looks_like_text(text) and _plausible_script(text):
            return text, best.encoding
    raise PlanImportError(
        filename, "cannot tell the text encoding (tried UTF-8, GB18030/GBK); save it as UTF-8"
    )
