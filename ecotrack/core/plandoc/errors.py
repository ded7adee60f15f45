"""The one exception an import raises: everything the user can fix is a PlanImportError."""

from __future__ import annotations


class PlanImportError(Exception):
    """A plan document that cannot be imported, with where the problem is.

    The message always names the file; `row` and `field` are set when the problem is tied
    to one cell of a table, so a user can find it in the source document.
    """

    def __init__(
        self,
        filename: str,
        message: str,
        *,
        row: int | str | None = None,
        field: str | None = None,
    ) -> None:
        self.filename = filename
        self.reason = message
        self.row = row
        self.field = field
        where = ""
        if row is not None:
            where += f", row {row}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{filename}{where}: {message}")
