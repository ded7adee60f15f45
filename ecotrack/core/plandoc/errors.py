"""The one exception an import raises: everything the user can fix is a PlanImportError."""

from __future__ import annotations


class PlanImportError(Exception):
    """A plan document that cannot be imported, with where the problem is.

    The message always names the file; `row` and `field` are set when the problem is tied
    to one cell of a table, so a user can find it in the source document. `row` is a row
    number, or a reference the readers built that already says what it counts ("row 8",
    "sheet 'Indicators' row 8", "line 96"): `location` prints either once ("row 8").
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
        if self.location:
            where += f", {self.location}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{filename}{where}: {message}")

    @property
    def location(self) -> str:
        """Where the problem is, e.g. "row 8" or "line 96"; "" when not tied to a row."""
        if self.row is None:
            return ""
        text = str(self.row).strip()
        return f"row {text}" if text.isdigit() else text
