"""Problems with CBI inputs or edition data, reported all at once rather than one at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (indicator, field) and why, in English and Chinese."""

    indicator: str  # indicator key; "" when the problem is with the document as a whole
    field: str  # field name, with [i] for list items; "" when it concerns the whole indicator
    code: str  # stable machine code, e.g. "negative", "part_exceeds_whole", "zero_denominator"
    message: str
    message_zh: str = ""

    @property
    def path(self) -> str:
        """Where the problem sits in an input file, e.g. `indicators.natural_areas.city_area_ha`."""
        parts = ["indicators", self.indicator] if self.indicator else []
        if self.field:
            parts.append(self.field)
        return ".".join(parts) or "(document)"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class CBIInputError(ValueError):
    """Raised instead of returning a partial result: the caller gets every problem in one go."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("CBIInputError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) with the CBI input:\n{lines}")


class EditionError(ValueError):
    """The edition data itself is inconsistent (a bug in the data file, not in the user's input)."""

    def __init__(self, edition: str, issues: Sequence[str]) -> None:
        self.issues: tuple[str, ...] = tuple(issues)
        lines = "\n".join(f"  - {i}" for i in self.issues)
        super().__init__(f"CBI edition {edition!r} is inconsistent:\n{lines}")
