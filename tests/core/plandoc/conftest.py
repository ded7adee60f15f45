from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
DOCUMENTS = REPO / "ecotrack" / "demo" / "reference" / "documents"
GOLD = REPO / "tests" / "fixtures" / "gold"

# (plan document in the repo, its gold CSV)
REFERENCE_PLANS = {
    "tongliao": ("plan-tongliao-2021-2025.txt", "indicators-tongliao-2025.csv"),
    "xilinhot": ("plan-xilinhot-2023-2030.txt", "indicators-xilinhot-2030.csv"),
}


@pytest.fixture(scope="session")
def documents_dir() -> Path:
    return DOCUMENTS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD
