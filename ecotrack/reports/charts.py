"""Server-rendered SVG charts for the web pages and the PDF reports (no JavaScript, no CDN).

Every function returns SVG markup (a SafeString) built from plain numbers and labels. Labels
sit above their bar, so long Chinese or English labels never collide with the bars, and the
same markup renders in browsers and in WeasyPrint. Colours are SVG presentation attributes,
which the strict Content-Security-Policy allows (it forbids `style` attributes only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH = 480
LABEL_HEIGHT = 16
BAR_HEIGHT = 12
ROW_GAP = 8
INK = "#1f2933"
TRACK = "#e4ebe4"
GREEN = "#2e7d32"
# Named on the root element: SVG text does not inherit the page font in every renderer.
FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"

# Status colours of the plan reports, chosen to stay distinct in greyscale print too.
STATUS_COLOURS = {
    "met": "#1b5e20",
    "on_track": "#66bb6a",
    "not_met": "#b91c1c",
    "pending": "#b45309",
    "no_data": "#9aa5b1",
}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    maximum: float
    value_label: str
    colour: str = GREEN


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg(height: float, body: str, title: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every piece of text below goes through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {_num(height)}" width="{WIDTH}" height="{_num(height)}" '
        f'font-family="{FONT}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def bar_chart(bars: Sequence[Bar], title: str) -> SafeString:
    """One labelled horizontal bar per row, each against its own maximum ("12 of 36")."""
    parts: list[str] = []
    y = 0.0
    for bar in bars:
        share = 0.0 if bar.maximum <= 0 else max(0.0, min(1.0, bar.value / bar.maximum))
        parts.append(
            f'<text x="0" y="{_num(y + 12)}" font-size="11" fill="{INK}">{escape(bar.label)}</text>'
            f'<text x="{WIDTH}" y="{_num(y + 12)}" font-size="11" fill="{INK}" '
            f'text-anchor="end">{escape(bar.value_label)}</text>'
        )
        y += LABEL_HEIGHT
        parts.append(
            f'<rect x="0" y="{_num(y)}" width="{WIDTH}" height="{BAR_HEIGHT}" rx="2" '
            f'fill="{TRACK}"/>'
        )
        if share > 0:
            parts.append(
                f'<rect x="0" y="{_num(y)}" width="{_num(WIDTH * share)}" height="{BAR_HEIGHT}" '
                f'rx="2" fill="{escape(bar.colour)}"/>'
            )
        y += BAR_HEIGHT + ROW_GAP
    return _svg(max(y - ROW_GAP, 1), "".join(parts), title)


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    count: int
    colour: str


def stacked_bar(segments: Sequence[Segment], title: str) -> SafeString:
    """One bar split by share (e.g. indicators by compliance status) with a legend below."""
    total = sum(s.count for s in segments)
    parts: list[str] = []
    x = 0.0
    if total == 0:
        parts.append(f'<rect x="0" y="0" width="{WIDTH}" height="18" fill="{TRACK}"/>')
    for segment in segments:
        if total == 0 or segment.count == 0:
            continue
        width = WIDTH * segment.count / total
        parts.append(
            f'<rect x="{_num(x)}" y="0" width="{_num(width)}" height="18" '
            f'fill="{escape(segment.colour)}"><title>{escape(segment.label)}: '
            f"{segment.count}</title></rect>"
        )
        x += width
    y = 36.0
    for i, segment in enumerate(segments):
        column, row = i % 2, i // 2
        lx, ly = column * (WIDTH / 2), y + row * 18
        parts.append(
            f'<rect x="{_num(lx)}" y="{_num(ly - 9)}" width="10" height="10" '
            f'fill="{escape(segment.colour)}"/>'
            f'<text x="{_num(lx + 14)}" y="{_num(ly)}" font-size="11" fill="{INK}">'
            f"{escape(segment.label)}: {segment.count}</text>"
        )
    rows = (len(segments) + 1) // 2
    return _svg(y + max(rows - 1, 0) * 18 + 6, "".join(parts), title)


@dataclass(frozen=True)
class Point:
    year: int
    value: float


def line_chart(
    points: Sequence[Point], title: str, target: float | None = None, unit: str = ""
) -> SafeString:
    """Values by year as a line with dots, and the target as a dashed line when numeric."""
    height, left, right, top, bottom = 120.0, 44.0, 12.0, 10.0, 22.0
    values = [p.value for p in points] + ([target] if target is not None else [])
    if not points:
        return _svg(height, "", title)
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    low, high = low - pad, high + pad
    years = [p.year for p in points]
    first, last = min(years), max(years)
    span = max(last - first, 1)

    def sx(year: int) -> float:
        return left + (WIDTH - left - right) * ((year - first) / span if last > first else 0.5)

    def sy(value: float) -> float:
        return top + (height - top - bottom) * (1 - (value - low) / (high - low))

    parts = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - right}" y2="{height - bottom}" '
        f'stroke="{TRACK}"/>',
        f'<text x="{left - 4}" y="{_num(sy(high - pad) + 4)}" font-size="10" fill="{INK}" '
        f'text-anchor="end">{escape(_num(high - pad))}</text>',
        f'<text x="{left - 4}" y="{_num(sy(low + pad) + 4)}" font-size="10" fill="{INK}" '
        f'text-anchor="end">{escape(_num(low + pad))}</text>',
    ]
    if target is not None:
        parts.append(
            f'<line x1="{left}" y1="{_num(sy(target))}" x2="{WIDTH - right}" '
            f'y2="{_num(sy(target))}" stroke="{STATUS_COLOURS["pending"]}" '
            f'stroke-dasharray="4 3"/>'
        )
    ordered = sorted(points, key=lambda p: p.year)
    path = " ".join(f"{_num(sx(p.year))},{_num(sy(p.value))}" for p in ordered)
    parts.append(f'<polyline points="{path}" fill="none" stroke="{GREEN}" stroke-width="2"/>')
    for p in ordered:
        parts.append(
            f'<circle cx="{_num(sx(p.year))}" cy="{_num(sy(p.value))}" r="3" fill="{GREEN}">'
            f"<title>{p.year}: {escape(_num(p.value))}{escape(unit)}</title></circle>"
            f'<text x="{_num(sx(p.year))}" y="{height - 6}" font-size="10" fill="{INK}" '
            f'text-anchor="middle">{p.year}</text>'
        )
    return _svg(height, "".join(parts), title)
