"""Chapter 2 of a profile report: 'The Action Platform'.

The template prints, per action area: "Action area N", the area title, then per commitment
"Commitment Made:" and its title, then per action its title, "Description of how city is
taking action" and the city's text, and finally "Other commitments under this action area"
listing again the commitments that have no actions. Titles wrap over lines and descriptions
run over page breaks (blank lines), so the text is read paragraph by paragraph, and a
paragraph is an action title when the description marker follows it or when the taxonomy
knows it as an action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .prose import guess_language, join_lines
from .report_model import LocatedText, ReportedAction, ReportedCommitment
from .report_sections import Line, WarningLog, blocks
from .taxonomy import ActionArea, Taxonomy
from .titles import normalize_title

SECTION = "action_platform"

_AREA = re.compile(r"^action\s*area\s*(\d+)\s*(.*)$", re.IGNORECASE)
_COMMITMENT = re.compile(r"^commitment made\s*:?\s*(.*)$", re.IGNORECASE)
_DESCRIPTION = "description of how city is taking action"
_OTHER = "other commitments under this action area"


def _kind(line: str) -> str:
    if _AREA.match(line):
        return "area"
    if _COMMITMENT.match(line):
        return "commitment"
    key = normalize_title(line)
    if key == _DESCRIPTION:
        return "description"
    if key == _OTHER:
        return "other"
    return "text"


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Paragraphs, with every marker line split off into a paragraph of its own (OCR output
    runs markers and titles together), except that a commitment title stays with its marker."""
    out: list[list[Line]] = []
    for block in blocks(lines):
        current: list[Line] = []
        for line in block:
            kind = _kind(line.text)
            if kind != "text":
                if current:
                    out.append(current)
                current = [line]
                if kind != "commitment":
                    out.append(current)
                    current = []
            else:
                current.append(line)
        if current:
            out.append(current)
    return out


@dataclass
class _ActionDraft:
    title: str
    line: int
    key: str | None
    description: list[Line] = field(default_factory=list)


@dataclass
class _CommitmentDraft:
    area_key: str | None
    area_title: str
    title: str
    line: int
    key: str | None
    actions: list[_ActionDraft] = field(default_factory=list)


class _Reader:
    def __init__(self, taxonomy: Taxonomy, log: WarningLog) -> None:
        self.taxonomy = taxonomy
        self.log = log
        self.area: ActionArea | None = None
        self.area_title = ""
        self.area_number: int | None = None
        self.commitments: list[_CommitmentDraft] = []
        self.mode = "start"  # start | area_title | commitment_title | action | description | other

    # -- structure -------------------------------------------------------------------------

    def start_area(self, title: str, line: int, via_marker: bool) -> None:
        match = self.taxonomy.match(title, "area")
        self.area = match.area if match else None
        self.area_title = title
        if match is None:
            self.log.add(SECTION, line, f"action area '{title}' is not in the Action Platform "
                                        f"taxonomy v{self.taxonomy.version}")
        elif self.area_number is not None and match.area.number != self.area_number:
            self.log.add(SECTION, line, f"'{title}' is action area {match.area.number} in the "
                                        f"taxonomy but the report numbers it {self.area_number}")
        if not via_marker:
            self.log.add(SECTION, line, f"action area '{title}' has no 'Action area N' line "
                                        "above it")
        self.mode = "start"

    def start_commitment(self, title: str, line: int, via_marker: bool) -> None:
        match = self.taxonomy.match(title, "commitment")
        key = match.key if match else None
        if match is None:
            self.log.add(SECTION, line, f"commitment '{title}' is not in the Action Platform "
                                        f"taxonomy v{self.taxonomy.version}; kept without a key")
        elif self.area is not None and match.area.key != self.area.key:
            self.log.add(SECTION, line, f"commitment '{title}' belongs to action area "
                                        f"'{match.area.title.en}' in the taxonomy, but the report "
                                        f"lists it under '{self.area_title}'")
        if self.area is None and match is not None:
            self.area, self.area_title = match.area, match.area.title.en
        if not via_marker:
            self.log.add(SECTION, line, f"commitment '{title}' has no 'Commitment Made:' line "
                                        "above it")
        self.commitments.append(_CommitmentDraft(
            area_key=self.area.key if self.area else None, area_title=self.area_title,
            title=title, line=line, key=key))
        self.mode = "start"

    def start_action(self, title: str, line: int) -> None:
        if not self.commitments:
            self.log.add(SECTION, line, f"action '{title}' comes before any commitment; "
                                        "kept under an unnamed commitment")
            self.commitments.append(_CommitmentDraft(None, self.area_title, "", line, None))
        commitment = self.commitments[-1]
        match = self.taxonomy.match(title, "action")
        if match is None:
            self.log.add(SECTION, line, f"action '{title}' is not in the Action Platform "
                                        f"taxonomy v{self.taxonomy.version}; kept without a key")
        elif commitment.key is not None and match.commitment is not None \
                and match.commitment.key != commitment.key:
            self.log.add(SECTION, line, f"action '{title}' belongs to commitment "
                                        f"'{match.commitment.title.en}' in the taxonomy, but the "
                                        f"report lists it under '{commitment.title}'")
        commitment.actions.append(_ActionDraft(title=title, line=line,
                                               key=match.key if match else None))
        self.mode = "action"

    def other_text(self, para: list[Line]) -> None:
        """A paragraph in the 'Other commitments' list, or the start of what follows it
        when the next 'Action area N' marker is missing."""
        title = join_lines(line.text for line in para)
        area = self.taxonomy.match(title, "area")
        commitment = self.taxonomy.match(title, "commitment")
        if area is not None:
            self.area_number = None
            self.start_area(title, para[0].number, via_marker=False)
        elif commitment is not None and self.area is not None \
                and commitment.area.key != self.area.key:
            self.start_commitment(title, para[0].number, via_marker=False)
        elif commitment is not None or len(para) == 1:
            self.other_commitment(title, para[0].number)
        else:  # several one-line titles in one paragraph
            for line in para:
                self.other_commitment(line.text, line.number)

    def other_commitment(self, title: str, line: int) -> None:
        made = {normalize_title(c.title) for c in self.commitments
                if c.area_title == self.area_title}
        if normalize_title(title) not in made:
            self.log.add(SECTION, line, f"'{title}' is listed under 'Other commitments under "
                                        "this action area' but not as 'Commitment Made:'; not "
                                        "imported as a commitment")

    # -- paragraphs ------------------------------------------------------------------------

    def read(self, paragraphs: list[list[Line]]) -> None:
        for i, para in enumerate(paragraphs):
            first = para[0]
            kind = _kind(first.text)
            following = _kind(paragraphs[i + 1][0].text) if i + 1 < len(paragraphs) else None
            if kind == "area":
                m = _AREA.match(first.text)
                assert m is not None
                self.area_number = int(m.group(1))
                self.mode = "area_title"
                if m.group(2).strip():
                    self.start_area(m.group(2).strip(), first.number, via_marker=True)
            elif kind == "commitment":
                m = _COMMITMENT.match(first.text)
                assert m is not None
                title = join_lines([m.group(1)] + [ln.text for ln in para[1:]])
                # Warnings point at the title, not at the marker above it.
                title_line = para[1].number if len(para) > 1 and not m.group(1) else first.number
                if title:
                    self.start_commitment(title, title_line, via_marker=True)
                else:
                    self.mode = "commitment_title"
            elif kind == "description":
                if self.mode != "action":
                    self.log.add(SECTION, first.number,
                                 "'Description of how city is taking action' without an "
                                 "action title above it; the text below is ignored")
                    self.mode = "orphan_description"
                else:
                    self.mode = "description"
            elif kind == "other":
                self.mode = "other"
            else:
                self.text(para, following)

    def text(self, para: list[Line], following: str | None) -> None:
        title = join_lines(line.text for line in para)
        number = para[0].number
        if self.mode == "area_title":
            self.start_area(title, number, via_marker=True)
        elif self.mode == "commitment_title":
            self.start_commitment(title, number, via_marker=True)
        elif self.mode == "other":
            self.other_text(para)
        elif following == "description" or self.taxonomy.match(title, "action"):
            self.start_action(title, number)
        elif self.taxonomy.match(title, "commitment"):
            self.start_commitment(title, number, via_marker=False)
        elif self.taxonomy.match(title, "area"):
            self.area_number = None
            self.start_area(title, number, via_marker=False)
        elif self.mode == "description":
            self.commitments[-1].actions[-1].description.extend(para)
        elif self.mode == "orphan_description":
            pass  # already warned about at the marker
        elif self.mode == "start" and not self.commitments and self.area is None:
            pass  # the chapter's introduction, template text
        else:
            self.log.add(SECTION, number, f"text not recognised as an area, commitment or "
                                          f"action title; ignored: '{title[:80]}'")


def _finish(draft: _CommitmentDraft, log: WarningLog) -> ReportedCommitment:
    actions = []
    for a in draft.actions:
        description = None
        if a.description:
            text = join_lines(line.text for line in a.description)
            description = LocatedText(text=text, language=guess_language(text),
                                      line=a.description[0].number,
                                      end_line=a.description[-1].number)
        else:
            log.add(SECTION, a.line, f"action '{a.title}' has no description")
        actions.append(ReportedAction(key=a.key, title=a.title, description=description,
                                      line=a.line))
    return ReportedCommitment(area_key=draft.area_key, area_title=draft.area_title,
                              key=draft.key, title=draft.title, line=draft.line,
                              actions=tuple(actions))


def parse_action_platform(lines: list[Line], taxonomy: Taxonomy,
                          log: WarningLog) -> tuple[ReportedCommitment, ...]:
    reader = _Reader(taxonomy, log)
    reader.read(_paragraphs(lines))
    seen: dict[str, int] = {}
    for c in reader.commitments:
        if c.key and c.key in seen:
            log.add(SECTION, c.line, f"commitment '{c.title}' is listed twice (first at line "
                                     f"{seen[c.key]})")
        elif c.key:
            seen[c.key] = c.line
    return tuple(_finish(c, log) for c in reader.commitments)
