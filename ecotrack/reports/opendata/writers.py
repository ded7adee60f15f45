"""Write an open-data dataset as JSON, XLSX (one sheet per table) or CSV (one file per table,
in a folder or a ZIP). All three carry the same rows and column names."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from ecotrack.reports.opendata.spec import TABLES

META_SHEET = "meta"
META_KEYS = ("format", "version", "jurisdiction", "exported_at", "published_only")


def _cell(value: Any, type_: str) -> Any:
    """Spreadsheet/CSV form: JSON columns as JSON text, booleans as TRUE/FALSE, None empty."""
    if value is None:
        return None
    if type_ == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def to_json(dataset: dict[str, Any]) -> bytes:
    return json.dumps(dataset, ensure_ascii=False, indent=2).encode("utf-8")


def to_xlsx(dataset: dict[str, Any]) -> bytes:
    book = Workbook()
    meta = book.active
    meta.title = META_SHEET
    for key in META_KEYS:
        meta.append([key, dataset[key]])
    meta.column_dimensions["A"].width = 16
    meta.column_dimensions["B"].width = 40
    for table in TABLES:
        sheet = book.create_sheet(table.name)
        sheet.append(list(table.column_names))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in dataset["tables"][table.name]:
            sheet.append([_cell(row.get(c.name), c.type) for c in table.columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_text(dataset: dict[str, Any], name: str) -> str:
    table = next(t for t in TABLES if t.name == name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in dataset["tables"][name]:
        writer.writerow(
            ["" if (v := _cell(row.get(c.name), c.type)) is None else v for c in table.columns]
        )
    return out.getvalue()


def csv_files(dataset: dict[str, Any]) -> dict[str, bytes]:
    """{file name: content}: meta.json and one UTF-8 (with BOM, for Excel) CSV per table."""
    files = {"meta.json": json.dumps({k: dataset[k] for k in META_KEYS}, ensure_ascii=False,
                                     indent=2).encode("utf-8")}
    for table in TABLES:
        files[f"{table.name}.csv"] = _csv_text(dataset, table.name).encode("utf-8-sig")
    return files


def to_zip(dataset: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in csv_files(dataset).items():
            archive.writestr(f"{dataset['jurisdiction']}/{name}", content)
    return buffer.getvalue()


def write_csv_folder(dataset: dict[str, Any], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in csv_files(dataset).items():
        (folder / name).write_bytes(content)
