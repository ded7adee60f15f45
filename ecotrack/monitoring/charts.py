"""Server-rendered chart geometry for the run pages (inline SVG, no script, no style attribute).

The templates draw what these functions compute: rectangles with presentation attributes
(x, y, width, height, fill) and a <title> each, so the pages work under the strict CSP.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.utils.translation import get_language

from ecotrack.core.air.standards import CATEGORIES

CELL = 12  # px, one day of the calendar
GAP = 2
LEFT = 30  # room for weekday labels
TOP = 16  # room for month labels
NO_DATA = "#d0d0d0"
COLOUR = {c.name_zh: "#{:02x}{:02x}{:02x}".format(*c.rgb) for c in CATEGORIES}
# Light categories need dark text in the legend; dark ones white.
TEXT_ON = {c.name_zh: ("#000000" if sum(c.rgb) > 380 else "#ffffff") for c in CATEGORIES}


ENGLISH_NAME = {c.name_zh: c.name_en for c in CATEGORIES}


def category_name(name_zh: str | None) -> str | None:
    """A category as the page's language names it: HJ 633's own term on Chinese pages, its
    English name (standards.py) on the others. Stored results keep the Chinese term."""
    if name_zh is None or (get_language() or "").startswith("zh"):
        return name_zh
    return ENGLISH_NAME.get(name_zh, name_zh)


def legend() -> list[dict[str, str]]:
    out, low = [], 0
    for c in CATEGORIES:
        high = "" if c.aqi_max is None else str(c.aqi_max)
        out.append({"name": category_name(c.name_zh) or "", "fill": COLOUR[c.name_zh],
                    "range": f"{low}–{high}" if high else f"> {low - 1}"})
        low = (c.aqi_max or 0) + 1
    return out


def calendar(daily: Sequence[dict[str, Any]], year: int) -> dict[str, Any]:
    """A GitHub-style year calendar: columns are weeks (Monday first), rows weekdays."""
    by_day = {row["date"]: row for row in daily}
    first = date(year, 1, 1)
    start = first - timedelta(days=first.weekday())
    cells, months = [], []
    day = first
    while day.year == year:
        week = (day - start).days // 7
        row = by_day.get(day.isoformat())
        aqi = row.get("aqi") if row else None
        category = row.get("category") if row else None
        cells.append({
            "x": LEFT + week * (CELL + GAP), "y": TOP + day.weekday() * (CELL + GAP),
            "fill": COLOUR.get(category or "", NO_DATA),
            "label": f"{day.isoformat()}: AQI {aqi if aqi is not None else '—'}"
                     f"{' ' + str(category_name(category)) if category else ''}",
        })
        if day.day == 1:
            months.append({"x": LEFT + week * (CELL + GAP), "label": str(day.month)})
        day += timedelta(days=1)
    weeks = (date(year, 12, 31) - start).days // 7 + 1
    return {"cells": cells, "months": months, "cell": CELL,
            "width": LEFT + weeks * (CELL + GAP), "height": TOP + 7 * (CELL + GAP),
            "weekdays": [{"y": TOP + i * (CELL + GAP) + CELL - 2, "label": label}
                         for i, label in ((0, "Mon"), (2, "Wed"), (4, "Fri"))]}


def monthly_counts(daily: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Days per category in each month (valid days only) plus days without an AQI."""
    months = []
    for m in range(1, 13):
        rows = [r for r in daily if int(r["date"][5:7]) == m]
        counts = {c.name_zh: sum(1 for r in rows if r.get("category") == c.name_zh)
                  for c in CATEGORIES}
        months.append({"month": m, "counts": counts,
                       "invalid": sum(1 for r in rows if r.get("aqi") is None),
                       "valid": sum(counts.values())})
    return months


BAR_W = 28
BAR_GAP = 10
BAR_H = 160  # px for 31 days


def monthly_bars(months: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Stacked bars, one per month, one segment per category (bottom: 优)."""
    scale = BAR_H / 31
    bars = []
    for i, month in enumerate(months):
        x = LEFT + i * (BAR_W + BAR_GAP)
        y = TOP + BAR_H
        segments = []
        for c in CATEGORIES:
            n = month["counts"][c.name_zh]
            if not n:
                continue
            h = n * scale
            y -= h
            segments.append({"x": x, "y": round(y, 2), "height": round(h, 2),
                             "fill": COLOUR[c.name_zh],
                             "label": f"{month['month']}: {category_name(c.name_zh)} {n}"})
        bars.append({"x": x, "label_x": x + BAR_W / 2, "month": month["month"],
                     "segments": segments})
    return {"bars": bars, "bar_width": BAR_W, "width": LEFT + 12 * (BAR_W + BAR_GAP),
            "height": TOP + BAR_H + 20, "axis_y": TOP + BAR_H, "label_y": TOP + BAR_H + 14}


RATIO_BAR = {"width": 100, "height": 10}  # px; 1 px per percentage point
# Decorative (the ratio is in the same cell as text); dark enough on the track (> 3:1).
RATIO_FILL = "#2e7d32"
RATIO_TRACK = "#e6e6e6"


def ratio_bar(ratio: float | None) -> dict[str, Any]:
    """A small horizontal bar for a good-day ratio (0–100 %); None draws only the track."""
    share = 0.0 if ratio is None else max(0.0, min(100.0, float(ratio)))
    return {"width": round(RATIO_BAR["width"] * share / 100, 1), "fill": RATIO_FILL,
            "track": RATIO_TRACK}
