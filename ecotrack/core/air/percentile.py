"""The percentile of HJ 663 附录A (standards.md §2.3).

Sort ascending X(1)…X(n); k = 1 + (n − 1)·p/100; s = integer part of k;
m_p = X(s) + (X(s+1) − X(s))·(k − s). This equals numpy "linear" / R type 7, and DuckDB's
`quantile_cont` and Spark's `percentile`, which the SQL engines use.
"""

from __future__ import annotations

import math
from collections.abc import Iterable


def hj663_percentile(values: Iterable[float | None], p: float) -> float | None:
    """The p-th percentile (0 ≤ p ≤ 100) of the non-missing values; None if there are none."""
    if not 0 <= p <= 100:
        raise ValueError(f"percentile {p} is outside 0…100")
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return None
    k = 1 + (len(xs) - 1) * p / 100
    s = math.floor(k)
    if s >= len(xs):  # k == n: the largest value
        return xs[-1]
    return xs[s - 1] + (xs[s] - xs[s - 1]) * (k - s)
