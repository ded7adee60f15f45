"""Read a CitiesWithNature profile report (text) into a ParsedProfileReport.

Works from the report template's fixed headings and markers, never from any one city's
content, so it reads other cities' reports with other numbers of commitments and actions.
Garbled text (OCR, wrong encoding) is refused as a whole: an import lands whole or not at all.
"""

from __future__ import annotations

import dataclasses

from .errors import ProfileReportError
from .garble import assess_text
from .parse_action_platform import parse_action_platform
from .parse_pathway_cbi import parse_cbi, parse_pathway, parse_resources
from .parse_profile import parse_profile
from .pathway import NaturePathway, load_pathway
from .report_model import CbiState, LocatedText, ParsedProfileReport, Profile
from .report_sections import Line, Sections, WarningLog, split_sections
from .taxonomy import Taxonomy, load_taxonomy

_REFUSAL = ("the report looks like OCR output or was decoded with the wrong encoding; "
            "refusing to import it. Use the PDF's own text layer or the original file")


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
    _refuse_garbled_lines(text, sections, source_name)

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
    _refuse_garbled_fields(report, source_name)
    return report


def _refuse_garbled_lines(text: str, sections: Sections, source_name: str) -> None:
    """Any single line that is garbage condemns the report (wherever it is)."""
    for number, raw in enumerate(text.splitlines(), start=1):
        quality = assess_text(raw)
        if quality.garbled:
            raise ProfileReportError(source_name, f"{quality.reason}: {_REFUSAL}",
                                     section=sections.section_name_of(number), line=number)


def _refuse_garbled_fields(report: ParsedProfileReport, source_name: str) -> None:
    """Whole free texts: damage spread thinly over short lines shows only in the sum."""
    texts: list[tuple[str, LocatedText]] = []
    if report.profile.about:
        texts.append(("Profile overview", report.profile.about))
    for commitment in report.commitments:
        for action in commitment.actions:
            if action.description:
                texts.append(("Action Platform", action.description))
    for section, located in texts:
        quality = assess_text(located.text)
        if quality.garbled:
            raise ProfileReportError(source_name, f"{quality.reason}: {_REFUSAL}",
                                     section=section, line=located.line)
