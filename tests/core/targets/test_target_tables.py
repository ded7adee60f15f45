"""Every value/target cell of the three real indicator tables parses to a known kind.

Tables: the Inner Mongolia regional plan (demo CSV), the Tongliao and Xilinhot
gold transcriptions. The footnote conventions passed in (``*`` = 2021 data
for Xilinhot) come from the plans' own notes, as a caller would pass them.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from ecotrack.core.targets import (
    ChangeSense,
    GovLevel,
    ParseContext,
    ParsedTarget,
    TargetKind,
    parse_target,
)

ROOT = Path(__file__).resolve().parents[3]
INNER_MONGOLIA = ROOT / "ecotrack/demo/reference/indicators-innermongolia-2025.csv"
TONGLIAO = ROOT / "tests/fixtures/gold/indicators-tongliao-2025.csv"
XILINHOT = ROOT / "tests/fixtures/gold/indicators-xilinhot-2030.csv"

# Xilinhot's only footnote (L667): 注：*标注为2021年数据. '#' is left undefined.
XILINHOT_CONTEXT = ParseContext(mark_years={"*": 2021})

TABLES: dict[str, tuple[Path, tuple[str, ...], ParseContext]] = {
    "innermongolia": (INNER_MONGOLIA, ("value_2020", "target_2025"), ParseContext()),
    "tongliao": (
        TONGLIAO,
        ("value_2020", "target_2025", "target_2025_raw_cell"),
        ParseContext(),
    ),
    "xilinhot": (
        XILINHOT,
        ("standard_value", "value_2022", "target_2025", "target_2030"),
        XILINHOT_CONTEXT,
    ),
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cells() -> list[tuple[str, int, str, str, ParseContext]]:
    cells = []
    for table, (path, columns, ctx) in TABLES.items():
        for number, row in enumerate(_rows(path), start=1):
            for column in columns:
                cells.append((table, number, column, row[column], ctx))
    return cells


CELLS = _cells()


def test_every_cell_parses_to_a_known_kind() -> None:
    unknown = [
        (table, number, column, raw)
        for table, number, column, raw, ctx in CELLS
        if not parse_target(raw, ctx).is_known
    ]
    assert unknown == []


def test_distribution_of_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    by_table: dict[str, Counter[str]] = {}
    for table, _number, _column, raw, ctx in CELLS:
        by_table.setdefault(table, Counter())[parse_target(raw, ctx).kind.value] += 1
    total: Counter[str] = sum(by_table.values(), Counter())
    with capsys.disabled():
        print("\ntarget kinds per table:")
        for table, counts in [*by_table.items(), ("all", total)]:
            print(f"  {table:14s} {dict(sorted(counts.items()))}")
    assert sum(total.values()) == len(CELLS)
    # The footnote-defined conventions must show up, not be swallowed as numbers.
    assert total[TargetKind.CUMULATIVE_CHANGE.value] >= 8
    assert total[TargetKind.REFERENCE.value] >= 20


def _parse_column(table: str, column: str) -> list[ParsedTarget]:
    path, _columns, ctx = TABLES[table]
    return [parse_target(row[column], ctx) for row in _rows(path)]


def test_parenthesised_baselines_are_cumulative_decreases() -> None:
    # Footnote: “（）”代表累计下降数 (Inner Mongolia fn6, Tongliao fn8).
    for table in ("innermongolia", "tongliao"):
        parsed_column = _parse_column(table, "value_2020")
        for row, parsed in zip(_rows(TABLES[table][0]), parsed_column, strict=True):
            if row["value_2020"].startswith("("):
                assert parsed.kind is TargetKind.CUMULATIVE_CHANGE
                assert parsed.sense is ChangeSense.DECREASE
    tongliao_energy = _parse_column("tongliao", "value_2020")[6]
    assert tongliao_energy.value == pytest.approx(-3.8)  # i.e. intensity rose 3.8 %


def test_reference_levels_follow_the_plan_level() -> None:
    # The region refers to the nation, the city to the region, the county-level
    # city to its direct parent ("上级").
    levels = {
        table: {p.level for p in _parse_column(table, column) if p.kind is TargetKind.REFERENCE}
        for table, column in (
            ("innermongolia", "target_2025"),
            ("tongliao", "target_2025"),
        )
    }
    assert levels == {"innermongolia": {GovLevel.NATIONAL}, "tongliao": {GovLevel.REGION}}
    xilinhot_levels = {
        leaf.level
        for parsed in _parse_column("xilinhot", "target_2025")
        for leaf in parsed.iter_leaves()
        if leaf.kind is TargetKind.REFERENCE
    }
    assert xilinhot_levels == {GovLevel.PARENT}


def test_starred_xilinhot_values_are_2021_data() -> None:
    rows = _rows(XILINHOT)
    for row, parsed in zip(rows, _parse_column("xilinhot", "value_2022"), strict=True):
        starred = "*" in row["value_2022"]
        assert (parsed.data_year == 2021) is starred
        assert ("*" in parsed.marks) is starred
        if row["value_2022_mark"] == "#":
            assert parsed.marks == ("#",) and parsed.data_year is None


def test_verbatim_text_is_kept() -> None:
    for _table, _number, _column, raw, ctx in CELLS:
        assert parse_target(raw, ctx).raw == raw
