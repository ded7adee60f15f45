"""Chapters 3-5 of a profile report: Nature Pathway, City Biodiversity Index, Tools & resources.

All three are short lists in fixed template wording; each parser also picks up the city's
name where the template prints it ("<City> has not started on this biodiversity index section").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pathway import NaturePathway, PathwayPhase, StepStatus
from .prose import join_lines
from .report_model import CbiComponent, CbiState, ReportedStep
from .report_sections import Line, WarningLog, blocks
from .titles import normalize_title

_PHASE = re.compile(r"^([IVXl|]{1,4})\.\s*(\S.*)$")
_STEP = re.compile(r"^(\d{1,2})\.\s*(\S.*)$")
_NO_UPLOADS = "no uploads or resources have been linked"
_PATHWAY_INTRO = re.compile(r"^the nature pathway assists cities", re.IGNORECASE)

# CBI core components as the template names them (CBD Technical Series No. 98 wording).
CBI_COMPONENTS = {
    "native biodiversity in the city": "native_biodiversity",
    "ecosystem services provided by biodiversity": "ecosystem_services",
    "governance and management of biodiversity": "governance",
}
_CBI_SCORE = re.compile(r"core component total score:\s*(\d+)\s*of\s*(\d+)\s*points",
                        re.IGNORECASE)
_CBI_NOT_STARTED = re.compile(r"^(.+?) has not started on this biodiversity index section",
                              re.IGNORECASE)
_CBI_TOTAL = re.compile(r"total cbi score out of (\d+) points:\s*(\d+)", re.IGNORECASE)
_NO_RESOURCES = re.compile(r"^(.+?) has not yet posted any tools and resources", re.IGNORECASE)
_RESOURCES_INTRO = re.compile(r"^all tools & resources the city has uploaded", re.IGNORECASE)


def parse_pathway(lines: list[Line], pathway: NaturePathway,
                  log: WarningLog) -> tuple[ReportedStep, ...]:
    section = "nature_pathway"
    steps: list[ReportedStep] = []
    phase: PathwayPhase | None = None
    current: tuple[int, str, int, PathwayPhase | None] | None = None  # number, title, line, phase
    uploads: list[str] = []

    def close() -> None:
        if current is None:
            return
        number, title, line, printed_phase = current
        step = pathway.match_step(number, title)
        if step is None:
            try:
                step = pathway.step(number)
                log.add(section, line, f"step {number} is titled '{title}' in the report but "
                                       f"'{step.title.en}' in Nature Pathway v{pathway.version}")
            except KeyError:
                log.add(section, line, f"step {number} '{title}' is not a Nature Pathway step")
        if step is not None and printed_phase is not None and step.phase_key != printed_phase.key:
            log.add(section, line, f"step {number} is printed under phase "
                                   f"'{printed_phase.title.en}' but belongs to another phase")
        status = StepStatus.IN_PROGRESS if uploads else StepStatus.NOT_STARTED
        steps.append(ReportedStep(number=number, key=step.key if step else None, title=title,
                                  phase_key=step.phase_key if step else None,
                                  status=status.value, uploads=tuple(uploads), line=line))

    for line in lines:
        text = line.text
        if not text or normalize_title(text) in ("nature pathway", _NO_UPLOADS) \
                or _PATHWAY_INTRO.match(text):
            continue
        phase_match = _PHASE.match(text)
        step_match = _STEP.match(text)
        if phase_match and pathway.match_phase(phase_match.group(2)):
            phase = pathway.match_phase(phase_match.group(2))
        elif step_match:
            close()
            current = (int(step_match.group(1)), step_match.group(2), line.number, phase)
            uploads = []
        elif current is not None:
            uploads.append(text)  # the report's format for linked uploads is not known yet
        else:
            log.add(section, line.number, f"text before the first step ignored: '{text[:80]}'")
    close()

    found = {s.number for s in steps}
    for step in pathway.steps:
        if step.number not in found:
            log.add(section, None, f"step {step.number} '{step.title.en}' not found")
    if any(s.uploads for s in steps):
        log.add(section, None, "steps with linked uploads found; their format in the report is "
                               "not known to ecotrack, each line is kept as one upload title")
    return tuple(steps)


@dataclass
class _ComponentDraft:
    key: str
    title: str
    line: int
    score: int | None = None
    max_points: int | None = None
    status: str | None = None

    def finish(self, log: WarningLog) -> CbiComponent:
        status = self.status or ("started" if self.score else "unknown")
        if status == "unknown":
            log.add("cbi", self.line, f"CBI component '{self.title}': no score or status found")
        return CbiComponent(key=self.key, title=self.title, score=self.score,
                            max_points=self.max_points, status=status, line=self.line)


def parse_cbi(lines: list[Line], log: WarningLog) -> tuple[CbiState, str | None]:
    """The CBI state, and the city's name if the template printed it."""
    section = "cbi"
    drafts: list[_ComponentDraft] = []
    city: str | None = None
    total: tuple[int, int] | None = None
    for line in lines:
        key = CBI_COMPONENTS.get(normalize_title(line.text))
        if key:
            drafts.append(_ComponentDraft(key=key, title=line.text, line=line.number))
        elif (m := _CBI_TOTAL.search(line.text)):
            total = (int(m.group(2)), int(m.group(1)))
        elif drafts and (m := _CBI_SCORE.search(line.text)):
            drafts[-1].score, drafts[-1].max_points = int(m.group(1)), int(m.group(2))
        elif drafts and (m := _CBI_NOT_STARTED.match(line.text)):
            drafts[-1].status = "not_started"
            city = city or m.group(1).strip()
    components = [d.finish(log) for d in drafts]
    if not components:
        log.add(section, None, "no CBI core component found")
    return CbiState(components=tuple(components),
                    total_score=total[0] if total else None,
                    total_max=total[1] if total else None), city


def parse_resources(lines: list[Line], log: WarningLog) -> tuple[tuple[str, ...], str | None]:
    """Resource titles (one per paragraph), and the city's name if the template printed it."""
    section = "resources"
    resources: list[str] = []
    city: str | None = None
    # The heading and the template's introduction can share a paragraph with nothing else.
    content = [line for line in lines if normalize_title(line.text) != "tools & resources"
               and not _RESOURCES_INTRO.match(line.text)]
    for para in blocks(content):
        text = join_lines(line.text for line in para)
        if (m := _NO_RESOURCES.match(text)):
            city = m.group(1).strip()
            continue
        resources.append(text)
    if resources:
        log.add(section, None, "resources found; their format in the report is not known to "
                               "ecotrack, each paragraph is kept as one resource title")
    return tuple(resources), city
