"""IAQI, AQI, category and primary pollutant (HJ 633—2012 §5-6, HJ 633—2026 §4-5).

Formula (1): IAQI_P = (IAQI_Hi − IAQI_Lo)/(BP_Hi − BP_Lo)·(C_P − BP_Lo) + IAQI_Lo, with the
segments continuous (no EPA-style offsets), then rounded up to an integer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from .rounding import ceil_index
from .standards import CATEGORIES, ITEM_LABEL, AqiStandard, Category

TOP_IAQI = 500  # a concentration above the last row of a full table is reported as 500


class NotFromThisItem(ValueError):
    """HJ 633—2012 notes 2-3: this concentration is not indexed; use `fallback` instead."""

    def __init__(self, item: str, fallback: str, standard: AqiStandard) -> None:
        self.item = item
        self.fallback = fallback
        super().__init__(
            f"{standard.title}: {item} above 800 is not indexed from this item; "
            f"the IAQI of {fallback} is reported instead"
        )


def iaqi(item: str, concentration: float, standard: AqiStandard) -> int:
    """Individual air quality index of one item (concentration already rounded if wanted)."""
    if concentration < 0:
        raise ValueError(f"{item}: negative concentration {concentration}")
    table = standard.iaqi_table(item)
    top_c, top_i = table[-1]
    if concentration > top_c:
        if top_i == TOP_IAQI:
            return TOP_IAQI
        # Truncated columns: SO2 1-h stops at 800 (IAQI 200), O3 8-h at 800 (IAQI 300).
        rule = standard.so2_1h_above_800 if item == "so2_1h" else standard.o3_8h_above_800
        if rule == "iaqi_200":
            return 200
        if rule == "iaqi_300":
            return 300
        raise NotFromThisItem(item, "so2_24h" if rule == "use_24h" else "o3_1h", standard)
    for (c_lo, i_lo), (c_hi, i_hi) in pairwise(table):
        if concentration <= c_hi:
            # Multiply before dividing: exact for integer data, so a true integer stays one.
            return ceil_index((i_hi - i_lo) * (concentration - c_lo) / (c_hi - c_lo) + i_lo)
    raise AssertionError("unreachable: concentration within the table")  # pragma: no cover


def category_of(aqi: int) -> Category:
    """The AQI category (级别/类别/颜色) of an AQI value."""
    for category in CATEGORIES:
        if category.aqi_max is None or aqi <= category.aqi_max:
            return category
    raise AssertionError("unreachable: the last category is open")  # pragma: no cover


@dataclass(frozen=True)
class AqiResult:
    """The AQI of one place and period, with how it was obtained."""

    standard: str
    iaqi: Mapping[str, int | None]
    aqi: int | None  # None: not valid (NA)
    complete: bool  # every item of the set had a concentration
    primary: tuple[str, ...] = ()
    substituted: Mapping[str, str] = field(default_factory=dict)

    @property
    def category(self) -> Category | None:
        return None if self.aqi is None else category_of(self.aqi)


def aqi_of(concentrations: Mapping[str, float | None], standard: AqiStandard) -> AqiResult:
    """AQI = max(IAQI) over the given items, with the special cases and completeness rule.

    `concentrations` maps items (e.g. the standard's `daily_items`) to concentrations or None
    for missing. Under HJ 633—2026 §5.3.1 an incomplete set still has a valid AQI when the
    other items give an AQI above 100; under HJ 633—2012 an incomplete set has none.
    """
    iaqis: dict[str, int | None] = {}
    substituted: dict[str, str] = {}
    for item, c in concentrations.items():
        if c is None:
            iaqis[item] = None
            continue
        try:
            iaqis[item] = iaqi(item, c, standard)
        except NotFromThisItem as exc:
            if exc.fallback not in concentrations:
                raise ValueError(f"{exc}: give {exc.fallback} in the same set") from exc
            # The fallback item is in the set and its IAQI speaks for this pollutant.
            substituted[item] = exc.fallback
            iaqis[item] = None
    complete = all(c is not None for c in concentrations.values())
    present = [v for v in iaqis.values() if v is not None]
    value = max(present) if present else None
    if value is not None and not complete:
        threshold = standard.partial_day_valid_above
        if threshold is None or value <= threshold:
            value = None
    if value is not None:
        value = max(value, standard.aqi_min)
    primary: tuple[str, ...] = ()
    if value is not None and value > 50:  # 首要污染物 only when AQI > 50; ties all listed
        primary = tuple(ITEM_LABEL[item] for item, v in iaqis.items() if v == value)
    return AqiResult(standard.code, iaqis, value, complete, primary, substituted)
