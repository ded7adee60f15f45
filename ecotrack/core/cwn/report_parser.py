"""Read a CitiesWithNature profile report (text) into a ParsedProfileReport.

Works from the report template's fixed headings and markers, never from any one city's
content, so it reads other cities' reports with other numbers of commitments and actions.
A wrongly decoded report is refused whole; from an OCR copy only the text that can be trusted
is kept (screening.py).
"""

from __future__ import annotations

import dataclasses

from .errors import ProfileReportError
from .parse_action_platform import parse_action_platform
from .parse_pathway_cbi import parse_cbi, parse_pathway, parse_resources
from .parse_profile import parse_profile
from .pathway import NaturePathway, load_pathway
from .report_model import CbiState, ParsedProfileReport, Profile
from .report_sections import Line, Sections, WarningLog, split_sections
from .screening import damaged_lines, screen_report
from .taxonomy import Taxonomy, load_taxonomy


def parse_profile_report(text: str, source_name: str, *, taxonomy: Taxonomy | None = None,
                         pathway: NaturePathway | None = None) -> ParsedProfileReport:
    taxonomy = taxonomy or load_taxonomy()
    pathway = pathway or load_pathway()
    log = WarningLog()
    sections = split_sections(text, log)
    if not sections.by_key:
        raise ProfileReportError(source_name, "no chapter of a CitiesWithNature profile report "
                                              "found (expected headings such as 'Profile "
                                              "overview' and 'The Action Platform')")
    _refuse_truncated(text, sections, source_name)
    damaged = damaged_lines(text, sections, source_name)

    def lines(key: str) -> list[Line]:
        return sections.by_key.get(key, [])

    profile = parse_profile(lines("profile"), log) if "profile" in sections.by_key else Profile()
    commitments = parse_action_platform(lines("action_platform"), taxonomy, log)
    steps = parse_pathway(lines("nature_pathway"), pathway, log) \
        if "nature_pathway" in sections.by_key else ()
    cbi, cbi_city = parse_cbi(lines("cbi"), log) if "cbi" in sections.by_key \
        else (CbiState(), None)
    resources, resources_city = parse_resources(lines("resources"), log)
    profile = dataclasses.replace(profile, city_name=cbi_city or resources_city)

    report = ParsedProfileReport(
        source_name=source_name, profile=profile, commitments=commitments, pathway=steps,
        cbi=cbi,
        resources=resources, warnings=tuple(log.items))
    return screen_report(report, damaged)


def _refuse_truncated(text: str, sections: Sections, source_name: str) -> None:
    """Every report ends with the template's closing note. Without it the file was cut off,
    and the last description read would be silently incomplete: refuse rather than store it."""
    if "footer" in sections.owner.values():
        return
    last = max((n for n, raw in enumerate(text.splitlines(), start=1) if raw.strip()),
               default=0)
    raise ProfileReportError(
        source_name, "the report stops without the template's closing note ('This document "
                     "contains information shared by this city ...'): the file looks truncated "
                     "and its last text may be cut off. Export the report again",
        section=sections.section_name_of(last), line=last)
