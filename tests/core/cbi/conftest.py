from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ecotrack.core.cbi import Edition, IndicatorResult, load_edition, score_assessment


@pytest.fixture(scope="session")
def ed2021() -> Edition:
    return load_edition("2021")


@pytest.fixture(scope="session")
def ed2014() -> Edition:
    return load_edition("2014")


def score_one(edition: str, key: str, inputs: dict[str, Any]) -> IndicatorResult:
    """Score a single indicator through the public entry point."""
    return score_assessment(edition, {key: inputs}).indicator(key)


def d(text: str) -> Decimal:
    """Exact decimals, as the CLI reads them from JSON (never binary floats)."""
    return Decimal(text)
