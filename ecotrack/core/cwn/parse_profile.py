"""Chapter 1 of a profile report: 'Profile overview'.

The template prints each overview value on the line *before* its label ("2807000" /
"Population size"), engagement statistics the same way ("13" / "Actions made on the Action
Platform"), and the four award blocks as a module heading followed by tier/percent pairs.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .prose import guess_language, join_lines
from .report_model import EngagementStatistic, LocatedText, Profile
from .report_sections import Line, WarningLog
from .titles import normalize_title

SECTION = "profile"

_FIELD_LABELS = {
    "population size": "population",
    "country": "country",
    "region": "region",
    "head of government": "head_of_government",
}
_BLOCK_LABELS = {"platform engagement statistics", "achievements", "about", "overview",
                 "profile awards", "profile overview"}
# Award module headings as the template prints them.
_AWARD_MODULES = {
    "profile awards": "profile",
    "the nature pathway": "nature_pathway",
    "tools & resources hub": "resources_hub",
    "action platform": "action_platform",
}
_TIER = re.compile(r"\b(starter|frontrunner|star) profile\b", re.IGNORECASE)
_PERCENT = re.compile(r"(\d{1,3})\s*%\s*complete", re.IGNORECASE)
_INTEGER = re.compile(r"^\d{1,3}(?:[ ,.\u202f]?\d{3})*$|^\d+$")


def _is_label(text: str) -> bool:
    key = normalize_title(text)
    return key in _FIELD_LABELS or key in _BLOCK_LABELS or key in _AWARD_MODULES


def _parse_int(text: str) -> int | None:
    if not _INTEGER.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def _between(lines: list[Line], label: str) -> list[Line]:
    """Lines after `label` up to the next label."""
    out: list[Line] = []
    inside = False
    for line in lines:
        if inside and line.text and _is_label(line.text):
            break
        if inside and line.text:
            out.append(line)
        if normalize_title(line.text) == label:
            inside = True
    return out


def _award_start(lines: list[Line]) -> int:
    """Index of the 'Profile awards' heading; len(lines) if there is none."""
    for i, line in enumerate(lines):
        if normalize_title(line.text) == "profile awards":
            return i
    return len(lines)


def parse_awards(lines: list[Line], log: WarningLog) -> dict[str, dict[str, int]]:
    """{module: {tier: percent}} exactly as printed."""
    shown: dict[str, dict[str, int]] = {}
    module: str | None = None
    tiers: list[str] = []
    percents: list[tuple[int, int]] = []

    def flush() -> None:
        if module is None:
            return
        if len(tiers) != len(percents):
            log.add(SECTION, percents[0][1] if percents else None,
                    f"award block '{module}': {len(tiers)} tier names but "
                    f"{len(percents)} percentages; pairing them in order")
        shown[module] = {tier: pct for tier, (pct, _) in zip(tiers, percents, strict=False)}

    for line in lines[_award_start(lines):]:
        heading = _AWARD_MODULES.get(normalize_title(line.text))
        if heading:
            flush()
            module, tiers, percents = heading, [], []
            continue
        tiers += [t.lower() for t in _TIER.findall(line.text)]
        percents += [(int(p), line.number) for p in _PERCENT.findall(line.text)]
    flush()
    return shown


def _statistics(lines: list[Line]) -> tuple[EngagementStatistic, ...]:
    """An integer line followed by a text line that is not one of the overview's labels."""
    stats: list[EngagementStatistic] = []
    texts = [line for line in lines if line.text]
    for value_line, label_line in pairwise(texts):
        value = _parse_int(value_line.text)
        if value is None or _is_label(label_line.text) or _parse_int(label_line.text) is not None:
            continue
        if _PERCENT.search(label_line.text) or _TIER.search(label_line.text):
            continue
        stats.append(EngagementStatistic(label=label_line.text, value=value,
                                         line=value_line.number))
    return tuple(stats)


def parse_profile(lines: list[Line], log: WarningLog) -> Profile:
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    previous: Line | None = None
    for line in lines:
        if not line.text:
            continue
        name = _FIELD_LABELS.get(normalize_title(line.text))
        if name:
            if previous is None or _is_label(previous.text):
                log.add(SECTION, line.number, f"'{line.text}' has no value above it")
            else:
                fields[name] = previous.text
                field_lines[name] = previous.number
        previous = line
    for label, name in _FIELD_LABELS.items():
        if name not in fields:
            log.add(SECTION, None, f"overview field '{label}' not found")

    population = None
    if "population" in fields:
        population = _parse_int(fields["population"])
        if population is None:
            log.add(SECTION, field_lines["population"],
                    f"population size '{fields['population']}' is not a whole number")

    about_lines = _between(lines, "about")
    about = None
    if about_lines:
        text = join_lines(line.text for line in about_lines)
        about = LocatedText(text=text, language=guess_language(text),
                            line=about_lines[0].number, end_line=about_lines[-1].number)

    achievement_lines = _between(lines, "achievements")
    # Statistics sit in the overview, never inside the free texts or the award blocks.
    free_text = {line.number for line in about_lines + achievement_lines}
    overview = [ln for ln in lines[:_award_start(lines)] if ln.number not in free_text]
    return Profile(
        about=about,
        population=population,
        country=fields.get("country"),
        region=fields.get("region"),
        head_of_government=fields.get("head_of_government"),
        achievements=tuple(line.text for line in achievement_lines),
        statistics=_statistics(overview),
        awards_shown=parse_awards(lines, log),
    )
