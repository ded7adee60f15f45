"""Award checklists: the computation, and how it relates to the percentages Tongliao shows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecotrack.core.cwn import ParsedProfileReport, compute_awards
from ecotrack.core.cwn.awards import tier_percent


def _percents(awards: dict[str, dict[str, dict[str, object]]]) -> dict[str, dict[str, object]]:
    return {m: {t: v["percent"] for t, v in tiers.items()} for m, tiers in awards.items()}


def test_tongliao_facts_give_the_percentages_its_report_shows(
        tongliao: ParsedProfileReport) -> None:
    # Percentages printed in the report, lines 36-90 (see docs/citieswithnature.md for why
    # ecotrack's checklists reproduce them and what that does and does not prove).
    shown = {
        "profile": {"starter": 34, "frontrunner": 100, "star": 0},
        "action_platform": {"starter": 100, "frontrunner": 100, "star": 50},
        "nature_pathway": {"starter": 0, "frontrunner": 0, "star": 0},
        "resources_hub": {"starter": 0, "frontrunner": 0, "star": 0},
    }
    assert _percents(compute_awards(tongliao.award_facts())) == shown


def test_met_and_missing_items_are_named(tongliao: ParsedProfileReport) -> None:
    awards = compute_awards(tongliao.award_facts())
    assert awards["action_platform"]["star"] == {
        "percent": 50, "met": ["ten-actions-described"], "missing": ["target"]}
    assert awards["profile"]["starter"]["missing"] == ["profile-image", "contact"]


def test_a_complete_city_is_star_everywhere() -> None:
    facts = {
        "profile_fields": ["about", "population", "country", "region", "head_of_government",
                           "profile_image", "contact"],
        "about_languages": ["zh", "en"], "achievements": 2, "commitments": 13,
        "action_areas_with_commitments": 3, "actions_with_description": 20, "targets": 4,
        "pathway_steps_with_uploads": 9, "pathway_phases_with_uploads": 3,
        "cbi_components_started": 3, "resources": 12, "resource_languages": 2,
    }
    awards = compute_awards(facts)
    assert all(tier["percent"] == 100 and tier["missing"] == []
               for tiers in awards.values() for tier in tiers.values())


def test_no_facts_means_nothing_is_met() -> None:
    awards = compute_awards({})
    assert all(tier["percent"] == 0 and tier["met"] == []
               for tiers in awards.values() for tier in tiers.values())


@pytest.mark.parametrize("facts", [{"commitments": "13"}, {"commitments": True},
                                   {"profile_fields": "about"}])
def test_facts_of_the_wrong_type_are_rejected(facts: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="award fact"):
        compute_awards(facts)


def test_percent_rounds_up_but_never_to_100_while_something_is_missing() -> None:
    assert tier_percent(1, 3) == 34
    assert tier_percent(2, 3) == 67
    assert tier_percent(1, 2) == 50
    assert tier_percent(0, 5) == 0
    assert tier_percent(199, 200) == 99
    assert tier_percent(4, 4) == 100


@given(total=st.integers(1, 500), data=st.data())
def test_percent_is_monotonic_and_100_only_when_complete(total: int, data: st.DataObject) -> None:
    met = data.draw(st.integers(0, total))
    percent = tier_percent(met, total)
    assert 0 <= percent <= 100
    assert (percent == 100) == (met == total)
    assert (percent == 0) == (met == 0)
    if met < total:
        assert tier_percent(met + 1, total) >= percent
