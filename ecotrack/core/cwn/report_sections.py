"""Cut a profile report's text into its chapters, and collect warnings while parsing them.

The chapters are found by the template's fixed headings, wherever they are, so a report
whose chapters are missing or reordered still parses (with a warning saying so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .report_model import ReportWarning
from .titles import normalize_title

# Template chapters in their printed order: key, heading line, name used in messages.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("profile", "Profile overview", "Profile overview"),
    ("action_platform", "The Action Platform", "Action Platform"),
    ("nature_pathway", "Nature Pathway", "Nature Pathway"),
    ("cbi", "City Biodiversity Index", "City Biodiversity Index"),
    ("resources", "Tools & resources", "Tools & resources"),
)
SECTION_NAMES = {key: name for key, _, name in SECTIONS}
_HEADING_TO_KEY = {normalize_title(heading): key for key, heading, _ in SECTIONS}
_CHAPTER = re.compile(r"^chapter \d+$", re.IGNORECASE)
_FOOTER = re.compile(r"^this document contains information shared by this city", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    text: str  # stripped


@dataclass
class WarningLog:
    """Warnings in the order they were found; each names its section and line."""

    items: list[ReportWarning] = field(default_factory=list)

    def add(self, section: str, line: int | None, message: str) -> None:
        self.items.append(ReportWarning(section=SECTION_NAMES.get(section, section),
                                        line=line, message=message))


@dataclass(frozen=True)
class Sections:
    by_key: dict[str, list[Line]]
    start_line: dict[str, int]
    # Every line with the section it belongs to ("" before the first heading, "footer").
    owner: dict[int, str]

    def section_name_of(self, line_number: int) -> str:
        key = self.owner.get(line_number, "")
        return SECTION_NAMES.get(key, key or "before the first chapter")


def split_sections(text: str, log: WarningLog) -> Sections:
    lines = [Line(i, raw.strip()) for i, raw in enumerate(text.splitlines(), start=1)]
    starts: dict[str, int] = {}
    footer_starts: list[int] = []
    for line in lines:
        key = _HEADING_TO_KEY.get(normalize_title(line.text)) if line.text else None
        if key and key not in starts:
            starts[key] = line.number
        elif _FOOTER.match(line.text):
            footer_starts.append(line.number)

    boundaries = sorted([(n, k) for k, n in starts.items()]
                        + [(n, "footer") for n in footer_starts])
    owner: dict[int, str] = {}
    by_key: dict[str, list[Line]] = {key: [] for key in starts}
    for line in lines:
        current = ""
        for start, key in boundaries:
            if start <= line.number:
                current = key
        owner[line.number] = current
        if current in by_key and not _CHAPTER.match(line.text):
            by_key[current].append(line)

    _warn_missing_or_reordered(starts, log)
    return Sections(by_key=by_key, start_line=starts, owner=owner)


def _warn_missing_or_reordered(starts: dict[str, int], log: WarningLog) -> None:
    template_order = [key for key, _, _ in SECTIONS]
    for key in template_order:
        if key not in starts:
            log.add(key, None, f"chapter '{SECTION_NAMES[key]}' not found in the report; "
                               "nothing imported from it")
    found = sorted(starts, key=starts.__getitem__)
    expected = [key for key in template_order if key in starts]
    if found != expected:
        names = ", ".join(SECTION_NAMES[k] for k in found)
        log.add(found[0], starts[found[0]],
                f"chapters are not in the template's order (found: {names}); parsed anyway")


def blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-empty lines (paragraphs), as the PDF text layer separates them."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out
