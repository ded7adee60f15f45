"""Server-rendered chart geometry (the strict CSP allows no script and no style attribute:
templates draw SVG with presentation attributes from these numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecotrack.core.compliance import Status

# Colour-blind-safe hues, one per status, with text labels next to every bar.
STATUS_COLOURS = {
    Status.MET.value: "#1b7837",
    Status.ON_TRACK.value: "#5aae61",
    Status.NOT_MET.value: "#c51b7d",
    Status.PENDING.value: "#8073ac",
    Status.NO_DATA.value: "#878787",
}


@dataclass(frozen=True)
class Bar:
    status: str
    label: str
    count: int
    y: int
    width: float
    colour: str


def status_bars(counts: dict[str, int], labels: dict[str, str], width: int = 300) -> list[Bar]:
    top = max(counts.values(), default=0) or 1
    return [
        Bar(status, labels[status], count, index * 24, round(width * count / top, 1),
            STATUS_COLOURS[status])
        for index, (status, count) in enumerate(counts.items())
    ]


@dataclass(frozen=True)
class ProgressBar:
    label: str
    percent: int | None
    y: int
    width: float
    colour: str


PROJECT_COLOURS = {
    "planned": "#878787",
    "under_way": "#5aae61",
    "completed": "#1b7837",
    "delayed": "#c51b7d",
}


def progress_bars(projects: list[Any], width: int = 300) -> list[ProgressBar]:
    """One bar per key project: its progress (0–100 %) on a track of `width`, coloured by
    status (the status is written in the table next to the chart too)."""
    return [
        ProgressBar(
            f"{p.box} {p.title}".strip(), p.progress_percent, index * 24,
            round(width * (p.progress_percent or 0) / 100, 1),
            PROJECT_COLOURS.get(p.status, "#878787"),
        )
        for index, p in enumerate(projects)
    ]


# The observation chart of one indicator: observations (by data year) against the target
# line, drawn in a plot of PLOT_W × PLOT_H inside margins for the axes' labels.
LEFT, TOP, PLOT_W, PLOT_H = 64, 16, 440, 200


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    year: int
    label: str
    baseline: bool


@dataclass(frozen=True)
class TargetMark:
    """A target year's value as a horizontal line (`y_high` is None) or band (a range)."""

    year: int
    raw: str
    x: float
    y: float
    y_high: float | None
    height: float


@dataclass(frozen=True)
class ObservationChart:
    width: int
    height: int
    left: int
    top: int
    right: int
    bottom: int
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    points: list[Point]
    line: str
    targets: list[TargetMark]
    unit: str

    @property
    def plot_width(self) -> int:
        return self.right - self.left


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    step = (high - low) / (count - 1)
    return [low + i * step for i in range(count)]


def _fmt(value: float) -> str:
    return f"{value:.4g}"


def observation_chart(
    observations: list[tuple[int, float]],
    targets: list[tuple[int, float, float | None, str]],
    baseline_year: int | None,
    unit: str,
) -> ObservationChart | None:
    """Geometry of the chart, or None when there is nothing numeric to draw.

    `observations` are (data year, value) of the current revisions; `targets` are
    (target year, value, upper value of a range or None, verbatim text).
    """
    if not observations and not targets:
        return None
    years = [y for y, _v in observations] + [t[0] for t in targets]
    values = [v for _y, v in observations] + [t[1] for t in targets] + [
        t[2] for t in targets if t[2] is not None]
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    if min(values) >= 0 and low < 0:
        low = 0.0

    def x_of(year: float) -> float:
        return round(LEFT + PLOT_W * (year - first) / (last - first), 1)

    def y_of(value: float) -> float:
        return round(TOP + PLOT_H * (high - value) / (high - low), 1)

    points = [Point(x_of(y), y_of(v), y, _fmt(v), y == baseline_year)
              for y, v in sorted(observations)]
    marks = []
    for year, value, value_high, raw in targets:
        if value_high is None:
            marks.append(TargetMark(year, raw, x_of(year), y_of(value), None, 0))
        else:
            top_y, bottom_y = y_of(max(value, value_high)), y_of(min(value, value_high))
            marks.append(TargetMark(year, raw, x_of(year), top_y, bottom_y,
                                    round(bottom_y - top_y, 1)))
    step = max(1, (last - first) // 10 + 1)
    return ObservationChart(
        width=LEFT + PLOT_W + 150, height=TOP + PLOT_H + 48, left=LEFT, top=TOP,
        right=LEFT + PLOT_W, bottom=TOP + PLOT_H,
        x_ticks=[Tick(x_of(y), str(y)) for y in range(first, last + 1, step)],
        y_ticks=[Tick(y_of(v), _fmt(v)) for v in _ticks(low, high)],
        points=points, line=" ".join(f"{p.x},{p.y}" for p in points), targets=marks,
        unit=unit,
    )
