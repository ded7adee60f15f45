"""Store a parsed CitiesWithNature profile report (`ecotrack.core.cwn`) as a city's content.

Idempotent by construction: every row is looked up by its natural key (jurisdiction +
commitment key, commitment + action key, jurisdiction + step key, …) and saved only when a
value differs, so importing the same report again writes nothing and leaves no audit entries.
The import never deletes: what a city added in ecotrack stays. It never unpublishes either,
and it never takes a pathway step back from "completed" (only the city sets that).
The caller wraps it in one transaction (see the import-cwn-profile command and demo.py).
With `dry_run=True` nothing is written: the same comparison runs and `ImportResult.changes`
says, field by field, what an import would create or change.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.db import models

from ecotrack.core.cwn import ParsedProfileReport, StepStatus
from ecotrack.core.cwn.report_model import ReportedCommitment
from ecotrack.nature import reference, richtext
from ecotrack.nature.models import (
    ActionEntry,
    Commitment,
    OtherCommitment,
    PathwayStep,
    ReportedState,
    Resource,
    ResourceKind,
    ResourceStep,
)
from ecotrack.places.models import Jurisdiction, Profile


class ReportImportError(ValueError):
    """The report cannot be stored (e.g. whose city it is cannot be told)."""


@dataclass
class ImportResult:
    jurisdiction: Jurisdiction
    dry_run: bool = False
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    # One entry per created or updated row: {"kind", "row", "outcome", "fields": {name:
    # {"before", "after"}}}; "before" is None for a created row.
    changes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def count(self, kind: str, outcome: str) -> None:
        getattr(self, outcome)[kind] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "jurisdiction": self.jurisdiction.code,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "changes": self.changes,
            "warnings": self.warnings,
        }


_SUFFIXES = re.compile(r"\s+(city|league|prefecture|municipality)$|[市盟]$", re.IGNORECASE)


def _name_key(name: str) -> str:
    return _SUFFIXES.sub("", " ".join(name.split())).casefold()


def find_jurisdiction(city_name: str | None, source: str) -> Jurisdiction:
    """The jurisdiction whose English or Chinese name is the report's city name."""
    if not city_name:
        raise ReportImportError(
            f"{source}: the report names no city; give the jurisdiction with --jurisdiction CODE"
        )
    wanted = _name_key(city_name)
    matches = [
        j for j in Jurisdiction.objects.all()
        if wanted in {_name_key(j.name_en), _name_key(j.name_zh)}
    ]
    if not matches:
        raise ReportImportError(
            f"{source}: no jurisdiction is called '{city_name}'; give it with --jurisdiction CODE"
        )
    if len(matches) > 1:
        codes = ", ".join(j.code for j in matches)
        raise ReportImportError(
            f"{source}: '{city_name}' matches several jurisdictions ({codes}); "
            "choose one with --jurisdiction CODE"
        )
    return matches[0]


def _row_label(lookup: dict[str, Any]) -> str:
    """The natural key as a reader recognises it: the keys and titles, not database ids."""
    parts = [str(v) for k, v in lookup.items()
             if k != "jurisdiction" and not isinstance(v, models.Model) and v not in ("", None)]
    parent = next((v for k, v in lookup.items()
                   if k != "jurisdiction" and isinstance(v, models.Model)), None)
    if parent is not None:
        parts.insert(0, str(getattr(parent, "commitment_key", parent)))
    return " / ".join(parts) or "-"


def _sync(
    result: ImportResult,
    kind: str,
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    publish: bool,
) -> Any:
    """Create or update one row, saving only when something differs. A dry run only records
    what would happen; a lookup whose parent would first be created finds nothing."""
    obj: Any = None
    if all(v is not None for v in lookup.values()):
        obj = model._default_manager.filter(**lookup).first()
    label = _row_label(lookup)
    if obj is None:
        result.count(kind, "created")
        result.changes.append({"kind": kind, "row": label, "outcome": "created", "fields": {
            name: {"before": None, "after": value} for name, value in values.items()}})
        if result.dry_run:
            return None
        return model._default_manager.create(**lookup, **values, is_published=publish)
    changed = {name: {"before": getattr(obj, name), "after": value}
               for name, value in values.items() if getattr(obj, name) != value}
    if publish and not obj.is_published:
        changed["is_published"] = {"before": False, "after": True}
    if not changed:
        result.count(kind, "unchanged")
        return obj
    result.count(kind, "updated")
    result.changes.append({"kind": kind, "row": label, "outcome": "updated", "fields": changed})
    if not result.dry_run:
        for name, change in changed.items():
            setattr(obj, name, change["after"])
        obj.save()
    return obj


def _store_profile(report: ParsedProfileReport, result: ImportResult, publish: bool) -> None:
    shown = report.profile
    values: dict[str, Any] = {}
    if shown.about is not None:
        values["about"] = shown.about.text
        values["about_language"] = reference.CORE_LANGUAGE_TO_SITE.get(shown.about.language, "")
    for name, value in (
        ("population", shown.population),
        ("country", shown.country or None),
        ("world_region", shown.region or None),
        ("head_of_government", shown.head_of_government or None),
    ):
        if value is not None:  # what the report does not show is left as the city set it
            values[name] = value
    if shown.achievements:
        values["achievements"] = "\n".join(shown.achievements)
    _sync(result, "profile", Profile, {"jurisdiction": result.jurisdiction}, values, publish)


def _store_commitment(
    reported: ReportedCommitment, result: ImportResult, publish: bool
) -> None:
    place = result.jurisdiction
    if reported.key is None:
        if reported.area_key is None:
            result.warnings.append(
                f"line {reported.line}: '{reported.title}' is under an unknown action area "
                "and was not stored"
            )
            return
        _sync(result, "other_commitment", OtherCommitment,
              {"jurisdiction": place, "area_key": reported.area_key, "text": reported.title},
              {}, publish)
        if reported.actions:
            result.warnings.append(
                f"line {reported.line}: the actions of '{reported.title}' (a commitment the "
                "taxonomy does not know) were not stored"
            )
        return
    commitment = _sync(result, "commitment", Commitment,
                       {"jurisdiction": place, "commitment_key": reported.key}, {}, publish)
    for action in reported.actions:
        values: dict[str, Any] = {"jurisdiction": place}
        # A report without a usable description (none printed, or garbled OCR text) leaves
        # the stored one alone: an OCR copy must not wipe what a good copy imported.
        if action.description is not None:
            values["description"] = richtext.normalize(action.description.text)
            values["description_language"] = reference.CORE_LANGUAGE_TO_SITE.get(
                action.description.language, "")
        if action.unrecoverable:
            result.warnings.append(f"line {action.line}: action '{action.title}': "
                                   f"{action.unrecoverable}; its description was not stored")
        lookup: dict[str, Any] = {"commitment": commitment}
        if action.key:
            lookup["action_key"] = action.key
        else:
            lookup.update(action_key="", title=action.title)
        _sync(result, "action", ActionEntry, lookup, values, publish)


def _store_report_resource(
    title: str, result: ImportResult, publish: bool, step_key: str | None = None
) -> None:
    resource = _sync(result, "resource", Resource,
                     {"jurisdiction": result.jurisdiction, "title": title, "from_report": True},
                     {"kind": ResourceKind.OTHER}, publish)
    if step_key and resource is not None and not result.dry_run:
        ResourceStep.objects.get_or_create(resource=resource, step_key=step_key)


def _store_pathway(report: ParsedProfileReport, result: ImportResult, publish: bool) -> None:
    place = result.jurisdiction
    for step in report.pathway:
        if step.key is None:
            result.warnings.append(
                f"line {step.line}: pathway step {step.number} '{step.title}' is not a step "
                "ecotrack knows and was not stored"
            )
            continue
        existing = PathwayStep.objects.filter(jurisdiction=place, step_key=step.key).first()
        status = step.status
        if existing is not None and existing.status == StepStatus.COMPLETED:
            status = existing.status  # a report cannot tell "completed"; keep the city's word
        _sync(result, "pathway_step", PathwayStep,
              {"jurisdiction": place, "step_key": step.key}, {"status": status}, publish)
        for upload in step.uploads:
            _store_report_resource(upload, result, publish, step.key)


def _store_reported_state(
    report: ParsedProfileReport, result: ImportResult, publish: bool, fingerprint: str
) -> None:
    cbi = report.cbi
    components = [
        {k: v for k, v in c.to_dict().items() if k != "line"} for c in cbi.components
    ]
    values: dict[str, Any] = {
        "source_name": PurePath(report.source_name).name,
        "source_sha256": fingerprint,
    }
    # Like the profile: what this report does not show (an OCR copy lost the awards) keeps
    # what an earlier report said.
    if report.profile.awards_shown:
        values["awards_shown"] = {m: dict(t) for m, t in report.profile.awards_shown.items()}
    if cbi.status != "absent":
        values.update(cbi_status=cbi.status, cbi_total_score=cbi.total_score,
                      cbi_total_max=cbi.total_max, cbi_components=components)
    _sync(result, "reported_state", ReportedState, {"jurisdiction": result.jurisdiction},
          values, publish)


def store_report(
    report: ParsedProfileReport, text: str, jurisdiction: Jurisdiction, *, publish: bool,
    dry_run: bool = False,
) -> ImportResult:
    """Store everything the report holds for `jurisdiction`. Call inside transaction.atomic().
    With dry_run, compare only: the result says what storing would change."""
    result = ImportResult(jurisdiction=jurisdiction, dry_run=dry_run)
    result.warnings.extend(f"line {w.line}: {w.message}" for w in report.warnings)
    _store_profile(report, result, publish)
    for commitment in report.commitments:
        _store_commitment(commitment, result, publish)
    _store_pathway(report, result, publish)
    for title in report.resources:
        _store_report_resource(title, result, publish)
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
    _store_reported_state(report, result, publish, fingerprint)
    return result
