"""parse_target on hand-written cells: each expectation is read off the Chinese wording."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecotrack.core.targets import (
    ChangeSense,
    Comparator,
    GovLevel,
    ParseContext,
    TargetKind,
    parse_target,
)


@pytest.mark.parametrize(
    ("raw", "comparator", "value", "unit"),
    [
        ("≥25", Comparator.GE, 25, None),
        ("≥ 25%", Comparator.GE, 25, "%"),
        ("≤17", Comparator.LE, 17, None),
        (">5", Comparator.GT, 5, None),
        ("<0.5", Comparator.LT, 0.5, None),
        ("＞30", Comparator.GT, 30, None),
        ("＜30", Comparator.LT, 30, None),
        ("≧98", Comparator.GE, 98, None),
        ("≦17", Comparator.LE, 17, None),
        (">=60", Comparator.GE, 60, None),
        ("１００", Comparator.AT, 100, None),
        ("100", Comparator.AT, 100, None),
        ("0", Comparator.AT, 0, None),
        ("不低于90%", Comparator.GE, 90, "%"),
        ("不高于35", Comparator.LE, 35, None),
        ("不超过 35 μg/m³", Comparator.LE, 35, "μg/m3"),
        ("90以上", Comparator.GE, 90, None),
        ("90%以上", Comparator.GE, 90, "%"),
        ("达到95%以上", Comparator.GE, 95, "%"),
        ("17以下", Comparator.LE, 17, None),
        ("控制在35以内", Comparator.LE, 35, None),
        ("稳定在45", Comparator.STABLE_AT, 45, None),
        ("35左右", Comparator.APPROX, 35, None),
        ("50立方米/ 万元", Comparator.AT, 50, "立方米/万元"),
        ("227.16万吨标煤", Comparator.AT, 227.16, "万吨标煤"),
        ("57万多公顷", Comparator.GT, 57, "万公顷"),
        ("-1.8%", Comparator.AT, -1.8, "%"),
    ],
)
def test_numeric_targets(raw: str, comparator: Comparator, value: float, unit: str | None) -> None:
    parsed = parse_target(raw)
    assert parsed.kind is TargetKind.NUMERIC
    assert parsed.comparator is comparator
    assert parsed.value == pytest.approx(value)
    assert parsed.unit == unit
    assert parsed.raw == raw


@pytest.mark.parametrize("raw", ["20～30", "20~30", "20-30", "20至30", "20%-30%"])
def test_ranges(raw: str) -> None:
    parsed = parse_target(raw)
    assert parsed.comparator is Comparator.RANGE
    assert (parsed.value, parsed.value_high) == (20, 30)


def test_label_before_number_is_kept() -> None:
    parsed = parse_target("单位GDP能耗增速-1.8%")
    assert parsed.label == "单位GDP能耗增速"
    assert parsed.value == pytest.approx(-1.8)
    assert parse_target("PM2.5浓度≤35").label == "PM2.5浓度"


@pytest.mark.parametrize(
    ("raw", "state", "subject"),
    [
        ("不降低", "not_decrease", None),
        ("稳中向好", "stable_improving", None),
        ("基本消除", "basically_eliminated", None),
        ("全面消除", "fully_eliminated", None),
        ("全部消除", "fully_eliminated", None),
        ("建立", "established", None),
        ("全面实施", "fully_implemented", None),
        ("实施", "implemented", None),
        ("制定实施", "implemented", None),
        ("有效开展", "effectively_carried_out", None),
        ("开展", "carried_out", None),
        ("正在制定", "being_drafted", None),
        ("不明显", "not_obvious", None),
        ("保持稳定或持续改善", "stable_or_improving", None),
        ("持续降低", "decreasing", None),
        ("面积不减少", "not_decrease", "面积"),
        ("面积未减少", "not_decrease", "面积"),
        ("性质不改变", "unchanged", "性质"),
        ("确保全面实施", "fully_implemented", None),
    ],
)
def test_qualitative_states(raw: str, state: str, subject: str | None) -> None:
    parsed = parse_target(raw)
    assert parsed.kind is TargetKind.QUALITATIVE
    assert parsed.state == state
    assert parsed.subject == subject


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("达到自治区考核目标", GovLevel.REGION),
        ("达到自治区 考核目标", GovLevel.REGION),
        ("达到国家考核目标", GovLevel.NATIONAL),
        ("达到国家目标要求", GovLevel.NATIONAL),
        ("完成上级规定的考核任务", GovLevel.PARENT),
        ("完成上级规定的目标任务", GovLevel.PARENT),
        ("完成上级管控目标", GovLevel.PARENT),
        ("完成自治区下达任务", GovLevel.REGION),
        ("完成省下达的约束性指标", GovLevel.REGION),
        ("完成盟市下达目标任务", GovLevel.PREFECTURE),
        ("达到市考核要求", GovLevel.PREFECTURE),
    ],
)
def test_references_name_the_level(raw: str, level: GovLevel) -> None:
    parsed = parse_target(raw)
    assert parsed.kind is TargetKind.REFERENCE
    assert parsed.level is level


@pytest.mark.parametrize(
    ("raw", "value", "sense"),
    [
        ("(33.3)", 33.3, ChangeSense.DECREASE),
        ("（33.3）", 33.3, ChangeSense.DECREASE),
        ("(-3.8)", -3.8, ChangeSense.DECREASE),
        ("[18]", 18, ChangeSense.UNSPECIFIED),
        ("〔13.5〕", 13.5, ChangeSense.UNSPECIFIED),
        ("累计下降18%", 18, ChangeSense.DECREASE),
        ("提高2个百分点", 2, ChangeSense.INCREASE),
    ],
)
def test_cumulative_changes(raw: str, value: float, sense: ChangeSense) -> None:
    parsed = parse_target(raw)
    assert parsed.kind is TargetKind.CUMULATIVE_CHANGE
    assert parsed.value == pytest.approx(value)
    assert parsed.sense is sense


def test_parentheses_follow_the_plans_footnote() -> None:
    # A plan whose footnote says "（）代表累计增加数" flips the reading.
    ctx = ParseContext(parentheses_mean=ChangeSense.INCREASE)
    assert parse_target("(5)", ctx).sense is ChangeSense.INCREASE


def test_change_against_a_named_base_year() -> None:
    parsed = parse_target("比2020年下降13.5%")
    assert parsed.base_year == 2020
    assert parsed.sense is ChangeSense.DECREASE


@pytest.mark.parametrize("raw", ["——", "———", "—", "-", "/", "无", "", "  ", "－"])
def test_no_data(raw: str) -> None:
    assert parse_target(raw).kind is TargetKind.NO_DATA


def test_none_is_no_data() -> None:
    assert parse_target(None).kind is TargetKind.NO_DATA


def test_marks_are_kept_and_announce_a_year_only_when_defined() -> None:
    ctx = ParseContext(mark_years={"*": 2021})
    starred = parse_target("90.86*", ctx)
    assert starred.value == pytest.approx(90.86)
    assert starred.marks == ("*",)
    assert starred.data_year == 2021
    hashed = parse_target("61.91#", ctx)
    assert hashed.marks == ("#",)
    assert hashed.data_year is None  # '#' is not defined by that plan
    assert parse_target("25①").marks == ("①",)
    assert parse_target("90.86*").data_year is None  # no footnote given


def test_year_named_in_a_note_is_the_data_year() -> None:
    parsed = parse_target("23.78（2019年数据）")
    assert parsed.value == pytest.approx(23.78)
    assert parsed.data_year == 2019


def test_explanatory_note_is_split_off() -> None:
    parsed = parse_target("99.2%（无上级考核任务，持续改善）")
    assert parsed.kind is TargetKind.NUMERIC
    assert parsed.value == pytest.approx(99.2)
    assert parsed.notes == ("无上级考核任务,持续改善",)
    qualitative = parse_target("基本消除 (去除本 底值影响)")
    assert qualitative.state == "basically_eliminated"
    assert qualitative.notes == ("去除本底值影响",)


def test_compound_reference_with_fallback_state() -> None:
    parsed = parse_target("完成上级规定的考核任务；保持稳定或持续改善")
    assert parsed.kind is TargetKind.COMPOUND
    first, second = parsed.parts
    assert first.kind is TargetKind.REFERENCE and first.level is GovLevel.PARENT
    assert second.state == "stable_or_improving"


def test_compound_states_with_subjects() -> None:
    parsed = parse_target("面积不减少，性质不改变，功能不降低")
    assert [(p.subject, p.state) for p in parsed.parts] == [
        ("面积", "not_decrease"),
        ("性质", "unchanged"),
        ("功能", "not_decrease"),
    ]


def test_count_followed_by_predicate() -> None:
    parsed = parse_target("全区13个达到国家目标要求")
    assert parsed.kind is TargetKind.COMPOUND
    count, reference = parsed.parts
    assert (count.value, count.unit, count.label) == (13, "个", "全区")
    assert reference.level is GovLevel.NATIONAL


def test_thousands_separator_is_not_a_clause_break() -> None:
    parsed = parse_target("1,180")
    assert parsed.kind is TargetKind.NUMERIC
    assert parsed.value == 1180


@pytest.mark.parametrize("raw", ["abc", "≥", "1.2.3", "≤25以上", "详见附表"])
def test_unreadable_text_is_unknown(raw: str) -> None:
    assert parse_target(raw).kind is TargetKind.UNKNOWN


def test_to_dict_shape() -> None:
    data = parse_target("31.66*（盟下达目标为50立方米/万元）", ParseContext(mark_years={"*": 2021}))
    assert data.to_dict() == {
        "raw": "31.66*（盟下达目标为50立方米/万元）",
        "kind": "numeric",
        "comparator": "at",
        "value": 31.66,
        "marks": ["*"],
        "data_year": 2021,
        "notes": ["盟下达目标为50立方米/万元"],
    }
    compound = parse_target("完成上级管控目标；稳中向好").to_dict()
    assert [part["kind"] for part in compound["parts"]] == ["reference", "qualitative"]
    assert compound["parts"][0]["level"] == "parent"


@given(st.text(max_size=40))
def test_never_raises_and_always_serialises(raw: str) -> None:
    parsed = parse_target(raw)
    assert parsed.raw == raw
    json.dumps(parsed.to_dict(), ensure_ascii=False)


_SYMBOLS = {"≥": Comparator.GE, "≤": Comparator.LE, ">": Comparator.GT, "<": Comparator.LT,
            "≧": Comparator.GE, "≦": Comparator.LE, "＞": Comparator.GT, "＜": Comparator.LT,
            "不低于": Comparator.GE, "不超过": Comparator.LE}


@given(
    st.sampled_from(sorted(_SYMBOLS)),
    st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False),
    st.sampled_from(["", "%", " %", "％"]),
    st.sampled_from(["", " ", "　"]),
)
def test_comparator_and_value_round_trip(symbol: str, number: object, unit: str, gap: str) -> None:
    raw = f"{symbol}{gap}{number}{unit}"
    parsed = parse_target(raw)
    assert parsed.kind is TargetKind.NUMERIC
    assert parsed.comparator is _SYMBOLS[symbol]
    assert parsed.value == pytest.approx(float(str(number)))
    assert parsed.unit == ("%" if unit.strip() else None)
