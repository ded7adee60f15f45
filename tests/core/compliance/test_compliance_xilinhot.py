"""The engine against the Xilinhot plan's own 达标情况 column (an outside oracle).

For each row whose 2025 target is judged without help from above, the 2022
status cell is turned into an observation and assessed as of 2022 against the
2025 target. The plan's authors wrote 达标 / 可达标 / 未达标 by hand; the
engine must agree. Rows the engine cannot judge from the table alone are
listed with the reason, and must come out 无数据 (never a guess).
"""

from __future__ import annotations

import csv
from pathlib import Path

from compliance_fixtures import NO_TARGETS_ABOVE, XILINHOT_CHAIN

from ecotrack.core.compliance import IndicatorCase, IndicatorSpec, Status, assess
from ecotrack.core.compliance import observation_from_cell as observe
from ecotrack.core.indicators import Direction
from ecotrack.core.targets import ParseContext, parse_target

ROOT = Path(__file__).resolve().parents[3]
XILINHOT = ROOT / "tests/fixtures/gold/indicators-xilinhot-2030.csv"
CONTEXT = ParseContext(mark_years={"*": 2021})  # 注：*标注为2021年数据

# Every numeric row of this table is a floor (≥ or a bare 100 on a rate);
# the rows with no unit are states. Labelled by reading the table.
STATUS_BY_LABEL = {"达标": Status.MET, "可达标": Status.ON_TRACK, "未达标": Status.NOT_MET}

# Rows the table alone cannot settle, and why (hand-written).
NOT_JUDGEABLE = {
    # 无 here means "there are none" (the text says no such water bodies); the
    # parser reads 无 as no data, so the engine cannot say 达标 on its own.
    "劣 V 类水体比例下降幅度": "2022 cell 无 (none exist); the plan read it as 达标",
    "黑臭水体消除比例": "2022 cell 无 (none exist); the plan read it as 达标",
    "特有性或指示性水生物种保持率": "2022 cell 无: no observation",
    "化肥利用率": "2022 cell reports usage in 万吨, not the rate (the plan used a proxy)",
    "农药利用率": "2022 cell reports usage in 吨, not the rate (the plan used a proxy)",
}


def _filled(row: dict[str, str]) -> dict[str, str]:
    """Apply the transcriber's inferred fills for vertically merged cells."""
    out = dict(row)
    for item in filter(None, row["inferred_fill_for_blank_cells"].split(";")):
        field, _, value = item.strip().partition("=")
        if field in out and not out[field] and "UNCERTAIN" not in value:
            out[field] = value.strip()
    return out


def _rows() -> list[dict[str, str]]:
    with XILINHOT.open(encoding="utf-8", newline="") as handle:
        return [_filled(row) for row in csv.DictReader(handle)]


def _judged_rows() -> list[tuple[str, dict[str, str], Status]]:
    results = []
    for row in _rows():
        target = parse_target(row["target_2025"], CONTEXT)
        if any(leaf.kind.value == "reference" for leaf in target.iter_leaves()):
            continue  # needs the league's targets, which the table does not give
        unit = row["unit"] if row["unit"] not in ("", "-") else None
        direction = Direction.HIGHER_BETTER if unit else Direction.TARGET_STATE
        name = row["sub_indicator"] or row["indicator"]
        observation = observe(row["value_2022"], 2022, "锡林浩特市创建规划", CONTEXT, unit=unit)
        case = IndicatorCase(
            IndicatorSpec(name, direction, unit or ""),
            XILINHOT_CHAIN,
            {2025: target},
            (observation,) if observation else (),
        )
        results.append((name, row, assess(case, 2025, NO_TARGETS_ABOVE, as_of=2022).status))
    return results


def test_engine_agrees_with_the_plans_own_compliance_column() -> None:
    disagreements = []
    checked = 0
    for name, row, status in _judged_rows():
        if name in NOT_JUDGEABLE:
            continue
        expected = STATUS_BY_LABEL.get(row["compliance"])
        if expected is None:
            continue  # compliance cell blank and not inferred
        checked += 1
        if status is not expected:
            disagreements.append((name, row["target_2025"], row["value_2022"], status, expected))
    assert disagreements == []
    assert checked >= 25


def test_rows_the_table_cannot_settle_are_no_data() -> None:
    statuses = {name: status for name, _row, status in _judged_rows()}
    for name in NOT_JUDGEABLE:
        assert statuses[name] is Status.NO_DATA, name


def test_the_two_rows_the_plan_reports_as_not_met() -> None:
    # 经评估，35项指标中，2项指标尚未达到考核要求（村镇饮用水卫生合格率、农村生活污水治理率）
    not_met = {name for name, _row, status in _judged_rows() if status is Status.NOT_MET}
    assert not_met == {"村镇饮用水卫生合格率", "农村生活污水治理率"}
