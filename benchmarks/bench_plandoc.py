"""Plan-document import speed.

Run with `make bench` or `pytest benchmarks/bench_plandoc.py --benchmark-only`.

The issue asks for < 2 s on a 150 KB plan. Measured side by side:
- our parser on the two reference plans (~90-100 KB text exports) and on a generated
  ~150 KB plan (many tables built by perturbing a template table);
- a .docx of a large plan through our parser vs. the naive route a user would take:
  python-docx alone, reading every cell's text (no merged-cell, unit or header logic).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from ecotrack.core.plandoc import parse_plan

DOCS = Path(__file__).resolve().parents[1] / "ecotrack" / "demo" / "reference" / "documents"
HEADER = ["序号", "领域", "指标", "单位", "2020年现状值", "2025年目标值", "2030年目标值", "属性"]
DOMAINS = ["环境质量", "生态保护", "绿色发展", "风险防范", "制度建设"]
NAMES = ["空气质量优良天数比例", "森林覆盖率", "地表水优良水体比例", "湿地保护率", "化肥利用率"]
UNITS = ["%", "微克/立方米", "公顷", "万吨", "-"]
DOCX_HEADER = ["序号", "领域", "指标", "单位", "2022年现状值", "2030年目标值", "属性"]
TARGETS = ["≥90", "不降低", "达到自治区考核目标", "稳中向好", "100"]


def generated_plan(min_bytes: int = 150_000, seed: int = 7) -> str:
    """A tab-separated (PDF-style) plan: paragraphs, then tables with merged-cell gaps."""
    rnd = random.Random(seed)
    parts = ["某某市“十四五”生态环境保护规划", "", "（2021—2025 年）", ""]
    table_no = 0
    while sum(len(p.encode()) for p in parts) < min_bytes:
        table_no += 1
        parts.append("正文段落，" * rnd.randint(20, 60) + "。")
        parts.append("")
        parts.append(f"专栏 {table_no} 主要指标")
        parts.append("\t".join(HEADER))
        seq = 0
        for domain in rnd.sample(DOMAINS, 3):
            for k in range(rnd.randint(2, 5)):
                seq += 1
                name = f"{rnd.choice(NAMES)}{table_no}-{seq}"
                cells = [
                    str(seq), domain if k == 0 else "", f"{name}（{rnd.choice(UNITS)}）", "",
                    f"{rnd.uniform(0, 100):.1f}", rnd.choice(TARGETS), rnd.choice(TARGETS),
                    rnd.choice(["约束性", "预期性"]),
                ]
                parts.append("\t".join(cells))
        parts.append("注：1. “森林覆盖率”采用2019年度数据。")
        parts.append("")
    return "\n".join(parts)


def docx_of(text_plan: Path) -> bytes:
    """A real .docx with one Word table per indicator table of the parsed plan."""
    import docx

    parsed = parse_plan(text_plan)
    document = docx.Document()
    document.add_paragraph(parsed.plan.title or "规划")
    for copy in range(4):  # four copies: roughly the size of a long plan's annex
        document.add_paragraph(f"表{copy + 1} 主要指标")
        table = document.add_table(rows=1, cols=7)
        for i, text in enumerate(DOCX_HEADER):
            table.rows[0].cells[i].text = text
        for ind in parsed.indicators:
            cells = table.add_row().cells
            values = [
                str(ind.seq or ""), ind.category or "", ind.name, ind.unit or "",
                ind.baseline.raw if ind.baseline else "",
                ind.targets[-1].raw if ind.targets else "", ind.attribute or "",
            ]
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ["plan-tongliao-2021-2025.txt", "plan-xilinhot-2023-2030.txt"])
def test_reference_plan(benchmark: BenchmarkFixture, name: str) -> None:
    data = (DOCS / name).read_bytes()
    parsed = benchmark(parse_plan, data, name)
    assert parsed.indicators


def test_generated_150kb_plan(benchmark: BenchmarkFixture) -> None:
    data = generated_plan().encode("utf-8")
    assert len(data) >= 150_000
    parsed = benchmark(parse_plan, data, "generated.txt")
    assert len(parsed.indicators) > 100


@pytest.fixture(scope="module")
def big_docx() -> bytes:
    return docx_of(DOCS / "plan-xilinhot-2023-2030.txt")


def test_docx_ours(benchmark: BenchmarkFixture, big_docx: bytes) -> None:
    parsed = benchmark(parse_plan, big_docx, "plan.docx")
    assert parsed.indicators


def test_docx_naive_python_docx_cells(benchmark: BenchmarkFixture, big_docx: bytes) -> None:
    import docx

    def naive() -> list[list[list[str]]]:
        document = docx.Document(io.BytesIO(big_docx))
        return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]

    tables = benchmark(naive)
    assert tables
