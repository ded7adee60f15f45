"""Keep only what a profile report says that can be trusted; never pass garbage on as text.

Two kinds of damage are told apart (see garble.py):

* Encoding damage (UTF-8 read as Latin-1, GBK, ...) is repairable by reading the file
  correctly, so such a report is refused whole: importing half of it would only hide the fix.
* Unreadable text (OCR of Chinese glyphs as Latin capitals, rare CJK characters) cannot be
  recovered. Each free-text block (the About text, each action description, each achievement,
  upload or resource title, each profile value) is judged on its own: a damaged block is left
  out with a warning, the rest is kept. Titles that match the taxonomy are the template's own
  English and stay trustworthy even when the city's text beside them is garbage.

A report in which nothing at all is left to trust is refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .errors import ProfileReportError
from .garble import ENCODING, TextQuality, assess_text
from .report_model import (
    LocatedText,
    ParsedProfileReport,
    Profile,
    ReportedAction,
    ReportedCommitment,
    ReportedStep,
)
from .report_sections import Sections, WarningLog

UNRECOVERABLE = "unrecoverable: garbled OCR text"
_REFUSAL = ("the report looks like text decoded with the wrong encoding; refusing to import "
            "it. Read the original file as UTF-8, or use the PDF's own text layer")


def damaged_lines(text: str, sections: Sections, source_name: str) -> dict[int, TextQuality]:
    """Garbled lines by number. Encoding damage anywhere refuses the report at its first line."""
    damaged: dict[int, TextQuality] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        quality = assess_text(raw)
        if not quality.garbled:
            continue
        if quality.kind == ENCODING:
            raise ProfileReportError(source_name, f"{quality.reason}: {_REFUSAL}",
                                     section=sections.section_name_of(number), line=number)
        damaged[number] = quality
    return damaged


class _Screen:
    def __init__(self, damaged: dict[int, TextQuality], source_name: str) -> None:
        self.damaged = damaged
        self.source_name = source_name
        self.log = WarningLog()

    def verdict(self, text: str, lines: Iterable[int] = ()) -> TextQuality:
        """Damaged if any of its lines is, or if the whole text is (damage spread thinly over
        short lines shows only in the sum)."""
        for number in lines:
            if number in self.damaged:
                return self.damaged[number]
        quality = assess_text(text)
        if quality.garbled and quality.kind == ENCODING:
            raise ProfileReportError(self.source_name, f"{quality.reason}: {_REFUSAL}",
                                     line=next(iter(lines), None))
        return quality

    def keep_text(self, located: LocatedText | None, section: str, what: str) -> bool:
        if located is None:
            return False
        quality = self.verdict(located.text, located.line_numbers)
        if quality.garbled:
            self.log.add(section, located.line, f"{what}: {UNRECOVERABLE} ({quality.reason}); "
                                                "not imported")
        return not quality.garbled

    def keep_titles(self, titles: Iterable[str], section: str, what: str) -> tuple[str, ...]:
        kept = []
        for title in titles:
            quality = self.verdict(title)
            if quality.garbled:
                self.log.add(section, None, f"a {what}: {UNRECOVERABLE} ({quality.reason}); "
                                            "not imported")
            else:
                kept.append(title)
        return tuple(kept)

    def profile(self, profile: Profile) -> Profile:
        about = profile.about if self.keep_text(profile.about, "profile", "the About text") \
            else None
        values: dict[str, str | None] = {}
        for name in ("country", "region", "head_of_government"):
            value = getattr(profile, name)
            if value is not None and self.verdict(value).garbled:
                self.log.add("profile", None, f"{name.replace('_', ' ')}: {UNRECOVERABLE}; "
                                              "not imported")
                value = None
            values[name] = value
        statistics = tuple(s for s in profile.statistics if not self.verdict(s.label).garbled)
        return dataclasses.replace(
            profile, about=about, statistics=statistics,
            achievements=self.keep_titles(profile.achievements, "profile", "achievement"),
            country=values["country"], region=values["region"],
            head_of_government=values["head_of_government"])

    def action(self, action: ReportedAction) -> ReportedAction | None:
        if action.key is None and self.verdict(action.title, [action.line]).garbled:
            self.log.add("action_platform", action.line,
                         f"an action title: {UNRECOVERABLE}; the action was not imported")
            return None
        if action.description is None or self.keep_text(
                action.description, "action_platform", f"action '{action.title}'"):
            return action
        reason = self.verdict(action.description.text, action.description.line_numbers).reason
        return dataclasses.replace(action, description=None,
                                   unrecoverable=f"{UNRECOVERABLE} ({reason})")

    def commitment(self, commitment: ReportedCommitment) -> ReportedCommitment | None:
        if commitment.key is None and self.verdict(commitment.title, [commitment.line]).garbled:
            self.log.add("action_platform", commitment.line,
                         f"a commitment title: {UNRECOVERABLE}; not imported with its actions")
            return None
        actions = tuple(a for a in map(self.action, commitment.actions) if a is not None)
        return dataclasses.replace(commitment, actions=actions)

    def step(self, step: ReportedStep) -> ReportedStep:
        uploads = self.keep_titles(step.uploads, "nature_pathway",
                                   f"upload title under step {step.number}")
        return dataclasses.replace(step, uploads=uploads)


def screen_report(report: ParsedProfileReport, damaged: dict[int, TextQuality]
                  ) -> ParsedProfileReport:
    """The report without its garbled texts, with a warning for each one left out."""
    screen = _Screen(damaged, report.source_name)
    screened = dataclasses.replace(
        report,
        profile=screen.profile(report.profile),
        commitments=tuple(c for c in map(screen.commitment, report.commitments) if c is not None),
        pathway=tuple(screen.step(s) for s in report.pathway),
        resources=screen.keep_titles(report.resources, "resources", "resource title"),
        warnings=report.warnings + tuple(screen.log.items),
    )
    if not _anything_trusted(screened):
        first = min(damaged) if damaged else None
        raise ProfileReportError(
            report.source_name,
            "nothing in the report can be trusted: no profile value, no commitment of the "
            "Action Platform and no Nature Pathway step could be read"
            + (" (the text is garbled, e.g. OCR output)" if damaged else "")
            + ". Use the PDF's own text layer or the original file", line=first)
    return screened


def _anything_trusted(report: ParsedProfileReport) -> bool:
    return bool(report.profile.filled_fields()
                or any(c.key for c in report.commitments)
                or any(s.key for s in report.pathway)
                or report.cbi.components)


