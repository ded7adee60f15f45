"""Server-rendered chart geometry (the strict CSP allows no script and no style attribute:
templates draw SVG with presentation attributes from these numbers)."""

from __future__ import annotations

from dataclasses import dataclass

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
