"""The public Tongliao page shows the same content as the reference report, chapter by chapter.

The expectations come from the core parser's reading of the report, not from the database, so
a fact the import dropped or the page left out fails here. The page is read as text (tags
removed, entities decoded, whitespace collapsed), the way a reader sees it.
"""

from __future__ import annotations

import html
import re

import pytest

from ecotrack.core.cwn import ParsedProfileReport, parse_profile_report, read_report_text
from tests.nature.conftest import TONGLIAO_REPORT


@pytest.fixture(scope="module")
def report() -> ParsedProfileReport:
    return parse_profile_report(read_report_text(TONGLIAO_REPORT), TONGLIAO_REPORT.name)


def _visible(page: str) -> str:
    text = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(text).split())


def _chapter(page: str, anchor: str, next_anchor: str | None) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.index(f'id="{next_anchor}"') if next_anchor else len(page)
    return _visible(page[start:end])


def _compact(text: str) -> str:
    # Descriptions are stored with their paragraphs; compare without any whitespace.
    return "".join(text.split())


@pytest.fixture
def chapters(english, tongliao) -> dict[str, str]:
    page = english.get("/nature/150500/").content.decode()
    anchors = ["overview", "action-platform", "pathway", "cbi", "resources"]
    return {a: _chapter(page, a, anchors[i + 1] if i + 1 < len(anchors) else None)
            for i, a in enumerate(anchors)}


def test_chapter_1_profile_overview(chapters, report):
    overview = chapters["overview"]
    profile = report.profile
    assert profile.about is not None
    assert _compact(profile.about.text) in _compact(overview)
    for value in (str(profile.population), profile.country, profile.region,
                  profile.head_of_government):
        assert value and value in overview
    for statistic in report.profile.statistics:  # "13 Actions made on the Action Platform"
        assert f"{statistic.label} {statistic.value}" in overview
    for module_percents in profile.awards_shown.values():
        for percent in module_percents.values():
            assert f"{percent}% complete" in overview
    # The award table, row by row, is what the report printed.
    shown = profile.awards_shown
    for title, key in (("City profile", "profile"), ("Action Platform", "action_platform"),
                       ("Nature Pathway", "nature_pathway"),
                       ("Tools & resources hub", "resources_hub")):
        row = " ".join(f"{shown[key][t]}% complete" for t in ("starter", "frontrunner", "star"))
        assert f"{title} {row}" in overview, title


def test_chapter_2_action_platform(chapters, report):
    platform = chapters["action-platform"]
    compact = _compact(platform)
    for commitment in report.commitments:
        assert commitment.title in platform
        assert "Action area" in platform and commitment.area_title in platform
        for action in commitment.actions:
            assert action.title in platform
            assert action.description is not None
            assert _compact(action.description.text) in compact, action.title
    # Printed in the report's order.
    positions = [platform.index(a.title) for a in report.actions]
    assert positions == sorted(positions)


def test_chapter_3_nature_pathway(chapters, report):
    pathway = chapters["pathway"]
    for step in report.pathway:
        assert step.title.casefold() in pathway.casefold()
    assert pathway.count("No uploads or resources have been linked") == sum(
        1 for s in report.pathway if not s.uploads)
    assert pathway.count("Not started") == sum(
        1 for s in report.pathway if s.status == "not_started")


def test_chapter_4_city_biodiversity_index(chapters, report):
    cbi = chapters["cbi"]
    assert report.cbi.status == "not_started"
    assert "Not started" in cbi
    assert f"{report.cbi.total_score} of {report.cbi.total_max} points" in cbi


def test_chapter_5_tools_and_resources(chapters, report):
    assert report.resources == ()
    assert "has not yet posted any tools and resources" in chapters["resources"]
