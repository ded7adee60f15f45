from __future__ import annotations

from typing import Any

import pytest

from ecotrack.plans import demo
from ecotrack.plans.models import Plan


@pytest.fixture
def demo_plans(places: Any) -> dict[str, Plan]:
    """The three real demo plans (Inner Mongolia, Tongliao, Xilinhot), by jurisdiction code."""
    demo.load(lambda line: None)
    return {plan.jurisdiction.code: plan for plan in Plan.objects.select_related("jurisdiction")}
