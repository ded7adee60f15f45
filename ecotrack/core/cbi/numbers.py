"""Exact arithmetic for scoring: band edges such as 7.0% must not be missed by float rounding.

Every number is turned into a `Fraction` from the decimal text the user wrote (floats go through
their shortest repr, so 0.1 becomes exactly 1/10), and all formulas stay in fractions.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def as_exact(value: object) -> Fraction | None:
    """The exact value of a JSON-ish number; None if not a finite number (bools are not numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Decimal):
        return Fraction(value) if value.is_finite() else None
    if isinstance(value, float):
        return Fraction(repr(value)) if math.isfinite(value) else None
    return None


def as_whole(value: object) -> int | None:
    """An integer if the value is a number with no fractional part (3 and 3.0 both qualify)."""
    exact = as_exact(value)
    if exact is None or exact.denominator != 1:
        return None
    return exact.numerator


def to_decimal(value: Fraction, places: int = 6) -> Decimal:
    """A decimal rounded half-up for display and JSON output; scoring never uses it."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def format_number(value: Fraction, places: int = 2) -> str:
    """`46`, `6.9`, or `≈33.33` when the value does not terminate within `places` decimals."""
    scaled = value * 10**places
    shown = to_decimal(value, places).normalize()
    text = f"{shown:f}"
    return text if scaled.denominator == 1 else f"≈{text}"
