"""Helpers that look at a PDF the way a reader does: its text, fonts and rendered pages."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.reports.conftest import need


def pdf_text(path: Path, layout: bool = False) -> str:
    args = [need("pdftotext"), *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run([need("pdffonts"), str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    fonts = []
    for line in out[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the last five columns are fixed.
        fonts.append({"name": parts[0], "emb": parts[-5], "uni": parts[-3]})
    return fonts


def render_pages(path: Path, out_dir: Path, dpi: int = 60) -> list[Path]:
    subprocess.run([need("pdftoppm"), "-r", str(dpi), "-png", str(path), str(out_dir / "page")],
                   check=True)
    return sorted(out_dir.glob("page-*.png"))
