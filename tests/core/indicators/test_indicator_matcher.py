"""match_indicator across the three plan levels, recall and precision.

The expected keys below are labelled by hand from the indicator names (and
the plans' footnotes), not produced by the matcher.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from ecotrack.core.indicators import (
    IndicatorLibrary,
    MatchRule,
    load_library,
    match_indicator,
    normalise_name,
)
from ecotrack.core.indicators.library import library_from_dict

ROOT = Path(__file__).resolve().parents[3]
INNER_MONGOLIA = ROOT / "ecotrack/demo/reference/indicators-innermongolia-2025.csv"
TONGLIAO = ROOT / "tests/fixtures/gold/indicators-tongliao-2025.csv"
XILINHOT = ROOT / "tests/fixtures/gold/indicators-xilinhot-2030.csv"

# Inner Mongolia and Tongliao share one 21-row template: row n is the same
# indicator at both levels.
REGION_AND_CITY_ROWS = [
    "air.good_day_ratio",
    "air.pm25_reduction",
    "water.surface_good_ratio",
    "water.surface_worse_than_v_ratio",
    "water.urban_black_odorous_ratio",
    "climate.co2_intensity_reduction",
    "energy.intensity_reduction",
    "energy.non_fossil_share",
    "emissions.nox_reduction",
    "emissions.vocs_reduction",
    "emissions.cod_reduction",
    "emissions.nh3n_reduction",
    "eco.redline_share",
    "eco.quality_index",
    "eco.forest_cover",
    "eco.grassland_vegetation_cover",
    "soil.contaminated_farmland_safe_use_rate",
    "soil.contaminated_land_safe_use_rate",
    "water.groundwater_class_v_ratio",
    "water.rural_sewage_treatment_rate",
    "risk.radioactive_source_accident_rate",
]

# Xilinhot (national eco-civilisation demonstration indicators), row by row:
# (indicator, sub_indicator) -> expected key or None (not in the library).
XILINHOT_ROWS: dict[tuple[str, str], str | None] = {
    ("生态文明建设规划", ""): None,
    ("党委、政府对生态文明建设重大目标任务部署情况", ""): None,
    ("生态文明建设工作占党政实绩考核的比例", ""): None,
    ("河长制", ""): None,
    ("生态环境信息公开率", ""): None,
    ("依法开展规划环境影响评价", ""): None,
    ("环境空气质量", "优良天数比例"): "air.good_day_ratio",
    ("环境空气质量", "PM 2.5浓度下降幅度"): "air.pm25_reduction",
    # A change in the share, not the share itself: must not merge with the level.
    ("水环境质量", "水质达到或优于Ⅲ类比例提高幅度"): "water.surface_good_ratio_increase",
    ("水环境质量", "劣 V 类水体比例下降幅度"): "water.surface_worse_than_v_ratio_decrease",
    ("水环境质量", "黑臭水体消除比例"): "water.black_odorous_elimination_ratio",
    # EI (HJ 192) is not the new ecological quality index (HJ 1172).
    ("生态环境状况指数", ""): "eco.status_index",
    # Forest + grass cover is not forest cover.
    ("林草覆盖率", ""): "eco.forest_grass_cover",
    ("生物多样性保护", "国家重点保护野生动植物保护率"): None,
    ("生物多样性保护", "外来物种入侵"): None,
    ("生物多样性保护", "特有性或指示性水生物种保持率"): None,
    ("危险废物利用处置率", ""): None,
    ("建设用地土壤污染风险管控和修复名录制度", ""): None,
    ("突发生态环境事件应急管理机制", ""): None,
    ("自然生态空间", "生态保护红线"): "eco.redline",
    ("自然生态空间", "自然保护地"): "eco.protected_area",
    ("河湖岸线保护率", ""): None,
    # Energy intensity as a level, not its reduction.
    ("单位地区生产总值能耗", ""): "energy.intensity",
    ("单位地区生产总值用水量", ""): None,
    ("单位国内生产总值建设用地使用面积下降率", ""): None,
    ("三大粮食作物化肥农药利用率", "化肥利用率"): None,
    ("三大粮食作物化肥农药利用率", "农药利用率"): None,
    ("农业废弃物综合利用率", "秸秆综合利用率"): None,
    ("农业废弃物综合利用率", "畜禽粪污综合利用率"): None,
    ("农业废弃物综合利用率", "农膜回收利用率"): None,
    ("一般工业固体废物综合利用率提高幅度", ""): None,
    ("集中式饮用水水源地水质优良比例", ""): "water.drinking_source_quality_ratio",
    ("村镇饮用水卫生合格率", ""): None,
    ("城镇污水处理率", ""): None,
    ("农村生活污水治理率", ""): "water.rural_sewage_treatment_rate",
    ("城镇生活垃圾无害化处理率", ""): None,
    ("农村生活垃圾无害化处理村占比", ""): None,
    ("农村无害化卫生厕所普及率", ""): None,
    ("城镇新建绿色建筑比例", ""): None,
    ("城镇生活垃圾分类减量化行动", ""): None,
    ("政府绿色采购比例", ""): None,
    ("党政领导干部参加生态文明培训的人数比例", ""): None,
    ("公众对生态文明建设的满意度", ""): None,
    ("公众对生态文明建设的参与度", ""): None,
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _keywords_only_library() -> IndicatorLibrary:
    """The shipped library with every variant removed, so only the rules match."""
    library = load_library()
    return replace(
        library,
        indicators=tuple(replace(d, variants=()) for d in library.indicators),
    )


LIBRARIES: dict[str, Callable[[], IndicatorLibrary]] = {
    "full": load_library,
    "keywords_only": _keywords_only_library,
}


def _key(name: str, unit: str | None, library: IndicatorLibrary) -> str | None:
    found = match_indicator(name, unit or None, library=library)
    return found.key if found else None


@pytest.mark.parametrize("which", sorted(LIBRARIES))
def test_region_and_city_rows_map_to_the_same_indicator(which: str) -> None:
    library = LIBRARIES[which]()
    region = [_key(r["indicator"], r["unit"], library) for r in _rows(INNER_MONGOLIA)]
    city = [_key(r["indicator"], r["unit"], library) for r in _rows(TONGLIAO)]
    assert region == REGION_AND_CITY_ROWS
    assert city == REGION_AND_CITY_ROWS


@pytest.mark.parametrize("which", sorted(LIBRARIES))
def test_county_level_rows_match_or_stay_unmatched(which: str) -> None:
    library = LIBRARIES[which]()
    rows = _rows(XILINHOT)
    assert len(rows) == len(XILINHOT_ROWS)
    got = {
        (r["indicator"], r["sub_indicator"]): _key(
            f"{r['indicator']} {r['sub_indicator']}", r["unit"], library
        )
        for r in rows
    }
    assert got == XILINHOT_ROWS


def test_indicators_recurring_on_all_three_levels() -> None:
    def keys(rows: list[dict[str, str]], name: str) -> set[str]:
        found = (match_indicator(name.format(**r)) for r in rows)
        return {m.key for m in found if m}

    region = keys(_rows(INNER_MONGOLIA), "{indicator}")
    city = keys(_rows(TONGLIAO), "{indicator}")
    county = keys(_rows(XILINHOT), "{indicator}{sub_indicator}")
    assert region & city & county == {
        "air.good_day_ratio",
        "air.pm25_reduction",
        "water.rural_sewage_treatment_rate",
    }
    assert region == city


@pytest.mark.parametrize(
    "name",
    [
        "PM2.5浓度下降比例",
        "PM 2.5浓度下降比例",
        "pm2.5浓度下降比例",
        "ＰＭ２.５浓度下降比例",
        "PM₂.₅浓度下降比例",
        "细颗粒物（PM2.5）浓度下降比例 (%)",
        "细颗粒物浓度降低比例（％）",
    ],
)
def test_pm25_spellings(name: str) -> None:
    found = match_indicator(name)
    assert found is not None and found.key == "air.pm25_reduction"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("细颗粒物(PM2.5)年均浓度", "air.pm25_annual_mean"),
        ("PM2.5平均浓度（μg/m³）", "air.pm25_annual_mean"),
        ("地级及以上城市重污染天数比率", "air.heavy_pollution_day_ratio"),
        ("地表水达到或好于Ⅲ类水体比例", "water.surface_good_ratio"),
        ("地表水质量达到或好于三类水体比例", "water.surface_good_ratio"),
        ("地表水劣五类水体比例", "water.surface_worse_than_v_ratio"),
        ("城市集中式饮用水水源地水质达标率", "water.drinking_source_quality_ratio"),
        ("自然保护地面积占陆域国土面积比例", "eco.protected_area_share"),
        ("单位 GDP 二氧化碳排放降低", "climate.co2_intensity_reduction"),
        ("万元GDP能耗下降", "energy.intensity_reduction"),
        ("NOx重点工程减排量", "emissions.nox_reduction"),
        ("VOCs排放总量削减比例", "emissions.vocs_reduction"),
    ],
)
def test_other_wordings(name: str, key: str) -> None:
    found = match_indicator(name)
    assert found is not None and found.key == key


@pytest.mark.parametrize(
    "name",
    [
        "PM10年均浓度",
        "可吸入颗粒物浓度",
        "臭氧浓度",
        "空气质量达标的地级及以上城市比例",
        "森林蓄积量",
        "湿地保护率",
        "地表水国控断面数量",
        "城镇污水处理率",
        "二氧化硫排放量减少比例",
        "总磷排放量",
        "生态保护红线监管平台建设",
        "自然保护地问题整改率",
        "耕地保有量",
        "",
        "——",
    ],
)
def test_unrelated_indicators_do_not_match(name: str) -> None:
    assert match_indicator(name) is None


def test_unit_is_reported_not_fatal() -> None:
    # The Xilinhot table prints "%" for the dimensionless EI: still the EI.
    found = match_indicator("生态环境状况指数", "%")
    assert found is not None and found.key == "eco.status_index"
    assert found.unit_compatible is False
    assert match_indicator("森林覆盖率", "%") is not None
    assert match_indicator("森林覆盖率", "（%）").unit_compatible is True  # type: ignore[union-attr]
    assert match_indicator("森林覆盖率").unit_compatible is None  # type: ignore[union-attr]


def test_every_variant_matches_its_own_indicator_by_rule_too() -> None:
    library = load_library()
    rules_only = _keywords_only_library()
    for definition in library.indicators:
        for variant in (definition.name_zh, *definition.variants):
            exact = match_indicator(variant, library=library)
            assert exact is not None and exact.key == definition.key, variant
            by_rule = match_indicator(variant, library=rules_only)
            assert by_rule is not None, variant
            assert (by_rule.key, by_rule.rule) == (definition.key, MatchRule.KEYWORDS), variant


def test_normalise_name_folds_layout_noise() -> None:
    assert normalise_name("地表水考核断面好于 III 类水体比例 (%)") == normalise_name(
        "地表水考核断面好于Ⅲ类水体比例（%）"
    )
    assert normalise_name("单位国内生产总值能源消 耗降低") == "单位GDP能源消耗降低"


def test_library_data_is_complete() -> None:
    library = load_library()
    assert library.version
    assert len(library.keys()) == len(set(library.keys()))
    for definition in library.indicators:
        assert definition.name_zh and definition.name_en
        assert definition.computation_zh and definition.computation_en
    assert library.get("air.good_day_ratio").method_key == "air.good_day_ratio"
    assert library.get("air.pm25_annual_mean").method_key == "air.pm25_annual_mean"
    assert library.get("air.pm25_reduction").level_key == "air.pm25_annual_mean"


def test_library_rejects_dangling_references() -> None:
    raw = json.loads(
        resources.files("ecotrack.core.indicators").joinpath("library.json").read_text("utf-8")
    )
    raw["indicators"][0]["level_key"] = "no.such.key"
    with pytest.raises(ValueError, match=r"no\.such\.key"):
        library_from_dict(raw)
    raw["indicators"][0].pop("level_key")
    raw["indicators"].append(raw["indicators"][0])
    with pytest.raises(ValueError, match="duplicate"):
        library_from_dict(raw)
