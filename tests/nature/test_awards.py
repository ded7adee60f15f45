"""Profile awards computed by the core's checklists from a city's stored data."""

from __future__ import annotations

from decimal import Decimal

from ecotrack.nature import awards, cbi_link, content
from ecotrack.nature.models import ActionEntry, Resource, ResourceStep, Target


def computed(place, user=None) -> dict[str, dict[str, int]]:
    seen = content.load(place, user)
    modules = awards.awards(seen, cbi_link.latest_assessment(place, user))
    return {m.key: {t.key: t.percent for t in m.tiers} for m in modules}


def test_imported_tongliao_data_gives_the_percentages_printed_in_the_report(tongliao):
    assert computed(tongliao.jurisdiction) == {
        "profile": {"starter": 34, "frontrunner": 100, "star": 0},
        "action_platform": {"starter": 100, "frontrunner": 100, "star": 50},
        "nature_pathway": {"starter": 0, "frontrunner": 0, "star": 0},
        "resources_hub": {"starter": 0, "frontrunner": 0, "star": 0},
    }


def test_a_target_and_linked_resources_raise_the_awards(tongliao):
    place = tongliao.jurisdiction
    action = ActionEntry.objects.get(action_key="increase-protected-areas")
    Target.objects.create(
        jurisdiction=place,
        action=action,
        metric="自然保护地面积",
        unit="km²",
        direction="increase",
        baseline_year=2020,
        baseline_value=Decimal("5000"),
        target_year=2025,
        target_value=Decimal("6000"),
        is_published=True,
    )
    for n, step in enumerate(("commit-mobilize", "develop-strategy", "advocate-inspire")):
        resource = Resource.objects.create(
            jurisdiction=place,
            title=f"资料 {n}",
            kind="plan",
            language="zh-hans",
            link="https://example.org/",
            is_published=True,
        )
        ResourceStep.objects.create(resource=resource, step_key=step)
    result = computed(place)
    assert result["action_platform"]["star"] == 100
    # One step in each of the three phases: Starter and the "every phase" Frontrunner item.
    assert result["nature_pathway"] == {"starter": 100, "frontrunner": 50, "star": 0}
    assert result["resources_hub"] == {"starter": 100, "frontrunner": 100, "star": 0}


def test_unpublished_content_does_not_count_for_the_public(tongliao, make_user):
    place = tongliao.jurisdiction
    ActionEntry.objects.filter(jurisdiction=place).update(is_published=False)
    assert computed(place)["action_platform"] == {"starter": 50, "frontrunner": 50, "star": 0}
    reviewer = make_user("region", "reviewer", "150000")
    assert computed(place, reviewer)["action_platform"]["star"] == 50


def test_awards_page_says_what_each_tier_requires_and_what_is_missing(english, tongliao):
    page = english.get("/nature/150500/awards/").content.decode()
    assert "City profile" in page and "Nature Pathway" in page
    assert "Starter profile: 34% complete" in page
    assert "Missing:</span> A profile image or logo is uploaded" in page
    assert "Done:</span> Country and world region are set" in page
    assert "Missing:</span> At least one quantified target is set" in page
    assert "Shown in the report: 34%" in page


def test_contact_image_and_achievements_complete_the_profile_tiers(tongliao):
    from django.core.files.base import ContentFile

    from ecotrack.places.models import Profile

    profile = Profile.objects.get(jurisdiction=tongliao.jurisdiction)
    profile.contact_name = "通辽市生态环境局"
    profile.image.save("city.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=False)
    profile.save()
    # Starter needs location, image and contact: all three now filled (was 1 of 3 → 34 %).
    assert computed(tongliao.jurisdiction)["profile"]["starter"] == 100
    star_before = computed(tongliao.jurisdiction)["profile"]["star"]
    profile.achievements = "国家生态文明建设示范区"
    profile.save()
    assert computed(tongliao.jurisdiction)["profile"]["star"] > star_before
