"""Read a PDF's text layer with pypdf, rebuilding table rows from glyph positions.

pypdf's plain extraction loses cell boundaries. Here each text run keeps its position; runs
on one baseline form a line, and a horizontal gap wider than about one character between
runs becomes a tab — the same tab-separated shape as other PDF text exports, so the tabbed
reader applies. Pages are separated by a blank line (read as a page break inside a table).
"""

from __future__ import annotations

import io
from typing import Any

from .errors import PlanImportError

_GAP_EM = 1.2  # gap (in font sizes) that separates two cells rather than two words


def _page_lines(page: Any) -> list[str]:
    runs: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font_dict: Any, font_size: float) -> None:
        if not text or not text.strip():
            return
        a, _b, _c, d, e, f = tm
        ca, cb, cc, cd, ce, cf = cm
        x = e * ca + f * cc + ce
        y = e * cb + f * cd + cf
        size = abs(font_size * (d or a or 1) * (cd or ca or 1)) or 10.0
        runs.append((round(y, 1), x, size, text))

    page.extract_text(visitor_text=visit)
    runs.sort(key=lambda r: (-r[0], r[1]))
    lines: list[list[tuple[float, float, float, str]]] = []
    for run in runs:
        if lines and abs(lines[-1][0][0] - run[0]) <= run[2] * 0.4:
            lines[-1].append(run)
        else:
            lines.append([run])
    out: list[str] = []
    for line in lines:
        line.sort(key=lambda r: r[1])
        text = ""
        end = None
        for _y, x, size, chunk in line:
            chunk = chunk.replace("\n", " ")
            if end is not None:
                gap = x - end
                text += "\t" if gap > size * _GAP_EM else (" " if gap > size * 0.25 else "")
            text += chunk
            end = x + size * sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in chunk)
        out.append(text)
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
        pages = [_page_lines(page) for page in reader.pages]
    except PlanImportError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PlanImportError(filename, f"not a readable PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        message = f"not a readable PDF ({type(exc).__name__}: {exc})"
        raise PlanImportError(filename, message) from exc
    if not pages:
        raise PlanImportError(filename, "the PDF has no pages")
    if sum(len("".join(p).strip()) for p in pages) < 20:
        raise PlanImportError(
            filename, "scanned PDF without text layer, run OCR first (no extractable text)"
        )
    return "\n\n".join("\n".join(p) for p in pages)
