"""Generated fixtures: a small plan of an invented county in every supported format.

The layouts deliberately differ from the two reference plans (other header words, a unit
column, bare-year target columns, circled-number footnotes), so tests check that the
parser generalises. Expected values come from SPEC, never from parser output.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

TITLE = "某某旗“十四五”生态环境保护规划"
NOTICE = "某某旗人民政府关于印发《某某旗“十四五”生态环境保护规划》的通知"
DATE = "2022年3月1日"


@dataclass(frozen=True)
class Row:
    seq: int
    category: str
    name: str
    unit: str
    baseline: str
    target_2025: str
    target_2035: str
    attribute: str


SPEC = [
    Row(1, "环境质量", "细颗粒物（PM2.5）年均浓度①", "微克/立方米", "28", "≤25", "≤20", "约束性"),
    Row(2, "环境质量", "地表水达到或好于Ⅲ类水体比例", "%", "80", "≥85", "≥90", "约束性"),
    Row(3, "生态保护", "森林覆盖率", "%", "21.5*", "≥23", "≥25", "预期性"),
    Row(4, "生态保护", "湿地保护率", "%", "——", "不降低", "稳中向好", "预期性"),
    Row(5, "生态保护", "生态保护红线面积", "平方公里", "1200", "不减少", "不减少", "约束性"),
]
HEADER = ["序号", "类别", "指标名称", "单位", "基准值（2020年）", "2025年", "2035年", "指标属性"]
FOOTNOTES = ["注：①按剔除沙尘天气影响后的数据计。", "*为2019年数据。"]
BOX = ("专栏 2 生态保护修复重点工程", [("（一）", "湿地保护工程", "修复退化湿地。")])


def _cells(row: Row) -> list[str]:
    return [
        str(row.seq), row.category, row.name, row.unit, row.baseline,
        row.target_2025, row.target_2035, row.attribute,
    ]


def build_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(NOTICE)
    document.add_paragraph(DATE)
    document.add_paragraph(TITLE)
    document.add_paragraph("一、主要目标")
    document.add_paragraph("表1 主要指标")
    table = document.add_table(rows=1 + len(SPEC), cols=len(HEADER))
    for i, text in enumerate(HEADER):
        table.cell(0, i).text = text
    for r, row in enumerate(SPEC, start=1):
        for c, text in enumerate(_cells(row)):
            table.cell(r, c).text = text
    # Merge each category's cells vertically, as Word tables do.
    start = 1
    for r in range(2, len(SPEC) + 2):
        if r == len(SPEC) + 1 or SPEC[r - 1].category != SPEC[start - 1].category:
            if r - 1 > start:
                top = table.cell(start, 1)
                merged = top.merge(table.cell(r - 1, 1))
                merged.text = SPEC[start - 1].category
            start = r
    for note in FOOTNOTES:
        document.add_paragraph(note)
    document.add_paragraph("二、重点任务")
    document.add_paragraph(BOX[0])
    for code, title, text in BOX[1]:
        document.add_paragraph(f"{code}{title}")
        document.add_paragraph(text)
    document.add_paragraph("三、保障措施")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Template headers written the way people type them: English, synonyms, odd spacing,
# full-width letters.
TEMPLATE_HEADER = [
    "No.", "Category", "Ｉｎｄｉｃａｔｏｒ", " Unit ", "Baseline 2020", "Target 2025",
    "Target 2035", "Attribute",
]
TEMPLATE_META = [
    ["title", TITLE], ["jurisdiction", "某某旗"], ["period_start", "2021"], ["period_end", "2025"],
    ["base_year", "2020"],
]


def template_rows(header: list[str] | None = None) -> list[list[str]]:
    rows = [list(m) for m in TEMPLATE_META]
    rows.append(header or TEMPLATE_HEADER)
    previous = None
    for row in SPEC:
        cells = _cells(row)
        if row.category == previous:
            cells[1] = ""  # merged-cell style: category only on its first row
        previous = row.category
        rows.append(cells)
    return rows


def build_csv(encoding: str = "utf-8", header: list[str] | None = None) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(template_rows(header))
    return out.getvalue().encode(encoding)


def build_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in template_rows():
        sheet.append([int(c) if c.isdigit() else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_pdf_plan() -> bytes:
    from .pdfgen import build_pdf

    xs = [40, 80, 150, 390, 470, 580, 650, 720]
    runs = [(40.0, 560.0, TITLE), (40.0, 530.0, "表1 主要指标")]
    y = 500.0
    for x, text in zip(xs, HEADER, strict=True):
        runs.append((float(x), y, text))
    previous = None
    for row in SPEC:
        y -= 22
        for x, text in zip(xs, _cells(row), strict=True):
            if x == xs[1] and row.category == previous:
                continue
            runs.append((float(x), y, text))
        previous = row.category
    y -= 30
    for note in FOOTNOTES:
        runs.append((40.0, y, note))
        y -= 16
    return build_pdf([runs])


def write_all(directory: Path) -> dict[str, Path]:
    files = {
        "plan.docx": build_docx(),
        "plan.xlsx": build_xlsx(),
        "plan.csv": build_csv(),
        "plan.pdf": build_pdf_plan(),
    }
    paths = {}
    for name, data in files.items():
        path = directory / name
        path.write_bytes(data)
        paths[name] = path
    return paths
