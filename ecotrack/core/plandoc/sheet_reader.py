"""Read the CSV/XLSX template (docs/plan-import.md): optional `key, value` metadata rows,
then one header row, then one row per indicator or sub-indicator.

Headers are matched by header.py, so Chinese or English names, synonyms, extra spaces and
full-width characters all work. Unlike a document, a template is data someone typed on
purpose: a row that cannot be read stops the import with its row and field.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from .blocks import Block, Document, RawRow, RawTable
from .encoding import decode_bytes
from .errors import PlanImportError
from .header import is_header_row
from .model import PlanMeta
from .places import sheet_row
from .textnorm import compact

META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "规划名称", "标题", "名称", "plantitle"),
    "jurisdiction_name": (
        "jurisdiction", "地区", "行政区", "行政区划", "jurisdictionname", "place",
    ),
    "period_start": ("periodstart", "起始年", "开始年份", "start"),
    "period_end": ("periodend", "终止年", "结束年份", "end"),
    "base_year": ("baseyear", "基准年", "基年"),
    "issuing_body": ("issuingbody", "发布机关", "印发单位", "issuer"),
    "issued_date": ("issueddate", "发布日期", "印发日期", "date"),
}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)


def _meta_key(text: str) -> str | None:
    key = compact(text).replace("_", "").replace(" ", "").rstrip(":：")
    for field, names in META_KEYS.items():
        if key in names:
            return field
    return None


def _read_rows(
    rows: list[list[str]], filename: str, sheet: str | None,
) -> tuple[PlanMeta, RawTable]:
    meta = PlanMeta()
    for i, cells in enumerate(rows):
        filled = [c for c in cells if c.strip()]
        field = _meta_key(filled[0]) if len(filled) == 2 else None
        if field is None and is_header_row(cells):
            table_rows = [
                RawRow(c, sheet_row(j + 1, sheet)) for j, c in enumerate(rows[i:], start=i)
            ]
            table = RawTable(table_rows, "sheet", sheet_row(i + 1, sheet))
            return meta, table
        if field is not None:
            value = filled[1].strip()
            if field in ("period_start", "period_end", "base_year"):
                if not value.isdigit():
                    message = f"not a year: {value!r}"
                    raise PlanImportError(filename, message, row=i + 1, field=field)
                setattr(meta, field, int(value))
            else:
                setattr(meta, field, value)
    raise PlanImportError(
        filename,
        "no header row found: the template needs at least an indicator name column "
        "(指标/indicator) and one of baseline/target/attribute (see docs/plan-import.md)",
    )


def read_csv(data: bytes, filename: str) -> tuple[PlanMeta, Document]:
    text, _ = decode_bytes(data, filename)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    rows = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    meta, table = _read_rows(rows, filename, None)
    blocks: list[Block] = [table]
    return meta, Document(blocks, "sheet", filename)


def read_xlsx(data: bytes, filename: str) -> tuple[PlanMeta, Document]:
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PlanImportError(filename, f"not a readable .xlsx file ({exc})") from exc
    except Exception as exc:  # openpyxl raises assorted types on damaged packages
        raise PlanImportError(filename, f"not a readable .xlsx file ({exc})") from exc
    meta = PlanMeta()
    blocks: list[Block] = []
    last_error: PlanImportError | None = None
    for sheet in book.worksheets:
        rows = [[_cell(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        try:
            sheet_meta, table = _read_rows(rows, filename, sheet.title)
        except PlanImportError as exc:
            last_error = exc
            # A sheet of `key, value` pairs only carries plan metadata.
            _merge(meta, _meta_only(rows, filename))
            continue
        _merge(meta, sheet_meta)
        blocks.append(table)
    book.close()
    if not blocks:
        raise last_error or PlanImportError(filename, "the workbook has no sheets")
    return meta, Document(blocks, "sheet", filename)


def _meta_only(rows: list[list[str]], filename: str) -> PlanMeta:
    try:
        meta, _ = _read_rows([*rows, ["指标", "目标值"]], filename, "")
    except PlanImportError:
        return PlanMeta()
    return meta


def _merge(into: PlanMeta, other: PlanMeta) -> None:
    for key, value in vars(other).items():
        if value and not getattr(into, key):
            setattr(into, key, value)
