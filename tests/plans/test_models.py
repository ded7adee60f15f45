"""Canonical indicators follow the core library; targets keep text and parsed form."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from ecotrack.core.indicators import load_library
from ecotrack.plans.library import sync_canonical_indicators
from ecotrack.plans.models import CanonicalIndicator, Observation, Target


@pytest.mark.django_db
def test_migration_loaded_every_library_key_and_sync_is_idempotent():
    assert set(CanonicalIndicator.objects.values_list("key", flat=True)) == set(
        load_library().keys()
    )
    assert sync_canonical_indicators() == (0, 0)
    CanonicalIndicator.objects.filter(key="eco.forest_cover").update(name_en="changed")
    assert sync_canonical_indicators() == (0, 1)
    assert CanonicalIndicator.objects.get(key="eco.forest_cover").name_en != "changed"


def test_target_keeps_verbatim_text_and_parsed_reference(demo_plans):
    target = demo_plans["150500"].indicators.get(number="19").targets.get(year=2025)
    assert target.text == "达到自治区考核目标"
    assert target.parsed["kind"] == "reference" and target.parsed["level"] == "region"
    with pytest.raises(IntegrityError):
        Target.objects.create(indicator=target.indicator, year=2025, text="≤15")


def test_an_observation_needs_a_value_or_text(demo_plans):
    indicator = demo_plans["150500"].indicators.get(number="15")
    with pytest.raises(IntegrityError):
        Observation.objects.create(indicator=indicator, year=2024, data_year=2024,
                                   source="manual")


def test_demo_plans_are_linked_for_the_hierarchy(demo_plans):
    region = demo_plans["150000"]
    tongliao = demo_plans["150500"]
    assert region.is_published and tongliao.is_published and demo_plans["152502"].is_published
    shared = set(region.indicators.values_list("canonical__key", flat=True)) & set(
        tongliao.indicators.values_list("canonical__key", flat=True)
    )
    assert len(shared) == 21
    assert region.milestones.count() == 2
