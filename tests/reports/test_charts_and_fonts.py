"""The SVG charts (pure functions) and the CJK font check."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ecotrack.reports import fonts
from ecotrack.reports.charts import Bar, Point, Segment, bar_chart, line_chart, stacked_bar

SVG = "{http://www.w3.org/2000/svg}"


def tree(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - markup our own code just generated


def test_bar_width_is_the_share_of_its_own_maximum_and_labels_are_escaped():
    svg = bar_chart([Bar("<通辽> & co", 18, 36, "18 of 36"), Bar("Total", 0, 112, "0 of 112")],
                    title="CBI")
    root = tree(svg)  # well-formed XML: labels were escaped
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<通辽> & co" in texts and "18 of 36" in texts
    widths = [r.get("width") for r in root.iter(f"{SVG}rect")]
    # track, filled half of it, track of the empty bar (no filled rect for 0)
    assert widths == ["480", "240", "480"]


def test_values_above_the_maximum_are_capped():
    root = tree(bar_chart([Bar("x", 150, 100, "150%")], title="t"))
    assert [r.get("width") for r in root.iter(f"{SVG}rect")] == ["480", "480"]


def test_stacked_bar_splits_by_share_and_has_a_legend():
    svg = stacked_bar([Segment("met", "达标", 3, "#000"), Segment("not_met", "未达标", 1, "#f00")],
                      title="status")
    root = tree(svg)
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("height") == "18"]
    assert widths == [360.0, 120.0]
    assert "达标: 3" in svg and "未达标: 1" in svg


def test_line_chart_draws_points_in_year_order_and_the_target():
    svg = line_chart([Point(2022, 80), Point(2020, 70), Point(2021, 75)], "t", target=90)
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    xs = [float(p.split(",")[0]) for p in points]
    assert xs == sorted(xs) and len(xs) == 3
    assert 'stroke-dasharray="4 3"' in svg


def test_font_warning_names_the_missing_font(monkeypatch):
    monkeypatch.setattr(fonts, "cjk_font_families", lambda: ())
    assert "No Chinese (CJK) font" in fonts.cjk_font_warning()
    monkeypatch.setattr(fonts, "cjk_font_families", lambda: ("WenQuanYi Zen Hei",))
    assert "WenQuanYi Zen Hei" in fonts.cjk_font_warning()


def test_this_machine_has_the_preferred_font():
    assert fonts.cjk_font_warning() is None, fonts.cjk_font_families()
