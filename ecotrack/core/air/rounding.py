"""Rounding rules: GB/T 8170 for concentrations, ceiling for IAQI/AQI (HJ 633 §6.2 / §4.2.6).

Both work on binary floats the same way in Python and in the generated SQL (see `sql.py`), so
the engines agree to the last digit: the value is first snapped to 6 decimals of the target
unit, which removes summation noise (e.g. 0.35 summed as 0.34999999999999997) but keeps every
real difference in data that have at most a few decimals.
"""

from __future__ import annotations

import math

SNAP_DECIMALS = 6  # noise removed before a rounding decision
CEIL_SNAP_DECIMALS = 9  # noise removed before the IAQI ceiling (standards.md §6.6)


def gbt8170_round(value: float, decimals: int) -> float:
    """Round half to even (GB/T 8170 "四舍六入五成双") to `decimals` places."""
    scale = 10**decimals
    scaled = round(value * scale, SNAP_DECIMALS)
    lower = math.floor(scaled)
    # A tie goes to the even neighbour; anything else to the nearest.
    result = lower + (lower % 2) if scaled - lower == 0.5 else math.floor(scaled + 0.5)
    return result / scale


def ceil_index(value: float) -> int:
    """Ceiling of an IAQI/AQI value ("全部进位取整数"), ignoring float artefacts."""
    return math.ceil(round(value, CEIL_SNAP_DECIMALS))
