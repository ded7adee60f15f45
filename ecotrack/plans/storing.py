"""Store a parsed plan (from `ecotrack.core.plandoc` or the CSV reader): plan, indicators,
targets, standard values, baseline observations and 专栏, in one transaction.

Re-importing the same document (same SHA-256 for the same jurisdiction) changes nothing.
A different file for a plan that already exists (same title and period) is refused, so a
second version never silently merges into the first.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from auditlog.context import auditlog_value, disable_auditlog
from auditlog.models import LogEntry
from django.core.files.base import ContentFile
from django.db import transaction

from ecotrack.accounts.permissions import require_edit
from ecotrack.core.plandoc import Indicator, ParsedPlan, PlanImportError
from ecotrack.core.plandoc.places import joined
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.matching import canonical_by_key, find_canonical, guess_direction
from ecotrack.plans.models import (
    Attribute,
    KeyProject,
    Observation,
    ObservationSource,
    Plan,
    PlanIndicator,
    PlanKind,
    Target,
)
from ecotrack.plans.observations import first_observation, read_cell
from ecotrack.plans.places import plan_table_method
from ecotrack.plans.target_parsing import parsed_form

ATTRIBUTES = {
    "约束性": Attribute.BINDING,
    "预期性": Attribute.EXPECTED,
    "参考性": Attribute.REFERENCE,
}


@dataclass(frozen=True)
class StoreResult:
    plan: Plan
    created: bool
    indicators: int = 0
    linked: int = 0
    targets: int = 0
    observations: int = 0
    projects: int = 0


def guess_kind(title: str) -> str:
    if "示范" in title:
        return PlanKind.DEMONSTRATION
    if "生态环境保护" in title and "规划" in title:
        return PlanKind.FIVE_YEAR
    return PlanKind.OTHER


def numbers_for(indicators: list[Indicator]) -> list[str]:
    """「7」 for a single row; 「7.1」「7.2」 for sub-indicator rows sharing number 7;
    a row without a number gets its position."""
    shared = Counter(i.seq for i in indicators if i.seq is not None)
    seen: Counter[int] = Counter()
    numbers = []
    for position, ind in enumerate(indicators, start=1):
        if ind.seq is None:
            numbers.append(f"#{position}")
        elif shared[ind.seq] > 1:
            seen[ind.seq] += 1
            numbers.append(f"{ind.seq}.{seen[ind.seq]}")
        else:
            numbers.append(str(ind.seq))
    return numbers


def _issued(value: str | None, filename: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise PlanImportError(filename, f"not a date: {value!r}", field="issued_date") from exc


def store_parsed_plan(
    parsed: ParsedPlan,
    jurisdiction: Jurisdiction,
    *,
    source: bytes,
    user: Any | None,
    kind: str | None = None,
    publish: bool = False,
) -> StoreResult:
    """Store `parsed` for `jurisdiction`; `source` is the file's bytes (kept and hashed).

    `user` must be allowed to edit `jurisdiction` (`None` = trusted system caller).
    Raises PlanImportError for anything the user can fix; nothing is stored then.
    """
    if user is not None:
        require_edit(user, jurisdiction)
    meta = parsed.plan
    name = meta.filename or "plan"
    sha = hashlib.sha256(source).hexdigest()
    same = Plan.objects.filter(jurisdiction=jurisdiction, source_sha256=sha).first()
    if same is not None:
        return StoreResult(same, created=False)
    for field, flag in (("title", "--title"), ("period_start", "--period-start"),
                        ("period_end", "--period-end")):
        if not getattr(meta, field):
            raise PlanImportError(name, f"plan metadata: {field} not found; give {flag}",
                                  field=field)
    assert meta.title and meta.period_start and meta.period_end
    if meta.period_end < meta.period_start:
        raise PlanImportError(name, "the period ends before it starts", field="period_end")
    other = Plan.objects.filter(
        jurisdiction=jurisdiction, title=meta.title, period_start=meta.period_start,
        period_end=meta.period_end,
    ).first()
    if other is not None:
        raise PlanImportError(
            name,
            f"plan {meta.title!r} ({meta.period_start}–{meta.period_end}) of {jurisdiction} was "
            f"already imported from another file ({other.source_filename or 'entered by hand'}); "
            "delete it first to import this version",
        )
    _check_target_years(parsed.indicators, name)
    plan = Plan(
        jurisdiction=jurisdiction,
        title=meta.title,
        kind=kind or guess_kind(meta.title),
        period_start=meta.period_start,
        period_end=meta.period_end,
        base_year=meta.base_year,
        issuing_body=meta.issuing_body or "",
        issued_date=_issued(meta.issued_date, name),
        source_filename=name,
        source_sha256=sha,
        is_published=publish,
    )
    try:
        with transaction.atomic():
            plan.source_file.save(name, ContentFile(source), save=False)
            plan.save()
            with disable_auditlog():
                counts = _store_indicators(plan, parsed.indicators)
            indicators, _linked, targets, observations = counts
            _log_import(plan, user, sha, {"indicators": indicators, "targets": targets,
                                          "observations": observations})
            for position, box in enumerate(parsed.projects, start=1):
                KeyProject.objects.create(
                    plan=plan, box=box.box or "", title=box.title, position=position,
                    items=[{"code": i.code, "title": i.title, "text": i.text} for i in box.items],
                )
    except BaseException:
        # The database rolled back; the stored copy of the document must go too.
        if plan.source_file.name:
            plan.source_file.storage.delete(plan.source_file.name)
        raise
    return StoreResult(plan, True, *counts, projects=len(parsed.projects))


def _check_target_years(indicators: list[Indicator], name: str) -> None:
    for ind in indicators:
        years = [cell.year for cell in ind.targets if cell.year is not None and cell.raw]
        if len(years) != len(set(years)):
            raise PlanImportError(name, "two targets for the same year", row=ind.source,
                                  field="target")


def _store_indicators(plan: Plan, indicators: list[Indicator]) -> tuple[int, int, int, int]:
    """Indicators, targets and baseline observations of a NEW plan, built in memory and
    written with one bulk insert per table (no per-row audit entries: the caller writes one
    summary entry on the plan). Indicators go first: their returned ids link the rest."""
    library = canonical_by_key()
    rows: list[PlanIndicator] = []
    for position, (ind, number) in enumerate(
        zip(indicators, numbers_for(indicators), strict=True), start=1
    ):
        unit = "" if (ind.unit or "").strip() in ("", "-", "—") else (ind.unit or "").strip()
        canonical, rule = find_canonical(ind.name, ind.sub_name or "", unit, library)
        texts = [cell.raw for cell in ind.targets] + [ind.standard_value or ""]
        rows.append(PlanIndicator(
            plan=plan,
            position=position,
            seq=ind.seq,
            number=number,
            category=ind.category or "",
            subcategory=ind.subcategory or "",
            name=ind.name,
            sub_name=ind.sub_name or "",
            unit=unit,
            attribute=ATTRIBUTES.get(ind.attribute or "", ""),
            direction=guess_direction(canonical, [t for t in texts if t], unit),
            footnotes="\n".join(ind.notes),
            canonical=canonical,
            match_rule=rule,
            plan_compliance_text=ind.compliance_raw or "",
            source_location=joined(ind.table, ind.source),
        ))
    rows = PlanIndicator.objects.bulk_create(rows)
    if any(row.pk is None for row in rows):  # pragma: no cover - old SQLite (< 3.35)
        raise RuntimeError("the database did not return the ids of the new indicators")
    targets: list[Target] = []
    observations: list[Observation] = []
    for row, ind in zip(rows, indicators, strict=True):
        for cell in ind.targets:
            if cell.year is not None and cell.raw:
                targets.append(Target(indicator=row, year=cell.year, text=cell.raw,
                                      parsed=parsed_form(cell.raw)))
        if ind.standard_value:
            targets.append(Target(indicator=row, year=None, text=ind.standard_value,
                                  parsed=parsed_form(ind.standard_value),
                                  is_standard_value=True))
        if ind.baseline and ind.baseline.year and ind.baseline.raw:
            observation = _baseline(row, ind, plan.source_filename)
            if observation is not None:
                observations.append(observation)
    Target.objects.bulk_create(targets)
    Observation.objects.bulk_create(observations)
    linked = sum(row.canonical_id is not None for row in rows)
    return len(indicators), linked, len(targets), len(observations)


def _baseline(row: PlanIndicator, ind: Indicator, filename: str) -> Observation | None:
    """The baseline cell as an imported observation (unsaved, a first revision: the plan is
    new); 「——」 and the like hold no data and give None."""
    cell = ind.baseline
    assert cell is not None and cell.year is not None
    marks = {cell.mark: cell.data_year} if cell.mark and cell.data_year else {}
    value, data_year, found_marks = read_cell(cell.raw, cell.year, row.unit, marks)
    if value is None and data_year == cell.year and _holds_no_data(cell.raw, cell.year, row):
        return None
    return first_observation(
        row, cell.year, value, ObservationSource.IMPORT, plan_table_method(filename, ind.source),
        text=cell.raw, data_year=cell.data_year or data_year, marks=cell.mark or found_marks,
    )


def _log_import(plan: Plan, user: Any | None, sha: str, counts: dict[str, int]) -> None:
    """The one audit entry standing for the rows inserted in bulk: who imported which file
    (name, SHA-256) and how many rows of each kind. The actor is `user`, else the one of the
    auditlog context (web request or `command_actor`)."""
    context = auditlog_value.get(None) or {}
    extra = context.get("additional_data")
    data: dict[str, Any] = dict(extra) if isinstance(extra, dict) else {}
    data["import"] = {"file": plan.source_filename, "sha256": sha, **counts}
    actor = user if getattr(user, "is_authenticated", False) else None
    entry = LogEntry.objects.log_create(
        plan, force_log=True, action=LogEntry.Action.UPDATE, changes={}, actor=actor,
        additional_data=data,
    )
    # auditlog's context, when one is set, overwrites additional_data as the entry is saved.
    LogEntry.objects.filter(pk=entry.pk).update(additional_data=data)


def _holds_no_data(raw: str, year: int, row: PlanIndicator) -> bool:
    """「——」「无」 and the like. A cell in words (「完成上级管控目标」, a sentence with side
    figures) is kept as a text-only observation: it is what the plan reports, and an
    officer judges it."""
    from ecotrack.core.compliance import observation_from_cell

    return observation_from_cell(raw, year, unit=row.unit or None) is None
