"""`parse_plan`: one entry point for every supported format."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .blocks import Document
from .docx_reader import read_docx
from .encoding import decode_bytes
from .errors import PlanImportError
from .footnotes import attach_footnotes, split_footnotes
from .metadata import extract_metadata
from .model import Indicator, ParsedPlan, PlanMeta
from .pdf_reader import read_pdf_text
from .places import table_label
from .projects import extract_projects
from .sheet_reader import read_csv, read_xlsx
from .tables import read_table
from .textreader import read_text

MAX_BYTES = 50 * 1024 * 1024
FORMATS = (".txt", ".docx", ".pdf", ".xlsx", ".csv")


def _load(source: str | Path | bytes, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        if not filename:
            raise PlanImportError("<bytes>", "a file name is needed to tell the format")
        return bytes(source), filename
    path = Path(source)
    name = filename or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanImportError(name, f"file too large ({size} bytes; limit {MAX_BYTES})")
        return path.read_bytes(), name
    except FileNotFoundError as exc:
        raise PlanImportError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise PlanImportError(name, "is a directory, not a file") from exc
    except OSError as exc:
        raise PlanImportError(name, f"cannot read the file ({exc.strerror})") from exc


def _document(data: bytes, filename: str) -> tuple[Document, PlanMeta | None]:
    ext = Path(filename).suffix.lower()
    if not data.strip():
        raise PlanImportError(filename, "the file is empty")
    if ext == ".txt":
        text, _ = decode_bytes(data, filename)
        return read_text(text, filename), None
    if ext == ".docx":
        if not data.startswith(b"PK"):
            raise PlanImportError(filename, "not a .docx file (no ZIP signature)")
        return read_docx(data, filename), None
    if ext == ".pdf":
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise PlanImportError(filename, "not a PDF file (no %PDF header)")
        return read_text(read_pdf_text(data, filename), filename), None
    if ext == ".xlsx":
        if not data.startswith(b"PK"):
            raise PlanImportError(filename, "not an .xlsx file (no ZIP signature)")
        meta, doc = read_xlsx(data, filename)
        return doc, meta
    if ext == ".csv":
        meta, doc = read_csv(data, filename)
        return doc, meta
    hint = " (save .doc/.xls as .docx/.xlsx first)" if ext in (".doc", ".xls", ".wps") else ""
    raise PlanImportError(
        filename, f"unsupported format {ext or '(none)'}{hint}; use one of {', '.join(FORMATS)}"
    )


def parse_plan(source: str | Path | bytes, filename: str | None = None) -> ParsedPlan:
    """Parse a plan document; raises PlanImportError (never anything else) on bad input."""
    data, name = _load(source, filename)
    try:
        return _parse(data, name)
    except PlanImportError:
        raise
    except RecursionError as exc:
        raise PlanImportError(name, "document structure too deeply nested") from exc
    except Exception as exc:  # a parser bug must still not reach the user as a traceback
        message = f"unexpected {type(exc).__name__} while reading: {exc}"
        raise PlanImportError(name, message) from exc


def _parse(data: bytes, name: str) -> ParsedPlan:
    doc, sheet_meta = _document(data, name)
    from_pdf = doc.origin == "pdf"
    indicators: list[Indicator] = []
    warnings: list[str] = []
    labels: list[str] = []
    for number, table in enumerate(doc.tables, start=1):
        label = table_label(number, table.caption)
        result = read_table(table, label, name)
        if result is None or not result.indicators:
            continue
        labels.append(label)
        notes = split_footnotes(table.footnotes, from_pdf=from_pdf)
        _, note_warnings = attach_footnotes(notes, result.indicators, label)
        indicators.extend(result.indicators)
        warnings.extend(result.warnings)
        warnings.extend(note_warnings)
    if not indicators:
        raise PlanImportError(
            name,
            "no indicator table found (a table needs a header with an indicator name column "
            "and a baseline, target, standard or attribute column)",
        )
    meta = sheet_meta or extract_metadata(doc.paragraphs, from_pdf=from_pdf)
    meta.filename = name
    meta.source_format = Path(name).suffix.lower().lstrip(".")
    if meta.base_year is None:
        years = Counter(i.baseline.year for i in indicators if i.baseline and i.baseline.year)
        if years:
            meta.base_year = years.most_common(1)[0][0]
    for field in ("title", "jurisdiction_name", "period_start"):
        if getattr(meta, field) is None:
            warnings.append(f"plan metadata: {field} not found")
    projects = extract_projects(doc.blocks, from_pdf=from_pdf)
    return ParsedPlan(meta, indicators, projects, warnings, labels)
