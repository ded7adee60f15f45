"""The small rules: whitespace, units, header words, codes, layout detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecotrack.core.plandoc.header import classify
from ecotrack.core.plandoc.layout import detect_layout
from ecotrack.core.plandoc.tables import split_code
from ecotrack.core.plandoc.textnorm import normalize_cell
from ecotrack.core.plandoc.units import split_unit


@pytest.mark.parametrize(
    ("raw", "from_pdf", "expected"),
    [
        ("生 态 制 度", False, "生态制度"),
        ("PM 2.5浓度", False, "PM 2.5浓度"),
        ("劣 V 类水体", False, "劣 V 类水体"),  # Word: the author's spaces stay
        ("劣 V 类水体", True, "劣V类水体"),  # PDF: font-switch gaps go
        ("PM 2.5 浓度", True, "PM 2.5浓度"),
        ("基本消除 (去除本 底值影响)", True, "基本消除(去除本底值影响)"),
        ("起/ 每万枚", True, "起/每万枚"),
        ("完成上级规定的目标任\n务；保持稳", False, "完成上级规定的目标任务；保持稳"),
        ("  a\u3000 b ", False, "a b"),
    ],
)
def test_normalize_cell(raw: str, from_pdf: bool, expected: str) -> None:
    assert normalize_cell(raw, from_pdf=from_pdf) == expected


@given(st.text(alphabet="ab 中文\t\n", max_size=30), st.booleans())
def test_normalize_is_idempotent(text: str, from_pdf: bool) -> None:
    once = normalize_cell(text, from_pdf=from_pdf)
    assert normalize_cell(once, from_pdf=from_pdf) == once
    assert "  " not in once and once == once.strip()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("细颗粒物（PM2.5）浓度（微克/立方米）", ("细颗粒物（PM2.5）浓度", "微克/立方米")),
        ("生态质量指标（新EI）", ("生态质量指标（新EI）", None)),
        ("单位GDP能耗（吨标准煤/万元）", ("单位GDP能耗", "吨标准煤/万元")),
        ("化学需氧量排放量(万吨)", ("化学需氧量排放量", "万吨")),
        ("COD (mg/L)", ("COD", "mg/L")),
        ("细颗粒物（PM2.5）", ("细颗粒物（PM2.5）", None)),
    ],
)
def test_split_unit(name: str, expected: tuple[str, str | None]) -> None:
    assert split_unit(name) == expected


@pytest.mark.parametrize(
    ("header", "role", "year"),
    [
        ("指 标", "name", None),
        ("指标属性", "attribute", None),
        ("指标值", "standard", None),
        ("2020 年 现状值", "baseline", 2020),
        ("２０２５年目标值", "target", 2025),
        ("达标情况", "compliance", None),
        ("Baseline (2019)", "baseline", 2019),
        ("2030年", "year", 2030),
        ("Sub-indicator", "sub_name", None),
    ],
)
def test_header_words(header: str, role: str, year: int | None) -> None:
    assert classify(header) == (role, year)


def test_split_code() -> None:
    assert split_code("（一）目标责任体系与制度建设") == ("（一）", "目标责任体系与制度建设")
    assert split_code("(三) 生态系统保护") == ("(三)", "生态系统保护")
    assert split_code("生态安全") == (None, "生态安全")


def test_layouts() -> None:
    assert detect_layout(["a\tb\tc", "1\t2\t3"]) == "tabbed"
    assert detect_layout(["\tx"] * 10) == "cell_per_line"
    assert detect_layout(["plain text", "more"]) == "plain"
