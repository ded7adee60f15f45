"""Every supported format yields the same indicators for the same generated plan."""

from __future__ import annotations

import pytest

from ecotrack.core.plandoc import ParsedPlan, parse_plan

from . import builders
from .builders import SPEC, TITLE
from .conftest import DOCUMENTS

FORMATS = {
    "plan.docx": builders.build_docx,
    "plan.xlsx": builders.build_xlsx,
    "plan.csv": builders.build_csv,
    "plan.pdf": builders.build_pdf_plan,
}


@pytest.fixture(scope="module", params=sorted(FORMATS))
def parsed(request: pytest.FixtureRequest) -> ParsedPlan:
    return parse_plan(FORMATS[request.param](), request.param)


def test_every_row_is_read(parsed: ParsedPlan) -> None:
    assert [i.seq for i in parsed.indicators] == [r.seq for r in SPEC]
    assert [i.name for i in parsed.indicators] == [r.name for r in SPEC]


def test_merged_category_cells_are_carried_down(parsed: ParsedPlan) -> None:
    assert [i.category for i in parsed.indicators] == [r.category for r in SPEC]


def test_units_baselines_targets_attributes(parsed: ParsedPlan) -> None:
    for ind, row in zip(parsed.indicators, SPEC, strict=True):
        assert ind.unit == row.unit
        assert ind.baseline is not None
        assert (ind.baseline.year, ind.baseline.raw) == (2020, row.baseline)
        assert [(t.year, t.raw) for t in ind.targets] == [
            (2025, row.target_2025),
            (2035, row.target_2035),
        ]
        assert ind.attribute == row.attribute


def test_metadata(parsed: ParsedPlan) -> None:
    assert parsed.plan.title == TITLE
    assert parsed.plan.jurisdiction_name == "某某旗"
    assert (parsed.plan.period_start, parsed.plan.period_end) == (2021, 2025)
    assert parsed.plan.base_year == 2020


@pytest.mark.parametrize("name", ["plan.docx", "plan.pdf"])
def test_document_footnotes_attach_by_mark(name: str) -> None:
    plan = parse_plan(FORMATS[name](), name)
    by_seq = {i.seq: i for i in plan.indicators}
    assert any(n.startswith("①") for n in by_seq[1].notes)
    assert by_seq[3].baseline is not None and by_seq[3].baseline.data_year == 2019
    assert all(not by_seq[s].notes for s in (2, 4, 5))


def test_docx_metadata_and_project_box() -> None:
    plan = parse_plan(builders.build_docx(), "plan.docx")
    assert plan.plan.issuing_body == "某某旗人民政府"
    assert plan.plan.issued_date == "2022-03-01"
    (box,) = plan.projects
    assert (box.box, box.title) == ("2", "生态保护修复重点工程")
    items = [(i.code, i.title, i.text) for i in box.items]
    assert items == [("（一）", "湿地保护工程", "修复退化湿地。")]


@pytest.mark.parametrize(
    "header",
    [
        ["序号", "类 别", "指标", "计量单位", "2020年现状值", "2025年目标值", "2035年目标值",
         "属性"],
        ["seq", "domain", "name", "unit", "baseline_2020", "target_2025", "target_2035", "type"],
        ["编号", "领域", "指标名称", "单位", "基期值(2020)", "规划目标2025年", "2035 年",
         "指标性质"],
    ],
)
def test_template_header_synonyms(header: list[str]) -> None:
    plan = parse_plan(builders.build_csv(header=header), "plan.csv")
    assert [i.name for i in plan.indicators] == [r.name for r in SPEC]
    assert [t.year for t in plan.indicators[0].targets] == [2025, 2035]
    assert plan.indicators[0].attribute == SPEC[0].attribute


def test_gbk_text_export_reads_like_utf8() -> None:
    text = (DOCUMENTS / "plan-tongliao-2021-2025.txt").read_text(encoding="utf-8")
    utf8 = parse_plan(text.encode("utf-8"), "plan.txt")
    gbk = parse_plan(text.encode("gb18030"), "plan.txt")
    assert gbk.to_dict()["indicators"] == utf8.to_dict()["indicators"]


def test_json_shape() -> None:
    data = parse_plan(builders.build_docx(), "plan.docx").to_dict()
    assert set(data) == {"plan", "indicators", "projects", "warnings"}
    first = data["indicators"][0]
    for key in (
        "seq", "category", "subcategory", "name", "sub_name", "unit", "attribute", "baseline",
        "targets", "standard_value", "compliance_raw", "notes",
    ):
        assert key in first
    assert set(first["baseline"]) >= {"year", "raw"}
