"""What a parsed CitiesWithNature profile report holds, and its JSON form.

`ParsedProfileReport.to_dict()` is the document `ecotrack import-cwn-profile PATH --dry-run
--json` prints; docs/citieswithnature.md describes every field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .awards import compute_awards, load_award_checklists

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ReportWarning:
    """Something the parser could not place or had to guess, with where it is in the report."""

    section: str
    line: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class LocatedText:
    """Free text as the city wrote it, its language (by script) and first line in the report."""

    text: str
    language: str
    line: int
    end_line: int | None = None  # last line, so line-level damage can be traced to the text

    @property
    def line_numbers(self) -> range:
        return range(self.line, (self.end_line or self.line) + 1)


@dataclass(frozen=True)
class EngagementStatistic:
    label: str
    value: int
    line: int


@dataclass(frozen=True)
class Profile:
    city_name: str | None = None
    about: LocatedText | None = None
    population: int | None = None
    country: str | None = None
    region: str | None = None
    head_of_government: str | None = None
    achievements: tuple[str, ...] = ()
    statistics: tuple[EngagementStatistic, ...] = ()
    # module key -> tier key -> percent, exactly as printed in the report
    awards_shown: dict[str, dict[str, int]] = field(default_factory=dict, compare=False)

    def filled_fields(self) -> list[str]:
        names = ("about", "population", "country", "region", "head_of_government")
        return [n for n in names if getattr(self, n) is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "city_name": self.city_name,
            "about": None if self.about is None else {
                "text": self.about.text, "language": self.about.language, "line": self.about.line},
            "population": self.population,
            "country": self.country,
            "region": self.region,
            "head_of_government": self.head_of_government,
            "achievements": list(self.achievements),
            "engagement_statistics": [{"label": s.label, "value": s.value}
                                      for s in self.statistics],
            "awards_shown": {m: dict(t) for m, t in self.awards_shown.items()},
        }


@dataclass(frozen=True)
class ReportedAction:
    key: str | None  # None: the title is not in our taxonomy (a warning says so)
    title: str
    description: LocatedText | None
    line: int
    # Why the printed description was left out (garbled OCR text); "" when it was not.
    unrecoverable: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.key,
            "title": self.title,
            "description": None if self.description is None else self.description.text,
            "language": None if self.description is None else self.description.language,
            "line": self.line,
            "unrecoverable": self.unrecoverable or None,
        }


@dataclass(frozen=True)
class ReportedCommitment:
    area_key: str | None
    area_title: str
    key: str | None
    title: str
    line: int
    actions: tuple[ReportedAction, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area_key,
            "area_title": self.area_title,
            "commitment": self.key,
            "title": self.title,
            "line": self.line,
            "actions": [a.to_dict() for a in self.actions],
        }


@dataclass(frozen=True)
class ReportedStep:
    number: int
    key: str | None
    title: str
    phase_key: str | None
    status: str
    uploads: tuple[str, ...]
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.key, "number": self.number, "title": self.title,
                "phase": self.phase_key, "status": self.status, "uploads": list(self.uploads),
                "line": self.line}


@dataclass(frozen=True)
class CbiComponent:
    key: str
    title: str
    score: int | None
    max_points: int | None
    status: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"component": self.key, "title": self.title, "score": self.score,
                "max_points": self.max_points, "status": self.status, "line": self.line}


@dataclass(frozen=True)
class CbiState:
    components: tuple[CbiComponent, ...] = ()
    total_score: int | None = None
    total_max: int | None = None

    @property
    def status(self) -> str:
        """'not_started' if no component is started, 'started' otherwise, 'absent' if no CBI."""
        if not self.components:
            return "absent"
        if all(c.status == "not_started" for c in self.components):
            return "not_started"
        return "started"

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "total_score": self.total_score,
                "total_max": self.total_max,
                "components": [c.to_dict() for c in self.components]}


@dataclass(frozen=True)
class ParsedProfileReport:
    source_name: str
    profile: Profile
    commitments: tuple[ReportedCommitment, ...]
    pathway: tuple[ReportedStep, ...]
    cbi: CbiState
    resources: tuple[str, ...]
    warnings: tuple[ReportWarning, ...]

    @property
    def actions(self) -> tuple[ReportedAction, ...]:
        return tuple(a for c in self.commitments for a in c.actions)

    def award_facts(self) -> dict[str, Any]:
        """The facts the award checklists need, as far as the report shows them.

        Facts a report never shows (profile image, contact, targets) are left out, so the
        checklist items that need them count as missing.
        """
        about_languages = [self.profile.about.language] if self.profile.about else []
        areas = {c.area_key or c.area_title for c in self.commitments}
        steps_with_uploads = [s for s in self.pathway if s.uploads]
        return {
            "profile_fields": self.profile.filled_fields(),
            "about_languages": about_languages,
            "achievements": len(self.profile.achievements),
            "commitments": len(self.commitments),
            "action_areas_with_commitments": len(areas),
            "actions_with_description": sum(1 for a in self.actions if a.description),
            "pathway_steps_with_uploads": len(steps_with_uploads),
            "pathway_phases_with_uploads": len({s.phase_key for s in steps_with_uploads}),
            "cbi_components_started": sum(1 for c in self.cbi.components
                                          if c.status != "not_started"),
            "resources": len(self.resources),
        }

    def flat_actions(self) -> list[dict[str, Any]]:
        """One row per action, with the printed area and commitment titles beside the keys:
        what a reader checks against the report without walking the nesting."""
        rows = []
        for c in self.commitments:
            for a in c.actions:
                rows.append({
                    "action_area": c.area_title,
                    "commitment": c.title,
                    "action": a.title,
                    "description": None if a.description is None else a.description.text,
                    "language": None if a.description is None else a.description.language,
                    "area_key": c.area_key,
                    "commitment_key": c.key,
                    "action_key": a.key,
                    "unrecoverable": a.unrecoverable or None,
                    "line": a.line,
                })
        return rows

    def to_dict(self) -> dict[str, Any]:
        checklists = load_award_checklists()
        return {
            "format": "ecotrack-cwn-profile-report",
            "format_version": FORMAT_VERSION,
            "source": self.source_name,
            "profile": self.profile.to_dict(),
            "actions": self.flat_actions(),
            "commitments": [c.to_dict() for c in self.commitments],
            "pathway": [s.to_dict() for s in self.pathway],
            "cbi": self.cbi.to_dict(),
            "resources": list(self.resources),
            "awards": {
                "checklists_version": checklists.version,
                "facts": self.award_facts(),
                "computed": compute_awards(self.award_facts(), checklists),
                "shown": {m: dict(t) for m, t in self.profile.awards_shown.items()},
            },
            "warnings": [w.to_dict() for w in self.warnings],
        }
