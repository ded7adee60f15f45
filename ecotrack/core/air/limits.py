"""GB 3095 concentration limits (二级, the class that applies to cities) as versioned data.

Source: reference/research/standards.md §2.2 — GB 3095—2026 Table 1 [V1: the standard's text];
GB 3095—2012 二级 [R: from memory of the 2012 text, equal to the 2026 transition column except
PM10 70/150 and PM2.5 35/75]. The keys are those of the annual block of the engine's output,
so a page can set each annual statistic against its limit. Annual statistics compare with:
the annual limit (PM2.5, PM10, SO2, NO2), the 24-h limit (CO P95) and the daily max 8-h
limit (O3 8-h P90) — HJ 663 annual evaluation items (standards.md §2.3).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class LimitSet:
    code: str
    title: str
    column: str  # which column of the table
    provenance: str  # [V1] verified against the text / [R] recollection
    annual: Mapping[str, float]  # annual-block key → limit (µg/m³; CO mg/m³)


GB3095_2012 = LimitSet(
    code="gb3095-2012", title="GB 3095—2012", column="二级", provenance="R",
    annual=MappingProxyType({"PM2.5": 35, "PM10": 70, "SO2": 60, "NO2": 40, "CO_p95": 4,
                             "O3_8h_p90": 160}),
)
GB3095_2026_TRANSITION = LimitSet(
    code="gb3095-2026-transition", title="GB 3095—2026", column="过渡阶段 二级",
    provenance="V1",
    annual=MappingProxyType({"PM2.5": 30, "PM10": 60, "SO2": 60, "NO2": 40, "CO_p95": 4,
                             "O3_8h_p90": 160}),
)
GB3095_2026_FINAL = LimitSet(
    code="gb3095-2026-final", title="GB 3095—2026", column="最终阶段 二级", provenance="V1",
    annual=MappingProxyType({"PM2.5": 25, "PM10": 50, "SO2": 20, "NO2": 30, "CO_p95": 4,
                             "O3_8h_p90": 160}),
)
LIMIT_SETS: tuple[LimitSet, ...] = (GB3095_2012, GB3095_2026_TRANSITION, GB3095_2026_FINAL)
UNITS: Mapping[str, str] = MappingProxyType(
    {"PM2.5": "µg/m³", "PM10": "µg/m³", "SO2": "µg/m³", "NO2": "µg/m³", "CO_p95": "mg/m³",
     "O3_8h_p90": "µg/m³"}
)


def compare(annual: Mapping[str, float | int | None]) -> list[dict[str, Any]]:
    """Each annual statistic with every limit set: value, limit, meets (None without value)."""
    rows = []
    for key, unit in UNITS.items():
        value = annual.get(key)
        rows.append({
            "key": key, "unit": unit, "value": value,
            "limits": [
                {"set": s.code, "title": s.title, "column": s.column,
                 "provenance": s.provenance, "limit": s.annual[key],
                 "meets": None if value is None else value <= s.annual[key]}
                for s in LIMIT_SETS
            ],
        })
    return rows
