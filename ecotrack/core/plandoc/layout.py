"""Tell which text layout a .txt export has, from the shape of its lines alone.

- "tabbed": PDF text layers exported with one table row per line and cells separated by
  tabs (empty cells keep their tab).
- "cell_per_line": Word exports with one table cell per line, each starting with a tab,
  rows separated by an empty line, in-cell line breaks on lines without the tab.
- "plain": no table structure at all.
"""

from __future__ import annotations

from typing import Literal

Layout = Literal["tabbed", "cell_per_line", "plain"]


def detect_layout(lines: list[str]) -> Layout:
    tabbed = 0
    single_cell = 0
    for line in lines:
        if "\t" not in line:
            continue
        inner = line.rstrip("\n").strip("\t")
        if line.startswith("\t") and "\t" not in line[1:]:
            single_cell += 1
        elif "\t" in inner or line.count("\t") >= 2:
            tabbed += 1
    if single_cell >= 6 and single_cell > tabbed:
        return "cell_per_line"
    if tabbed >= 2:
        return "tabbed"
    return "plain"
