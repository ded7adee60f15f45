"""Done-when of issue 5: Xilinhot's 2022 values against its standard values (指标值)
reproduce the plan's own 达标情况 column.

The oracle is the plan itself (its 达标情况 column, written by its authors). Which
indicators cannot be judged from the table was decided by reading the table
(../shared/reference/research/plan-xilinhot-digest.md), not by running this code.
"""

from __future__ import annotations

from ecotrack.plans.models import ObservationSource
from ecotrack.plans.observations import record_observation
from ecotrack.plans.standards import Agreement, agreement_counts, agreement_table, check_plan

# Values that are words or wait for the level above, read off the table:
# 16 「完成上级管控目标」 against 「完成上级管控目标」 (the league set nothing);
# 17 a sentence (227.16万吨标煤, 增速-1.8%, the league passed no target down);
# 18 「31.66*（盟下达目标为50立方米/万元）」 against 「完成上级规定的目标任务；保持稳定或持续改善」;
# 20 usage in 万吨/吨, 「持续降低」, not the rate in % the standard asks for;
# 29 「49（无上级规定目标任务）」 against 「完成上级规定的目标任务」.
NEEDS_AN_OFFICER = {"16", "17", "18", "20", "29"}


def test_xilinhot_2022_against_its_standard_values_reproduces_its_own_column(demo_plans):
    checks = check_plan(demo_plans["152502"], 2022)
    print()
    print(agreement_table(checks))
    counts = agreement_counts(checks)
    assert len(checks) == 35  # the plan: 「共35项考核指标」
    assert counts[Agreement.CONTRADICTS] == 0
    assert counts[Agreement.AGREES] >= 28
    flagged = {c.number for c in checks if c.agreement == Agreement.FLAGGED}
    assert flagged <= NEEDS_AN_OFFICER
    assert counts[Agreement.AGREES] + counts[Agreement.FLAGGED] == 35
    # The plan's three non-达标 verdicts: 1 可达标 (正在制定 → 制定实施), 24 and 26 未达标.
    by_number = {c.number: c for c in checks}
    assert by_number["1"].agreement == Agreement.AGREES
    assert by_number["24"].agreement == Agreement.AGREES
    assert by_number["26"].agreement == Agreement.AGREES


def test_every_flag_says_why_in_both_languages(demo_plans):
    checks = check_plan(demo_plans["152502"], 2022)
    for check in checks:
        if check.agreement != Agreement.FLAGGED:
            continue
        assert "人工判定" in check.reason_zh, check.reason_zh
        assert "officer" in check.reason_en, check.reason_en
    by_number = {c.number: c for c in checks}
    # A value in words is quoted; a reference names the level that owes the target.
    assert "“完成上级管控目标”是文字描述" in by_number["16"].reason_zh
    assert "锡林郭勒盟" in by_number["29"].reason_zh


def test_sub_indicators_without_a_value_are_left_out_and_said_so(demo_plans):
    # 8 水环境质量: 8.1 「保持稳定（…）」, 8.2 and 8.3 「无」.
    check = {c.number: c for c in check_plan(demo_plans["152502"], 2022)}["8"]
    assert check.unvalued == ["8.2", "8.3"]
    assert "8.2、8.3无现状值，未计入" in check.reason_zh


def test_a_corrected_value_changes_the_verdict_and_can_contradict_the_plan(demo_plans,
                                                                          make_user):
    # The comparison is live: if 农村生活污水治理率 had been 55 (≥50), the plan's 未达标
    # would be contradicted, and the table shows it.
    editor = make_user("xilinhot", "editor", "152502")
    sewage = demo_plans["152502"].indicators.get(number="26")
    record_observation(sewage, 2022, 55, ObservationSource.MANUAL, "corrected", editor)
    checks = {c.number: c for c in check_plan(demo_plans["152502"], 2022)}
    assert checks["26"].status.value == "met"
    assert checks["26"].agreement == Agreement.CONTRADICTS
