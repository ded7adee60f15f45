"""Each compliance rule on hand-made cases; expected statuses are worked out by hand."""

from __future__ import annotations

import pytest
from compliance_fixtures import (
    INNER_MONGOLIA,
    NATION,
    NO_TARGETS_ABOVE,
    TONGLIAO,
    TONGLIAO_CHAIN,
    XILINGOL,
    XILINHOT_CHAIN,
    resolver_from,
)

from ecotrack.core.compliance import (
    IndicatorCase,
    IndicatorSpec,
    Jurisdiction,
    Observation,
    Override,
    QualState,
    Status,
    TargetResolver,
    TrajectoryPolicy,
    assess,
    assess_all,
    observation_from_cell,
)
from ecotrack.core.indicators import Direction, Measure
from ecotrack.core.targets import GovLevel, ParseContext, parse_target

HIGHER = IndicatorSpec("eco.forest_cover", Direction.HIGHER_BETTER, "%")
LOWER = IndicatorSpec("water.groundwater_class_v_ratio", Direction.LOWER_BETTER, "%")
STATE = IndicatorSpec("eco.redline", Direction.TARGET_STATE)


def case(
    indicator: IndicatorSpec,
    targets: dict[int, str],
    observations: tuple[Observation, ...] = (),
    chain: tuple[Jurisdiction, ...] = TONGLIAO_CHAIN,
    base_year: int | None = None,
    overrides: dict[int, Override] | None = None,
) -> IndicatorCase:
    return IndicatorCase(
        indicator=indicator,
        chain=chain,
        targets={year: parse_target(raw) for year, raw in targets.items()},
        observations=observations,
        base_year=base_year,
        overrides=overrides or {},
    )


def status_of(
    c: IndicatorCase,
    year: int = 2025,
    as_of: int = 2025,
    resolver: TargetResolver = NO_TARGETS_ABOVE,
) -> Status:
    return assess(c, year, resolver, as_of).status


def obs(year: int, value: float | None = None, *states: str, **extra: object) -> Observation:
    return Observation(
        data_year=year,
        value=value,
        states=tuple(QualState(s) for s in states),
        **extra,  # type: ignore[arg-type]
    )


# --- statuses -------------------------------------------------------------------------------


def test_status_labels_in_both_languages() -> None:
    assert [s.zh for s in Status] == ["达标", "可达标", "未达标", "待下达", "无数据"]
    assert Status.ON_TRACK.en == "on track"
    assert Status.PENDING.en.startswith("target still to come")


# --- numeric --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "target", "value", "expected"),
    [
        (HIGHER, "≥25", 25, Status.MET),  # equal to the target meets it
        (HIGHER, "≥25", 24.99, Status.NOT_MET),
        (HIGHER, ">25", 25, Status.NOT_MET),
        (HIGHER, "100", 100, Status.MET),  # bare value: at least, for higher-is-better
        (HIGHER, "100", 99.5, Status.NOT_MET),
        (HIGHER, "稳定在45", 45.3, Status.MET),
        (HIGHER, "稳定在45", 44.9, Status.NOT_MET),
        (HIGHER, "90以上", 90, Status.MET),
        (LOWER, "≤17", 17, Status.MET),
        (LOWER, "≤17", 17.01, Status.NOT_MET),
        (LOWER, "0", 0, Status.MET),  # bare value: at most, for lower-is-better
        (LOWER, "0", 0.1, Status.NOT_MET),
        (LOWER, "<5", 4.9, Status.MET),
        (HIGHER, "20～30", 30, Status.MET),
        (HIGHER, "20～30", 31, Status.NOT_MET),
        (HIGHER, "35左右", 36.5, Status.MET),  # within the 5 % default band
        (HIGHER, "35左右", 37, Status.NOT_MET),
    ],
)
def test_numeric_targets(
    indicator: IndicatorSpec, target: str, value: float, expected: Status
) -> None:
    assert status_of(case(indicator, {2025: target}, (obs(2025, value),))) is expected


def test_no_observation_for_the_target_year_is_no_data() -> None:
    c = case(HIGHER, {2025: "≥25"}, (obs(2024, 30),))
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2026)
    assert result.status is Status.NO_DATA
    assert "没有观测值" in result.explanation_zh


def test_missing_or_empty_target_is_no_data() -> None:
    assert status_of(case(HIGHER, {}, (obs(2025, 30),))) is Status.NO_DATA
    assert status_of(case(HIGHER, {2025: "——"}, (obs(2025, 30),))) is Status.NO_DATA


def test_explanation_names_target_observation_and_rule() -> None:
    c = case(HIGHER, {2025: "≥25"}, (obs(2025, 23.5, source="林草局统计"),))
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is Status.NOT_MET
    assert result.rule == "numeric.ge"
    for text in ("通辽市“≥25”", "23.5%", "2025年数据", "林草局统计", "numeric.ge", "未达标"):
        assert text in result.explanation_zh
    for text in ("Tongliao '≥25'", "23.5%", "data year 2025", "numeric.ge", "not met"):
        assert text in result.explanation_en


# --- marks and data years -------------------------------------------------------------------


def test_starred_value_is_other_year_data_filed_under_the_column_year() -> None:
    starred = observation_from_cell("90.86*", 2022, "规划表", ParseContext(mark_years={"*": 2021}))
    assert starred is not None
    assert (starred.data_year, starred.reported_for, starred.marks) == (2021, 2022, ("*",))
    result = assess(case(HIGHER, {2022: "≥35"}, (starred,)), 2022, NO_TARGETS_ABOVE, as_of=2022)
    assert result.status is Status.MET
    assert "2021年数据" in result.explanation_zh and "标记*" in result.explanation_zh
    assert "filed under 2022" in result.explanation_en


def test_value_of_the_target_year_wins_over_a_starred_stand_in() -> None:
    stand_in = obs(2021, 30, reported_for=2022, marks=("*",))
    actual = obs(2022, 40)
    result = assess(case(HIGHER, {2022: "≥35"}, (actual, stand_in)), 2022, NO_TARGETS_ABOVE, 2022)
    assert result.status is Status.MET
    assert result.observation == actual


def test_observation_from_no_data_cell_is_none() -> None:
    assert observation_from_cell("——", 2020) is None
    assert observation_from_cell("无", 2022) is None


def test_side_figures_in_another_unit_are_not_the_value() -> None:
    usage = observation_from_cell(
        "使用0.57万吨，持续降低（无监测任务、利用率数据）", 2022, unit="%"
    )
    assert usage is not None
    assert usage.value is None
    assert usage.states == (QualState("decreasing"),)


# --- references up the chain ----------------------------------------------------------------

GOOD_DAYS = IndicatorSpec("air.good_day_ratio", Direction.HIGHER_BETTER, "%")


def test_reference_resolves_recursively_to_the_nation() -> None:
    resolver = resolver_from(
        {
            ("150000", "air.good_day_ratio", 2025): "达到国家考核目标",
            ("000000", "air.good_day_ratio", 2025): "≥87.5",
        }
    )
    c = case(GOOD_DAYS, {2025: "达到自治区考核目标"}, (obs(2025, 90),))
    result = assess(c, 2025, resolver, as_of=2025)
    assert result.status is Status.MET
    assert result.target_set_by == NATION
    assert result.target is not None and result.target.value == 87.5
    assert (
        "通辽市“达到自治区考核目标” → 内蒙古自治区“达到国家考核目标” → 中华人民共和国“≥87.5”"
        in result.explanation_zh
    )


def test_missing_target_at_the_top_is_pending_naming_that_level() -> None:
    resolver = resolver_from({("150000", "air.good_day_ratio", 2025): "达到国家考核目标"})
    c = case(GOOD_DAYS, {2025: "达到自治区考核目标"}, (obs(2025, 90),))
    result = assess(c, 2025, resolver, as_of=2025)
    assert result.status is Status.PENDING
    assert "中华人民共和国尚未下达" in result.explanation_zh
    assert "China has not yet set" in result.explanation_en


def test_missing_region_target_is_pending_naming_the_region() -> None:
    c = case(GOOD_DAYS, {2025: "达到自治区考核目标"}, (obs(2025, 90),))
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is Status.PENDING
    assert "待内蒙古自治区下达" in result.explanation_zh


def test_two_references_from_county_through_league_to_region() -> None:
    resolver = resolver_from(
        {
            ("152500", "air.good_day_ratio", 2025): "达到自治区考核目标",
            ("150000", "air.good_day_ratio", 2025): "≥92",
        }
    )
    c = case(GOOD_DAYS, {2025: "完成上级规定的考核任务"}, (obs(2025, 91),), chain=XILINHOT_CHAIN)
    result = assess(c, 2025, resolver, as_of=2025)
    assert result.status is Status.NOT_MET
    assert result.target_set_by == INNER_MONGOLIA
    assert "锡林郭勒盟“达到自治区考核目标”" in result.explanation_zh


def test_parent_reference_with_nothing_from_the_league_is_pending_on_the_league() -> None:
    c = case(GOOD_DAYS, {2025: "完成上级规定的考核任务"}, (obs(2025, 91),), chain=XILINHOT_CHAIN)
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is Status.PENDING
    assert XILINGOL.name_zh in result.explanation_zh


def test_reference_to_a_level_missing_from_the_chain_names_the_level() -> None:
    short_chain = (TONGLIAO, INNER_MONGOLIA)  # the nation is not on this chain
    resolver = resolver_from({("150000", "air.good_day_ratio", 2025): "达到国家考核目标"})
    c = case(GOOD_DAYS, {2025: "达到自治区考核目标"}, (obs(2025, 90),), chain=short_chain)
    result = assess(c, 2025, resolver, as_of=2025)
    assert result.status is Status.PENDING
    assert "国家层级" in result.explanation_zh
    assert "the national level" in result.explanation_en


def test_compound_falls_back_to_its_own_clause_when_nothing_comes_down() -> None:
    # Xilinhot: 完成上级规定的考核任务；保持稳定或持续改善 with 无上级考核任务.
    target = "完成上级规定的考核任务；保持稳定或持续改善"
    series = (obs(2021, 98.0), obs(2022, 99.2))
    c = case(GOOD_DAYS, {2022: target}, series, chain=XILINHOT_CHAIN)
    result = assess(c, 2022, NO_TARGETS_ABOVE, as_of=2022)
    assert result.status is Status.MET
    assert "锡林郭勒盟尚未下达目标，按其余条款判断" in result.explanation_zh
    worse = case(
        GOOD_DAYS, {2022: target}, (obs(2021, 99.5), obs(2022, 99.2)), chain=XILINHOT_CHAIN
    )
    assert status_of(worse, 2022, 2022) is Status.NOT_MET


def test_compound_uses_the_parent_target_when_there_is_one() -> None:
    resolver = resolver_from({("152500", "air.good_day_ratio", 2022): "≥99.5"})
    target = "完成上级规定的考核任务；保持稳定或持续改善"
    c = case(GOOD_DAYS, {2022: target}, (obs(2021, 98.0), obs(2022, 99.2)), chain=XILINHOT_CHAIN)
    result = assess(c, 2022, resolver, as_of=2022)
    assert result.status is Status.NOT_MET  # improving, but below the league's 99.5
    assert result.target_set_by == XILINGOL


def test_chain_cannot_be_empty_and_levels_are_concrete() -> None:
    with pytest.raises(ValueError):
        IndicatorCase(HIGHER, (), {})
    with pytest.raises(ValueError):
        Jurisdiction("1", "上级", "parent", GovLevel.PARENT)


# --- qualitative states ---------------------------------------------------------------------

PLAN = IndicatorSpec("xilinhot.eco_plan", Direction.TARGET_STATE)


@pytest.mark.parametrize(
    ("target", "observed", "expected"),
    [
        ("制定实施", "全面实施", Status.MET),
        ("实施", "实施", Status.MET),
        ("实施", "建立", Status.NOT_MET),
        ("建立", "正在制定", Status.NOT_MET),
        ("全面实施", "实施", Status.NOT_MET),
        ("有效开展", "开展", Status.NOT_MET),
        ("开展", "有效开展", Status.MET),
        ("基本消除", "全面消除", Status.MET),
        ("全面消除", "基本消除", Status.NOT_MET),
        ("不明显", "不明显", Status.MET),
    ],
)
def test_state_ladders_after_the_deadline(target: str, observed: str, expected: Status) -> None:
    state = parse_target(observed).state
    assert state is not None
    c = case(PLAN, {2025: target}, (obs(2025, None, state),))
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is expected
    if result.rule.startswith("ladder."):
        assert "阶梯" in result.explanation_zh and "ladder" in result.explanation_en


def test_ladder_progress_before_the_deadline_is_on_track() -> None:
    # Xilinhot row 1: 2022 正在制定, target 实施 -> the plan itself says 可达标.
    c = case(PLAN, {2025: "实施"}, (obs(2022, None, "being_drafted"),))
    assert status_of(c, 2025, as_of=2022) is Status.ON_TRACK
    strict = assess(
        c, 2025, NO_TARGETS_ABOVE, 2022, policy=TrajectoryPolicy(ladder_progress_on_track=False)
    )
    assert strict.status is Status.NOT_MET


@pytest.mark.parametrize(
    ("key", "target", "value", "expected"),
    [
        # Rules data: 基本消除 of black-odorous water = at most 10 % remaining.
        ("water.urban_black_odorous_ratio", "基本消除", 8, Status.MET),
        ("water.urban_black_odorous_ratio", "基本消除", 12, Status.NOT_MET),
        ("water.urban_black_odorous_ratio", "全部消除", 8, Status.NOT_MET),
        ("water.urban_black_odorous_ratio", "全部消除", 0, Status.MET),
        # No numeric reading of 基本消除 for 劣V: only 0 is certain.
        ("water.surface_worse_than_v_ratio", "基本消除(去除本底值影响)", 0, Status.MET),
        ("water.surface_worse_than_v_ratio", "基本消除(去除本底值影响)", 1.9, Status.NO_DATA),
    ],
)
def test_elimination_read_from_numbers(
    key: str, target: str, value: float, expected: Status
) -> None:
    indicator = IndicatorSpec(key, Direction.LOWER_BETTER, "%")
    assert status_of(case(indicator, {2025: target}, (obs(2025, value),))) is expected


REDLINE_SHARE = IndicatorSpec("eco.redline_share", Direction.HIGHER_BETTER, "%")


@pytest.mark.parametrize(
    ("current", "expected"), [(50.46, Status.MET), (50.5, Status.MET), (50.3, Status.NOT_MET)]
)
def test_not_decrease_compares_to_the_baseline(current: float, expected: Status) -> None:
    c = case(
        REDLINE_SHARE, {2025: "不降低"}, (obs(2020, 50.46), obs(2025, current)), base_year=2020
    )
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is expected
    assert result.rule == "compare.baseline.ge"
    assert "不降低：当期值不低于基准年值" in result.explanation_zh


def test_not_decrease_without_a_baseline_is_no_data() -> None:
    c = case(REDLINE_SHARE, {2025: "不降低"}, (obs(2025, 50.46),), base_year=2020)
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is Status.NO_DATA
    assert "缺少2020年观测值" in result.explanation_zh


EI = IndicatorSpec("eco.quality_index", Direction.HIGHER_BETTER)
PM25 = IndicatorSpec("air.pm25_annual_mean", Direction.LOWER_BETTER, "μg/m3")


@pytest.mark.parametrize(
    ("indicator", "previous", "current", "expected"),
    [
        (EI, 60, 60.5, Status.MET),
        (EI, 60, 60, Status.MET),  # stable counts
        (EI, 60, 59, Status.NOT_MET),
        (PM25, 30, 29, Status.MET),  # lower is better
        (PM25, 30, 31, Status.NOT_MET),
    ],
)
def test_stable_improving_compares_to_the_previous_year(
    indicator: IndicatorSpec, previous: float, current: float, expected: Status
) -> None:
    c = case(indicator, {2025: "稳中向好"}, (obs(2024, previous), obs(2025, current)))
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is expected
    assert result.rule == "compare.previous_year.not_worse"


def test_stable_improving_without_the_previous_year_is_no_data() -> None:
    assert status_of(case(EI, {2025: "稳中向好"}, (obs(2025, 61),))) is Status.NO_DATA


def test_red_line_clauses_each_need_an_observed_state() -> None:
    target = "面积不减少，性质不改变，功能不降低"
    full = observation_from_cell(
        "生态保护红线面积7019.9km2，占国土面积47.43%，面积未减少，性质未改变，功能未降低", 2022
    )
    partial = observation_from_cell("面积未减少，性质未改变", 2022)
    assert full is not None and partial is not None
    assert status_of(case(STATE, {2022: target}, (full,)), 2022, 2022) is Status.MET
    assert status_of(case(STATE, {2022: target}, (partial,)), 2022, 2022) is Status.NO_DATA


# --- cumulative change ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "expected"), [(35, Status.MET), (36, Status.MET), (37, Status.NOT_MET)]
)
def test_cumulative_decrease_uses_the_base_year(current: float, expected: Status) -> None:
    # (40 - 36) / 40 = 10 % exactly: equal to the target meets it.
    c = case(PM25, {2025: "[10]"}, (obs(2020, 40), obs(2025, current)), base_year=2020)
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is expected
    assert result.rule == "cumulative.decrease"
    assert "较2020年（40）累计下降" in result.explanation_zh


def test_cumulative_target_without_a_base_observation_is_no_data() -> None:
    c = case(PM25, {2025: "(10)"}, (obs(2025, 30),), base_year=2020)
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is Status.NO_DATA
    assert result.rule == "cumulative.no_baseline"


def test_base_year_named_in_the_target_wins() -> None:
    c = case(
        PM25,
        {2025: "比2015年下降20%"},
        (obs(2015, 50), obs(2020, 45), obs(2025, 40)),
        base_year=2020,
    )
    assert status_of(c) is Status.MET  # 20 % below 2015, only 11 % below 2020


def test_cumulative_change_in_percentage_points() -> None:
    good_water = IndicatorSpec("water.surface_good_ratio", Direction.HIGHER_BETTER, "%")
    met = case(good_water, {2025: "提高2个百分点"}, (obs(2020, 75), obs(2025, 77)), base_year=2020)
    short = case(
        good_water, {2025: "提高2个百分点"}, (obs(2020, 75), obs(2025, 76.5)), base_year=2020
    )
    assert status_of(met) is Status.MET
    assert status_of(short) is Status.NOT_MET


def test_change_indicator_compares_the_reported_change() -> None:
    reduction = IndicatorSpec("air.pm25_reduction", Direction.HIGHER_BETTER, "%", Measure.CHANGE)
    assert (
        status_of(case(reduction, {2020: "(33.3)"}, (obs(2020, 35.8),)), 2020, 2020) is Status.MET
    )
    assert (
        status_of(case(reduction, {2020: "(33.3)"}, (obs(2020, 30),)), 2020, 2020) is Status.NOT_MET
    )


# --- overrides ------------------------------------------------------------------------------


def test_override_wins_and_is_explained() -> None:
    override = Override(Status.MET, "无监测任务、利用率数据，用量持续降低", officer="王科长")
    c = case(HIGHER, {2025: "≥43"}, (obs(2025, 30),), overrides={2025: override})
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2025)
    assert result.status is Status.MET
    assert result.computed_status is Status.NOT_MET
    assert result.rule == "override"
    assert "人工认定为达标（王科长），理由：无监测任务" in result.explanation_zh
    assert "Computed status was not met" in result.explanation_en


def test_assess_all_walks_the_target_years() -> None:
    c = case(HIGHER, {2030: "≥30", 2025: "≥25"}, (obs(2025, 26), obs(2030, 29)))
    results = assess_all(c, NO_TARGETS_ABOVE, as_of=2030)
    assert [(r.year, r.status) for r in results] == [(2025, Status.MET), (2030, Status.NOT_MET)]


def test_observed_state_fulfilling_a_wider_target_state() -> None:
    # Xilinhot row 8: target 保持稳定或持续改善, 2022 cell 保持稳定（…）.
    stated = observation_from_cell(
        "保持稳定（仅有1个国控断面锡林河断面，水质达到Ⅳ类目标要求）", 2022
    )
    assert stated is not None
    result = assess(
        case(PLAN, {2022: "保持稳定或持续改善"}, (stated,)), 2022, NO_TARGETS_ABOVE, 2022
    )
    assert (result.status, result.rule) == (Status.MET, "state.fulfils")
    # The reverse does not hold: "stable or improving" does not show "improving".
    loose = obs(2022, None, "stable_or_improving")
    assert status_of(case(PLAN, {2022: "持续改善"}, (loose,)), 2022, 2022) is Status.NO_DATA


def test_a_state_in_a_values_note_is_observed_and_prose_is_not() -> None:
    # Xilinhot 7 优良天数比例, 2022 cell: 99.2 and, in its note, 持续改善.
    from ecotrack.core.compliance import QualState, observation_from_cell

    observed = observation_from_cell("99.2%（无上级考核任务，持续改善）", 2022, unit="%")
    assert observed is not None and observed.value == 99.2
    assert observed.states == (QualState("improving"),)
    plain = observation_from_cell("100（扣除本底超标项）", 2022, unit="%")
    assert plain is not None and plain.states == ()
