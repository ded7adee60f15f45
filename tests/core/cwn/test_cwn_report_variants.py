"""Reports that differ from Tongliao's: chapters removed or reordered, unknown titles, other
cities with other numbers of commitments, actions, uploads and resources."""

from __future__ import annotations

import pytest

from ecotrack.core.cwn import ParsedProfileReport, ProfileReportError, parse_profile_report


def _chapter_bounds(text: str) -> dict[str, tuple[int, int]]:
    """Start/end line index of each chapter of the Tongliao report as printed (0-based)."""
    lines = text.splitlines()

    def at(heading: str) -> int:
        return next(i for i, ln in enumerate(lines) if ln.strip() == heading)

    starts = {"profile": at("Chapter 1"), "action_platform": at("Chapter 2"),
              "nature_pathway": at("Nature Pathway"), "cbi": at("City Biodiversity Index"),
              "resources": at("Chapter 5"),
              "footer": next(i for i, ln in enumerate(lines) if ln.startswith("This document"))}
    keys = list(starts)
    return {k: (starts[k], starts[keys[i + 1]] if i + 1 < len(keys) else len(lines))
            for i, k in enumerate(keys)}


def _chapters(text: str, order: list[str]) -> str:
    lines = text.splitlines()
    bounds = _chapter_bounds(text)
    return "\n".join(ln for key in order for ln in lines[slice(*bounds[key])])


def test_removed_chapter_parses_with_a_warning(clean_text: str) -> None:
    text = _chapters(clean_text, ["profile", "action_platform", "nature_pathway", "resources",
                                  "footer"])
    report = parse_profile_report(text, "no-cbi.txt")
    assert len(report.commitments) == 13 and len(report.actions) == 13
    assert report.cbi.status == "absent"
    assert [(w.section, w.line) for w in report.warnings] == [("City Biodiversity Index", None)]
    assert "not found" in report.warnings[0].message


def test_reordered_chapters_parse_the_same_with_a_warning(
        clean_text: str, tongliao: ParsedProfileReport) -> None:
    text = _chapters(clean_text, ["resources", "cbi", "profile", "nature_pathway",
                                  "action_platform", "footer"])
    report = parse_profile_report(text, "reordered.txt")
    assert [c.key for c in report.commitments] == [c.key for c in tongliao.commitments]
    assert [a.description for a in report.actions] != []
    assert report.profile.population == 2807000
    assert len(report.pathway) == 9 and report.cbi.status == "not_started"
    assert len(report.warnings) == 1
    assert "not in the template's order" in report.warnings[0].message


def test_unknown_action_title_is_kept_with_a_warning(clean_text: str) -> None:
    text = clean_text.replace("Increase protected areas", "Plant a million trees")
    report = parse_profile_report(text, "unknown-action.txt")
    first = report.commitments[0].actions[0]
    assert (first.key, first.title) == (None, "Plant a million trees")
    assert first.description is not None
    assert first.description.text.startswith("通辽市各级各类自然保护地")
    [warning] = report.warnings
    assert (warning.section, warning.line) == ("Action Platform", 111)
    assert "Plant a million trees" in warning.message and "taxonomy" in warning.message


def test_unknown_commitment_title_is_kept_with_a_warning(clean_text: str) -> None:
    text = clean_text.replace("Control Pollution", "Keep the city clean")
    report = parse_profile_report(text, "unknown-commitment.txt")
    kept = [c for c in report.commitments if c.title == "Keep the city clean"]
    assert len(kept) == 1 and kept[0].key is None and len(kept[0].actions) == 3
    assert any(w.line == 182 and "Keep the city clean" in w.message for w in report.warnings)


def test_text_that_is_no_report_is_refused() -> None:
    with pytest.raises(ProfileReportError, match=r"notes\.txt: no chapter"):
        parse_profile_report("Minutes of the meeting\n\nNothing to see.", "notes.txt")


# A profile report of an invented city, written in the template's wording: other numbers of
# commitments and actions, English descriptions, uploads on two Pathway steps, two resources,
# a started CBI component, an achievement, and an OCR-style run-together tier line.
OTHER_CITY = """Chapter 1

Profile overview

Platform engagement statistics

Achievements
Green Capital finalist 2023

About
Exampleville is a river city of parks and wetlands. The council restores its floodplains and
connects them to the forest in the north.

Overview
1,250,000
Population size

Norway
Country

Europe
Region

Kari Nordmann, Mayor
Head of government

3
Actions made on the Action Platform

Profile awards
The city has updated their profile and achieved the following:

Starter profile Frontrunner profile Star profile
100% complete 67% complete 50% complete

The Nature Pathway
Starter profile
100% complete
Frontrunner profile
0% complete
Star profile
0% complete

Tools & resources hub
Starter profile
100% complete
Frontrunner profile
50% complete
Star profile
0% complete

Action Platform
Starter profile
100% complete
Frontrunner profile
50% complete
Star profile
0% complete

Chapter 2

The Action Platform

Action area 1

Protect and restore nature

Commitment Made:
Manage invasive alien species

Control or eradicate invasive alien species and prevent their introduction

Description of how city is taking action

Volunteers remove Japanese knotweed along the river every summer and the city
checks new plantings against the national list of invasive species.

Action area 3

Develop tools and solutions

Commitment Made:
Use relevant knowledge, including traditional knowledge, for effective biodiversity
management

Promote the value of nature through awareness and education campaigns

Description of how city is taking action

Schools adopt a stretch of the river and report what they find to the city.

Build a citizen science app

Description of how city is taking action

The app records bird sightings for the city's annual report.

Nature Pathway
The Nature Pathway assists cities with integrating nature throughout their city’s plans,
policies and operations.
I. Analyze
1. Commit & mobilize
Council resolution on nature, 2022
2. Research & assess
No uploads or resources have been linked
3. Set Baseline
No uploads or resources have been linked
II. Act
4. Develop strategy
Exampleville biodiversity strategy 2023-2030
5. Detail & finance projects
No uploads or resources have been linked
6. Implement & monitor
No uploads or resources have been linked
III. Accelerate
7. Integrate & collaborate
No uploads or resources have been linked
8. Review & upscale
No uploads or resources have been linked
9. Advocate & inspire
No uploads or resources have been linked

City Biodiversity Index
Native biodiversity in the city
Core Component Total Score: 12 of 36 points

Ecosystem services provided by biodiversity
Core Component Total Score: 0 of 20 points
Exampleville has not started on this biodiversity index section

Governance and management of biodiversity
Core Component Total Score: 0 of 56 points
Exampleville has not started on this biodiversity index section

This city has measured the following total CBI score out of 112 points: 12 Points

Chapter 5

Tools & resources

All tools & resources the city has uploaded to the CitiesWithNature Tools & resources hub.

River restoration guide

Wetland monitoring protocol

This document contains information shared by this city for public use.
"""


def test_another_city_with_other_numbers_parses() -> None:
    report = parse_profile_report(OTHER_CITY, "exampleville.txt")
    profile = report.profile
    assert (profile.population, profile.country, profile.region) == (1250000, "Norway", "Europe")
    assert profile.head_of_government == "Kari Nordmann, Mayor"
    assert profile.achievements == ("Green Capital finalist 2023",)
    assert profile.about is not None and profile.about.language == "en"
    assert profile.about.text.startswith("Exampleville is a river city of parks and wetlands. ")
    assert profile.city_name == "Exampleville"
    assert profile.awards_shown["profile"] == {"starter": 100, "frontrunner": 67, "star": 50}
    assert profile.awards_shown["resources_hub"]["frontrunner"] == 50

    assert [(c.area_key, c.key, len(c.actions)) for c in report.commitments] == [
        ("protect-and-restore-nature", "manage-invasive-alien-species", 1),
        ("develop-tools-and-solutions", "use-relevant-knowledge", 2)]
    actions = report.actions
    assert [a.key for a in actions] == ["control-eradicate-invasive-species",
                                        "promote-value-of-nature-awareness-education", None]
    assert actions[0].description is not None
    assert actions[0].description.text == (
        "Volunteers remove Japanese knotweed along the river every summer and the city checks "
        "new plantings against the national list of invasive species.")
    assert all(a.description and a.description.language == "en" for a in actions)

    steps = {s.number: s for s in report.pathway}
    assert steps[1].uploads == ("Council resolution on nature, 2022",)
    assert steps[1].status == steps[4].status == "in_progress"
    assert steps[2].status == "not_started"
    assert [c.status for c in report.cbi.components] == ["started", "not_started", "not_started"]
    assert (report.cbi.total_score, report.cbi.status) == (12, "started")
    assert report.resources == ("River restoration guide", "Wetland monitoring protocol")

    messages = [(w.section, w.message) for w in report.warnings]
    assert any(s == "Action Platform" and "Build a citizen science app" in m
               for s, m in messages)
    assert any(s == "Nature Pathway" and "uploads" in m for s, m in messages)
    assert any(s == "Tools & resources" for s, _ in messages)


def test_another_city_award_facts() -> None:
    facts = parse_profile_report(OTHER_CITY, "exampleville.txt").award_facts()
    assert facts["commitments"] == 2
    assert facts["action_areas_with_commitments"] == 2
    assert facts["actions_with_description"] == 3
    assert facts["pathway_steps_with_uploads"] == 2
    assert facts["pathway_phases_with_uploads"] == 2
    assert facts["cbi_components_started"] == 1
    assert facts["resources"] == 2
    assert facts["achievements"] == 1
    assert facts["about_languages"] == ["en"]


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.95])
def test_truncated_report_is_refused_at_its_last_line(clean_text: str, keep: float) -> None:
    # Cut mid-line, as an interrupted download does: the last description would be incomplete.
    cut = clean_text[:int(len(clean_text) * keep)]
    last = len(cut.rstrip().splitlines())
    with pytest.raises(ProfileReportError, match="looks truncated") as caught:
        parse_profile_report(cut, "cut.txt")
    assert caught.value.line == last
