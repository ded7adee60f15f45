"""Done-when of issue 5: Tongliao's 「达到自治区考核目标」 → Inner Mongolia's 「达到国家考核目标」 →
待下达 naming the national level, until the national value is entered; then both resolve."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command

from ecotrack.plans.compliance import assess_indicator, prefetched, resolver_for
from ecotrack.plans.models import PlanIndicator, Target


def _assessment(plan, key):
    # The plan's row for canonical indicator `key`, its 2025 target as known in 2022.
    indicator = prefetched(PlanIndicator.objects.filter(plan=plan, canonical__key=key)).get()
    return assess_indicator(indicator, 2022, resolver_for(None), 2025).selected


def test_entering_the_national_value_resolves_region_and_city(demo_plans, make_user):
    region, city = demo_plans["150000"], demo_plans["150500"]
    key = "air.good_day_ratio"  # Tongliao 1 优良天数比率; Inner Mongolia 优良天数比例
    own = {t.indicator.plan.jurisdiction.code: t.text for t in Target.objects.filter(
        year=2025, indicator__canonical__key=key, indicator__plan__in=[region, city])}
    assert own == {"150500": "达到自治区考核目标", "150000": "达到国家考核目标"}
    for plan in (region, city):
        before = _assessment(plan, key)
        assert before.status.value == "pending"
        assert "中华人民共和国" in before.explanation_zh

    admin = make_user("admin", is_superuser=True)
    call_command("set_target", "100000", "--indicator", key, "--year", "2025",
                 "--target", "≥87.5", "--user", "admin")

    for plan in (region, city):
        after = _assessment(plan, key)
        assert after.status.value != "pending"
        assert after.target.raw == "≥87.5"
        assert after.target_set_by.code == "100000"
        assert "中华人民共和国“≥87.5”" in after.explanation_zh
    national = Target.objects.get(indicator__plan__jurisdiction__code="100000", year=2025)
    assert LogEntry.objects.get_for_object(national).get().actor == admin


def test_a_regional_editor_may_not_set_the_national_value(demo_plans, make_user):
    make_user("im", "editor", "150000")
    before = Target.objects.count()
    with pytest.raises(CommandError, match="may not set targets"):
        call_command("set_target", "100000", "--indicator", "air.good_day_ratio",
                     "--year", "2025", "--target", "≥80", "--user", "im")
    assert Target.objects.count() == before
    assert _assessment(demo_plans["150500"], "air.good_day_ratio").status.value == "pending"


def test_unreadable_target_or_unknown_indicator_is_refused(demo_plans, make_user):
    make_user("admin", is_superuser=True)
    before = Target.objects.count()
    with pytest.raises(CommandError, match="no canonical indicator"):
        call_command("set_target", "100000", "--indicator", "air.nothing", "--year", "2025",
                     "--target", "≥80", "--user", "admin")
    with pytest.raises(CommandError, match="cannot read the target"):
        call_command("set_target", "100000", "--indicator", "air.good_day_ratio",
                     "--year", "2025", "--target", "see the attachment", "--user", "admin")
    assert Target.objects.count() == before


def test_setting_the_same_value_twice_changes_nothing(demo_plans, make_user):
    make_user("admin", is_superuser=True)
    args = ("set_target", "100000", "--indicator", "air.good_day_ratio", "--year", "2025",
            "--target", "≥87.5", "--user", "admin")
    call_command(*args)
    entries = LogEntry.objects.count()
    call_command(*args)
    assert LogEntry.objects.count() == entries
    assert Target.objects.filter(indicator__plan__jurisdiction__code="100000").count() == 1
