"""The one exception the CitiesWithNature core raises for input it refuses."""

from __future__ import annotations


class ProfileReportError(ValueError):
    """A profile report that must not be imported (unreadable, garbled, not a report).

    The message names the file and, where known, the report section and line, because the
    person reading it has to find the problem in a document, not in our code.
    """

    def __init__(self, source_name: str, message: str, *, section: str | None = None,
                 line: int | None = None) -> None:
        self.source_name = source_name
        self.section = section
        self.line = line
        where = source_name
        if section:
            where += f", section '{section}'"
        if line is not None:
            where += f", line {line}"
        super().__init__(f"{where}: {message}")
