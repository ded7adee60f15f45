"""Geometry of the component-scores chart: one stacked bar per assessment, drawn as inline SVG
by the template with presentation attributes only (the CSP forbids inline styles)."""

from __future__ import annotations

from dataclasses import dataclass

from ecotrack.cbi.models import Assessment
from ecotrack.core.cbi import Edition
from ecotrack.places.models import localized

COLOURS = {
    "native_biodiversity": "#2e7d32",
    "ecosystem_services": "#1565c0",
    "governance": "#b45309",
}
WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 12, 36
BAR = 36


@dataclass(frozen=True)
class Segment:
    x: float
    y: float
    width: float
    height: float
    fill: str
    label: str  # for the <title> tooltip


@dataclass(frozen=True)
class Bar:
    year: int
    x_label: float
    total: int
    total_y: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


@dataclass(frozen=True)
class LegendItem:
    name: str
    max_points: int
    fill: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    plot_right: int
    baseline_y: float
    max_points: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    legend: tuple[LegendItem, ...]


def component_chart(edition: Edition, assessments: list[Assessment]) -> Chart | None:
    """Stacked component scores per assessment year, all of one edition (same maximum)."""
    if not assessments:
        return None
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    scale = plot_h / edition.max_points
    step = plot_w / len(assessments)
    bars = []
    for i, assessment in enumerate(assessments):
        x = LEFT + step * i + (step - BAR) / 2
        y: float = HEIGHT - BOTTOM
        segments = []
        for comp in edition.components:
            score = int(assessment.component_scores.get(comp.key, 0))
            h = score * scale
            y -= h
            name = localized(comp.name_zh, comp.name)
            segments.append(
                Segment(
                    x=round(x, 1),
                    y=round(y, 1),
                    width=BAR,
                    height=round(h, 1),
                    fill=COLOURS.get(comp.key, "#52606d"),
                    label=f"{assessment.year} · {name}: {score} / {comp.max_points}",
                )
            )
        bars.append(
            Bar(
                year=assessment.year,
                x_label=round(x + BAR / 2, 1),
                total=assessment.total,
                total_y=round(y - 4, 1),
                segments=tuple(segments),
            )
        )
    quarter = edition.max_points // 4
    ticks = tuple(
        Tick(value=v, y=round(HEIGHT - BOTTOM - v * scale, 1))
        for v in range(0, edition.max_points + 1, quarter)
    )
    legend = tuple(
        LegendItem(localized(c.name_zh, c.name), c.max_points, COLOURS.get(c.key, "#52606d"))
        for c in edition.components
    )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        plot_right=WIDTH - RIGHT,
        baseline_y=HEIGHT - BOTTOM,
        max_points=edition.max_points,
        bars=tuple(bars),
        ticks=ticks,
        legend=legend,
    )
