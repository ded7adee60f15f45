"""Read an open-data file (XLSX or JSON) back into a dataset, checking every cell against
`spec.py`. Problems are collected, not raised one by one, and each names the file, sheet,
row and field, so a person can fix them all in one pass."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ecotrack.reports.opendata.spec import FORMAT, TABLES, VERSION, Column
from ecotrack.reports.opendata.writers import META_SHEET


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    row: int | None  # spreadsheet row number (header = 1) or JSON row index + 2
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, sheet {self.sheet!r}"
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"


class OpenDataError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _convert(value: Any, column: Column) -> Any:
    """A cell's value as the column's type; ValueError says what was expected."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        if column.required:
            raise ValueError("is required")
        return "" if column.type in ("string", "text") else None
    kind = column.type
    if kind in ("string", "text"):
        text = value if isinstance(value, str) else str(value)
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))  # a code typed as a number in Excel
        if column.choices and text not in column.choices:
            raise ValueError(f"must be one of {', '.join(c for c in column.choices if c)}")
        return text
    if kind == "integer":
        if isinstance(value, bool):
            raise ValueError("must be a whole number")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value.strip())
        raise ValueError(f"must be a whole number, not {value!r}")
    if kind in ("number", "decimal"):
        if isinstance(value, bool):
            raise ValueError("must be a number")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"must be a number, not {value!r}") from None
        return float(number) if kind == "number" else number
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"must be a date YYYY-MM-DD, not {value!r}") from None
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        raise ValueError(f"must be TRUE or FALSE, not {value!r}")
    if kind == "json":
        if isinstance(value, dict | list):
            return value
        try:
            return json.loads(value)
        except (TypeError, json.JSONDecodeError) as exc:
            raise ValueError(f"must be JSON ({exc})") from None
    raise ValueError(f"unknown column type {kind}")


def _check_rows(
    file: str, sheet: str, header: list[str], rows: list[tuple[int, list[Any]]],
    problems: list[Problem],
) -> list[dict[str, Any]]:
    table = next(t for t in TABLES if t.name == sheet)
    missing = [c.name for c in table.columns if c.name not in header]
    unknown = [h for h in header if h and h not in table.column_names]
    for name in missing:
        problems.append(Problem(file, sheet, 1, name, "column is missing from the header row"))
    for name in unknown:
        problems.append(Problem(file, sheet, 1, name, "unknown column"))
    if missing:
        return []
    result = []
    for number, cells in rows:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue  # blank lines at the end of a sheet
        row: dict[str, Any] = {}
        for column in table.columns:
            index = header.index(column.name)
            raw = cells[index] if index < len(cells) else None
            try:
                row[column.name] = _convert(raw, column)
            except ValueError as exc:
                problems.append(Problem(file, sheet, number, column.name, str(exc)))
        result.append(row)
    return result


def _check_meta(file: str, meta: dict[str, Any], problems: list[Problem]) -> None:
    if meta.get("format") != FORMAT:
        problems.append(Problem(file, META_SHEET, None, "format",
                                f"not an ecotrack open-data file (expected {FORMAT!r})"))
    elif str(meta.get("version")) != str(VERSION):
        problems.append(Problem(file, META_SHEET, None, "version",
                                f"version {meta.get('version')} is not supported (only {VERSION})"))


def read_xlsx(path: Path) -> dict[str, Any]:
    from openpyxl import load_workbook

    file = path.name
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a file that is not XLSX
        problem = Problem(file, "", None, "", f"cannot be read as XLSX: {exc}")
        raise OpenDataError([problem]) from exc
    problems: list[Problem] = []
    meta: dict[str, Any] = {}
    if META_SHEET in book.sheetnames:
        for key, value, *_rest in book[META_SHEET].iter_rows(values_only=True):
            if key:
                meta[str(key)] = value
    else:
        problems.append(Problem(file, META_SHEET, None, "", "sheet is missing"))
    _check_meta(file, meta, problems)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        if table.name not in book.sheetnames:
            problems.append(Problem(file, table.name, None, "", "sheet is missing"))
            continue
        rows = list(book[table.name].iter_rows(values_only=True))
        header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else [])]
        numbered = [(i + 2, list(r)) for i, r in enumerate(rows[1:])]
        tables[table.name] = _check_rows(file, table.name, header, numbered, problems)
    book.close()
    if problems:
        raise OpenDataError(problems)
    return {**meta, "tables": tables}


def read_json(path: Path) -> dict[str, Any]:
    file = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OpenDataError([Problem(file, "", None, "", f"is not JSON: {exc}")]) from exc
    problems: list[Problem] = []
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise OpenDataError([Problem(file, "", None, "tables", "no 'tables' object")])
    _check_meta(file, data, problems)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        rows = data["tables"].get(table.name)
        if not isinstance(rows, list):
            problems.append(Problem(file, table.name, None, "", "table is missing"))
            continue
        header = list(table.column_names)
        numbered = [
            (i + 2, [r.get(c) if isinstance(r, dict) else None for c in header])
            for i, r in enumerate(rows)
        ]
        tables[table.name] = _check_rows(file, table.name, header, numbered, problems)
    if problems:
        raise OpenDataError(problems)
    return {**{k: v for k, v in data.items() if k != "tables"}, "tables": tables}


def read_dataset(path: Path) -> dict[str, Any]:
    if path.suffix.lower() == ".json":
        return read_json(path)
    return read_xlsx(path)
