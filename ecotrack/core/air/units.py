"""Units are checked, not assumed: conversion to the canonical units and plausibility limits."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType

from .errors import AirDataError
from .standards import CANONICAL_UNIT, POLLUTANTS

# Spellings met in files, normalised to two unit codes.
_UNIT_SPELLINGS: Mapping[str, str] = MappingProxyType(
    {
        "µg/m³": "ug/m3", "μg/m³": "ug/m3", "ug/m3": "ug/m3", "µg/m3": "ug/m3",
        "μg/m3": "ug/m3", "ug/m^3": "ug/m3", "ug m-3": "ug/m3", "微克/立方米": "ug/m3",
        "mg/m³": "mg/m3", "mg/m3": "mg/m3", "mg/m^3": "mg/m3", "mg m-3": "mg/m3",
        "毫克/立方米": "mg/m3",
    }
)
_CANONICAL_CODE = {p: _UNIT_SPELLINGS[u] for p, u in CANONICAL_UNIT.items()}
_TO_UG = {"ug/m3": 1.0, "mg/m3": 1000.0}
UNIT_CODES: tuple[str, ...] = tuple(_TO_UG)

# Upper limits of a plausible hourly value in canonical units. They sit far above any
# recorded episode (PM10 in dust storms reaches several thousand µg/m³) but catch unit
# mistakes: CO in µg/m³ labelled mg/m³ gives hundreds to thousands, above the top of the
# CO 1-h IAQI table (150 mg/m³).
PLAUSIBLE_MAX: Mapping[str, float] = MappingProxyType(
    {"so2": 10000.0, "no2": 5000.0, "pm10": 20000.0, "co": 150.0, "o3": 2000.0, "pm25": 10000.0}
)

_POLLUTANT_SPELLINGS: Mapping[str, str] = MappingProxyType(
    {
        "pm25": "pm25", "pm2.5": "pm25", "pm2_5": "pm25", "pm₂.₅": "pm25",
        "pm10": "pm10", "so2": "so2", "no2": "no2", "co": "co", "o3": "o3",
    }
)

# Read-only views for the DuckDB ingest, which generates its SQL lookups from these maps
# (one source for the spellings, whichever reader runs).
UNIT_SPELLINGS = _UNIT_SPELLINGS
POLLUTANT_SPELLINGS = _POLLUTANT_SPELLINGS

MISSING_MARKS = frozenset({"", "na", "nan", "null", "none", "—", "-", "--"})


def pollutant_code(name: str, *, file: str, row: int, field: str) -> str:
    """The engine's code of a pollutant name (PM2.5 → pm25), or an error naming the cell."""
    code = _POLLUTANT_SPELLINGS.get(name.strip().lower())
    if code is None:
        raise AirDataError(
            f"unknown pollutant {name!r} (known: {', '.join(POLLUTANTS)})",
            file=file, row=row, field=field,
        )
    return code


def conversion_factor(pollutant: str, unit: str, *, file: str, row: int, field: str) -> float:
    """Factor that turns a value in `unit` into the canonical unit of `pollutant`."""
    code = _UNIT_SPELLINGS.get(unit.strip().lower())
    if code is None:
        raise AirDataError(
            f"unknown unit {unit!r} for {pollutant} (use µg/m³ or mg/m³)",
            file=file, row=row, field=field,
        )
    return _TO_UG[code] / _TO_UG[_CANONICAL_CODE[pollutant]]


def unit_code(unit: str) -> str | None:
    """The unit code of a spelling (ug/m3 or mg/m3), None if unknown."""
    return _UNIT_SPELLINGS.get(unit.strip().lower())


def pollutant_or_none(name: str) -> str | None:
    return _POLLUTANT_SPELLINGS.get(name.strip().lower())


def classify_value(text: str, pollutant: str, factor: float) -> tuple[float | None, str | None]:
    """One concentration cell → (value in the canonical unit, None) or (None, flag kind).

    A missing mark is (None, None): missing, not flagged. The kinds are those of flags.py.
    """
    stripped = text.strip()
    if stripped.lower() in MISSING_MARKS:
        return None, None
    try:
        value = float(stripped)
    except ValueError:
        return None, "unparseable_number"
    if math.isnan(value):
        return None, None
    if math.isinf(value):
        return None, "implausible"
    if value < 0:
        return None, "negative"
    value *= factor
    if value > PLAUSIBLE_MAX[pollutant]:
        return None, "implausible"
    return value, None
