"""Exceptions of the air engine. Every input error names the file, the row and the field."""

from __future__ import annotations


class AirError(Exception):
    """Base class of everything the air engine raises on purpose."""


class AirDataError(AirError):
    """Bad input data: missing column, unparsable number, unknown unit or pollutant, …"""

    def __init__(
        self, message: str, *, file: str | None = None, row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.field = field
        self.reason = message
        where = []
        if file is not None:
            where.append(f"file {file}")
        if row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
