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
