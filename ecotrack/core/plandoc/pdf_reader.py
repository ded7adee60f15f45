"""Read a PDF's text layer with pypdf and rebuild table rows as tab-separated lines.

pypdf's layout mode keeps each glyph run at its horizontal position. Runs separated by two
or more spaces are cells; within a block of such lines, the line with the most cells gives
the column positions and every cell goes to the column its midpoint falls in, so empty
cells survive as empty fields. The result has the shape of other PDF text exports (one row
per line, tabs between cells, a blank line between pages), so the tabbed reader applies.
"""

from __future__ import annotations

import io
import re
import unicodedata

from .errors import PlanImportError

_SEGMENT = re.compile(r"\S+(?: \S+)*")


def _width(text: str) -> int:
    # Layout mode spaces text by glyph width: a CJK glyph takes two columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _segments(line: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SEGMENT.finditer(line):
        start = _width(line[: m.start()])
        out.append((start, start + _width(m.group()), m.group()))
    return out


def _tabify_block(lines: list[str]) -> list[str]:
    segs = [_segments(line) for line in lines]
    anchors = [s[0] for s in max(segs, key=len)]
    out = []
    for line_segs in segs:
        cells = [""] * len(anchors)
        for start, end, text in line_segs:
            mid = (start + end) / 2
            col = max((i for i, a in enumerate(anchors) if a <= mid + 1), default=0)
            cells[col] = f"{cells[col]} {text}".strip()
        out.append("\t".join(cells))
    return out


def layout_to_tabbed(page_text: str) -> list[str]:
    """Lines of one page; runs of lines with 3+ cells become tab-separated rows."""
    lines = [line.rstrip() for line in page_text.splitlines() if line.strip()]
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if len(_segments(line)) >= 3 or (block and len(_segments(line)) >= 2):
            block.append(line)
            continue
        if len(block) >= 2:
            out.extend(_tabify_block(block))
        else:
            out.extend(b.strip() for b in block)
        block = []
        if line:
            out.append(line.strip())
    return out


def read_pdf_text(data: bytes, filename: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # missing crypto backend or unknown algorithm
                message = f"encrypted PDF ({exc}); remove the password first"
                raise PlanImportError(filename, message) from exc
            if not ok:
                raise PlanImportError(filename, "encrypted PDF; remove the password first")
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
    except PlanImportError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PlanImportError(filename, f"not a readable PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        message = f"not a readable PDF ({type(exc).__name__}: {exc})"
        raise PlanImportError(filename, message) from exc
    if not pages:
        raise PlanImportError(filename, "the PDF has no pages")
    if sum(len(p.strip()) for p in pages) < 20:
        raise PlanImportError(
            filename, "scanned PDF without text layer, run OCR first (no extractable text)"
        )
    return "\n\n".join("\n".join(layout_to_tabbed(p)) for p in pages)
