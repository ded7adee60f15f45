"""Score bands: which band a value falls in, and whether a band table is well formed.

Three kinds share one shape. Numeric ranges carry explicit lower/upper edges, each inclusive or
exclusive; integer steps (counts, change in species count) are ranges with inclusive integer
edges; ordinal ladders map an answer key to points. Reverse scoring is not a special case: the
points simply fall as the value rises, and the indicator says so in `direction`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from ecotrack.core.cbi.numbers import format_number
from ecotrack.core.cbi.provenance import Provenance

POINTS = frozenset(range(5))


@dataclass(frozen=True)
class Bound:
    value: Fraction
    inclusive: bool


@dataclass(frozen=True)
class Band:
    points: int
    text: str  # as published, e.g. "1.0%–6.9%"
    provenance: Provenance
    lower: Bound | None = None  # None: unbounded below
    upper: Bound | None = None  # None: unbounded above
    answer: str | None = None  # ordinal ladders only
    text_zh: str = ""
    note: str = ""  # how we read the published text where it is ambiguous

    def contains(self, value: Fraction) -> bool:
        if self.lower is not None and (
            value < self.lower.value or (value == self.lower.value and not self.lower.inclusive)
        ):
            return False
        return self.upper is None or not (
            value > self.upper.value or (value == self.upper.value and not self.upper.inclusive)
        )

    def edges_text(self, symbol: str = "value") -> str:
        """The exact rule, e.g. `1 ≤ value < 7`, so a reader sees how gaps were closed."""
        if self.answer is not None:
            return f"answer = {self.answer}"
        if self.lower is not None and self.upper is not None and self.lower == self.upper:
            return f"{symbol} = {format_number(self.lower.value)}"
        left = ""
        if self.lower is not None:
            left = f"{format_number(self.lower.value)} {'≤' if self.lower.inclusive else '<'} "
        right = ""
        if self.upper is not None:
            right = f" {'≤' if self.upper.inclusive else '<'} {format_number(self.upper.value)}"
        return f"{left}{symbol}{right}"


def match_value(bands: Sequence[Band], value: Fraction) -> Band:
    """The one band containing `value`. Tables are checked at load time, so exactly one matches."""
    found = [band for band in bands if band.contains(value)]
    if len(found) != 1:
        raise LookupError(f"{len(found)} bands contain {value}; the band table is not a partition")
    return found[0]


def match_answer(bands: Sequence[Band], answer: str) -> Band | None:
    for band in bands:
        if band.answer == answer:
            return band
    return None


def _lower_key(band: Band) -> tuple[int, Fraction, int]:
    # Unbounded-below first; at equal values an inclusive edge starts earlier than an exclusive one.
    if band.lower is None:
        return (0, Fraction(0), 0)
    return (1, band.lower.value, 0 if band.lower.inclusive else 1)


def _touch(upper: Bound | None, lower: Bound | None, integer: bool) -> bool:
    """Whether two neighbouring bands meet with no gap and no overlap."""
    if upper is None or lower is None:
        return False
    if integer:
        return upper.inclusive and lower.inclusive and lower.value == upper.value + 1
    return upper.value == lower.value and upper.inclusive != lower.inclusive


def check_numeric_bands(bands: Sequence[Band], direction: str, integer: bool) -> list[str]:
    """Problems with a numeric band table: gaps, overlaps, open ends, or points out of order."""
    issues: list[str] = []
    if sorted(b.points for b in bands) != sorted(POINTS):
        issues.append(f"points must be 0, 1, 2, 3, 4 once each, got {[b.points for b in bands]}")
    ordered = sorted(bands, key=_lower_key)
    for band in ordered:
        if band.lower and band.upper and band.lower.value > band.upper.value:
            issues.append(f"band {band.text!r} has its lower edge above its upper edge")
        if integer and any(
            edge is not None and (edge.value.denominator != 1 or not edge.inclusive)
            for edge in (band.lower, band.upper)
        ):
            issues.append(f"band {band.text!r}: integer steps need inclusive whole-number edges")
    if ordered and ordered[0].lower is not None and ordered[0].lower.value > 0:
        issues.append("the lowest band must start at or below 0 (values start at 0)")
    if ordered and ordered[-1].upper is not None:
        issues.append("the highest band must be unbounded above")
    for below, above in pairwise(ordered):
        if not _touch(below.upper, above.lower, integer):
            issues.append(f"bands {below.text!r} and {above.text!r} leave a gap or overlap")
    points = [b.points for b in ordered]
    rising = all(a < b for a, b in pairwise(points))
    falling = all(a > b for a, b in pairwise(points))
    if direction == "higher_is_better" and not rising:
        issues.append(f"points must rise with the value (higher is better), got {points}")
    if direction == "lower_is_better" and not falling:
        issues.append(f"points must fall as the value rises (lower is better), got {points}")
    return issues


def check_ordinal_bands(bands: Sequence[Band]) -> list[str]:
    issues: list[str] = []
    answers = [b.answer for b in bands]
    if any(a is None for a in answers) or len(set(answers)) != len(answers):
        issues.append(f"ordinal answers must be present and unique, got {answers}")
    if sorted(b.points for b in bands) != sorted(POINTS):
        issues.append(f"points must be 0, 1, 2, 3, 4 once each, got {[b.points for b in bands]}")
    return issues
