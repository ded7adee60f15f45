"""Compliance of the real demo plans, computed by the core engine through the database.

Expected statuses come from reading the plans' own tables (the verbatim targets and
baselines), not from running this code.
"""

from __future__ import annotations

import re

from ecotrack.plans.compliance import assess_indicator, assess_plan, resolver_for
from ecotrack.plans.models import ObservationSource
from ecotrack.plans.observations import record_observation


def _row(plan, number, as_of, year=None):
    indicator = plan.indicators.get(number=number)
    return assess_indicator(indicator, as_of, resolver_for(None), year)


def test_tongliao_reference_to_the_region_is_judged_by_the_regions_target(demo_plans):
    tongliao = demo_plans["150500"]
    # Tongliao 19 地下水质量Ⅴ类比例: 2025 target 「达到自治区考核目标」, baseline 20 (2020);
    # Inner Mongolia 19 地下水质量Ⅴ类水体比例: 2025 target 「≤17」.
    row = _row(tongliao, "19", as_of=2022, year=2025)
    assessment = row.selected
    assert assessment.target.raw == "≤17"
    assert assessment.target_set_by.code == "150000"
    assert assessment.status.value == "not_met"  # 20 > 17, and no trend from one point
    assert "内蒙古自治区“≤17”" in assessment.explanation_zh
    assert "通辽市“达到自治区考核目标”" in assessment.explanation_zh


def test_reference_the_region_passes_up_is_pending_and_names_the_nation(demo_plans):
    tongliao = demo_plans["150500"]
    # Tongliao 1 (优良天数比率) → region 「达到国家考核目标」 → no national plan stored.
    assessment = _row(tongliao, "1", as_of=2022, year=2025).selected
    assert assessment.status.value == "pending"
    assert "中华人民共和国" in assessment.explanation_zh
    assert "China" in assessment.explanation_en or "People's Republic" in assessment.explanation_en


def test_reference_to_a_parent_without_a_plan_is_pending_naming_the_league(demo_plans):
    xilinhot = demo_plans["152502"]
    # Xilinhot 17 单位地区生产总值能耗: 「完成上级规定的目标任务」; 锡林郭勒盟 has no plan.
    assessment = _row(xilinhot, "17", as_of=2022, year=2025).selected
    assert assessment.status.value == "pending"
    assert "锡林郭勒盟" in assessment.explanation_zh


def test_xilinhot_agrees_with_its_own_compliance_column_where_it_can_judge(demo_plans):
    xilinhot = demo_plans["152502"]
    rows = {r.indicator.number: r for r in assess_plan(xilinhot, as_of=2022, year=2030)}
    # The plan says 未达标 for 24 (村镇饮用水 66 vs 100) and 26 (农村污水 26* vs ≥50),
    # 可达标 for 1 (正在制定 → 实施).
    assert rows["24"].status == "not_met"
    assert rows["26"].status == "not_met"
    assert rows["1"].status == "on_track"
    judged = [r for r in rows.values() if r.status in ("met", "not_met", "on_track")]
    stated = {"达标": "met", "未达标": "not_met", "可达标": "on_track"}
    disagree = [
        r.indicator.number for r in judged
        if stated.get(r.indicator.plan_compliance_text) not in (None, r.status)
    ]
    assert disagree == []


def test_marked_baseline_keeps_its_own_data_year(demo_plans):
    # 林草覆盖率 「90.86*」 in the 2022 column; 注：*标注为2021年数据.
    indicator = demo_plans["152502"].indicators.get(number="10")
    observation = indicator.observations.get()
    assert (observation.year, observation.data_year, observation.value) == (2022, 2021, 90.86)
    assert observation.marks == "*"


def test_entering_the_final_year_value_changes_the_status(demo_plans, make_user):
    editor = make_user("tongliao", "editor", "150500")
    tongliao = demo_plans["150500"]
    forest = tongliao.indicators.get(number="15")  # 森林覆盖率, target ≥25
    assert _row(tongliao, "15", as_of=2026, year=2025).status == "no_data"
    record_observation(forest, 2025, 25.3, ObservationSource.MANUAL, "林草部门统计", editor)
    assert _row(tongliao, "15", as_of=2026, year=2025).status == "met"
    record_observation(forest, 2025, 24.1, ObservationSource.MANUAL, "corrected", editor)
    row = _row(tongliao, "15", as_of=2026, year=2025)
    assert row.status == "not_met"
    assert "24.1" in row.selected.explanation_zh


def test_early_warning_before_the_deadline_uses_the_trend(demo_plans, make_user):
    editor = make_user("xilinhot", "editor", "152502")
    xilinhot = demo_plans["152502"]
    water = xilinhot.indicators.get(number="24")  # 村镇饮用水卫生合格率 66 (2022), target 100
    for year, value in ((2023, 76), (2024, 86)):
        record_observation(water, year, value, ObservationSource.MANUAL, "", editor)
    # +10 a year from 86 in 2024 reaches 100 well before 2030.
    row = _row(xilinhot, "24", as_of=2024, year=2030)
    assert row.status == "on_track"
    assert row.selected.outlook.value == "on_track"


def test_no_explanation_of_the_demo_plans_prints_a_state_key(demo_plans):
    # Every indicator of the three plans, every target year, as known in every year of the
    # period: the explanations in both languages name states (正在制定, 不降低), not keys.
    from ecotrack.core import compliance as engine
    from ecotrack.core.targets.vocabulary import load_states
    from ecotrack.plans.compliance import build_case, prefetched

    word = re.compile(r"[a-z_]+")
    zh_keys = {state.key for state in load_states().states}
    en_keys = {state.key for state in load_states().states if state.key != state.en}
    resolver = resolver_for(None)
    seen = 0
    qualitative = 0
    for plan in demo_plans.values():
        for indicator in prefetched(plan.indicators.all()):
            case = build_case(indicator)
            for as_of in range(plan.period_start - 1, (plan.period_end or 2030) + 2):
                for a in engine.assess_all(case, resolver, as_of):
                    seen += 1
                    qualitative += a.rule.startswith(("state.", "ladder.", "compare."))
                    found = [w for w in word.findall(a.explanation_zh) if w in zh_keys]
                    found += [w for w in word.findall(a.explanation_en) if w in en_keys]
                    assert found == [], (plan.title, indicator.number, a.explanation_zh)
    assert seen > 1000 and qualitative > 0


def test_a_text_only_observation_is_explained_as_written(demo_plans):
    """Xilinhot 17 (单位地区生产总值能耗) reports its 2022 value in words: the explanation
    quotes it instead of printing "observation:" followed by nothing."""
    from ecotrack.plans.standards import check_plan

    energy = demo_plans["152502"].indicators.get(number="17")
    text = energy.observations.get().text
    assert text.startswith("227.16万吨标煤")
    (check,) = [c for c in check_plan(demo_plans["152502"], 2022) if c.number == "17"]
    (row,) = check.rows
    # the engine's own explanation (not only the officer flag) names the value
    explained_zh, explained_en = row.assessment.explanation_zh, row.assessment.explanation_en
    assert f"“{text}”" in explained_zh and f"'{text}' (as written)" in explained_en
    assert "observation:  (" not in explained_en and "观测值：（" not in explained_zh
