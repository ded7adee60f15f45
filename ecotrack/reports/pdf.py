"""HTML → PDF with WeasyPrint: the report stylesheets, running headers and page numbers.

Fonts come from the system through fontconfig (WeasyPrint embeds the glyphs it uses as
subsets), so no font file ships with ecotrack and nothing is fetched from the network.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

STATIC = Path(__file__).resolve().parent / "static" / "reports"
REPORT_CSS = STATIC / "report.css"
PRINT_CSS = STATIC / "print.css"

# WeasyPrint logs every CSS property it ignores; the report stylesheet is shared with
# browsers, so those messages are noise for a command-line user.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_furniture_css() -> str:
    """The translated words around page numbers (a static stylesheet cannot translate)."""
    # Translators keep both placeholders: "第 {page} 页，共 {pages} 页".
    template = _("Page {page} of {pages}")
    parts: list[str] = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(_css_string(piece))
    return f"@page {{ @bottom-right {{ content: {' '.join(parts)}; }} }}"


def html_to_pdf(html: str) -> bytes:
    """Render a report document (already in the report's language) to PDF bytes."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    stylesheets = [
        CSS(filename=str(REPORT_CSS), font_config=font_config),
        CSS(filename=str(PRINT_CSS), font_config=font_config),
        CSS(string=page_furniture_css(), font_config=font_config),
    ]
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    pdf = document.write_pdf(stylesheets=stylesheets, font_config=font_config)
    assert pdf is not None  # write_pdf without a target returns the bytes
    return bytes(pdf)


def inline_css() -> str:
    """The screen stylesheet, for HTML files written to disk that must stand alone."""
    return REPORT_CSS.read_text(encoding="utf-8")
