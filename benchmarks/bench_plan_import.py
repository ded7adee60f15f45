"""Whole plan import — parse and store in the database — against the parser alone.

The issue asks a 150 KB plan to import in under 2 s. bench_plandoc.py times the parser alone;
this times what an officer waits for (`ecotrack import-plan`): parse, match indicators, parse
targets, store plan, indicators, targets and baseline observations in one transaction, with
the audit trail writing an entry per row. Inputs: the two real plans (87 KB, 21 indicators;
99 KB, 44 indicators) and a generated table-heavy 150 KB plan (~950 indicators), which is far
denser in indicators than any real plan and shows the per-indicator cost of storing.

Run with `make bench` (database: SQLite under pytest-django, or PostgreSQL via DATABASE_URL).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from benchmarks.bench_plandoc import generated_plan
from ecotrack.audit.context import command_actor
from ecotrack.core.plandoc import parse_plan
from ecotrack.places.loading import load_bundled
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.models import Plan
from ecotrack.plans.storing import store_parsed_plan

DOCS = Path(__file__).resolve().parents[1] / "ecotrack" / "demo" / "reference" / "documents"
PLANS = {
    "tongliao-87KB": (DOCS / "plan-tongliao-2021-2025.txt").read_bytes(),
    "xilinhot-99KB": (DOCS / "plan-xilinhot-2023-2030.txt").read_bytes(),
    "generated-150KB": generated_plan().encode("utf-8"),
}


@pytest.fixture
def city(db: Any) -> Jurisdiction:
    load_bundled()
    return Jurisdiction.objects.get(code="150500")


def _import(city: Jurisdiction, data: bytes) -> int:
    parsed = parse_plan(data, "plan.txt")
    with command_actor("bench"):
        result = store_parsed_plan(parsed, city, source=data, user=None)
    return len(parsed.indicators) if result else 0


@pytest.mark.parametrize("name", list(PLANS))
def test_parse_only(benchmark: BenchmarkFixture, name: str) -> None:
    benchmark.group = f"plan-import {name}"
    parsed = benchmark(parse_plan, PLANS[name], "plan.txt")
    assert parsed.indicators


@pytest.mark.parametrize("name", list(PLANS))
def test_parse_and_store(benchmark: BenchmarkFixture, city: Jurisdiction, name: str) -> None:
    benchmark.group = f"plan-import {name}"

    def fresh() -> tuple[tuple[Jurisdiction, bytes], dict[str, Any]]:
        Plan.objects.filter(jurisdiction=city).delete()
        return (city, PLANS[name]), {}

    count = benchmark.pedantic(_import, setup=fresh, rounds=3)
    assert count > 0
    assert Plan.objects.filter(jurisdiction=city).count() == 1
