"""What a plan progress report shows, as plain data (PDF and XLSX render the same rows).

Status and explanation are the plans app's compliance (`ecotrack.plans.compliance`), which
runs the core engine: this module only chooses the assessment year for the stage and lays
the results out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from ecotrack.accounts import permissions
from ecotrack.plans.compliance import assess_plan, count_by_status
from ecotrack.plans.models import (
    ComplianceStatus,
    MilestoneKind,
    Observation,
    Plan,
    PlanIndicator,
)

STAGES = ("annual", "midterm", "final")


@dataclass(frozen=True)
class IndicatorRow:
    number: str
    category: str
    name: str
    unit: str
    attribute: str
    baseline: str
    target_year: int | None
    target: str
    target_set_by: str
    latest: str
    latest_year: int | None
    status: str
    status_label: str
    explanation: str
    override_reason: str
    history: tuple[tuple[int, float], ...] = ()  # (data year, value) of current observations
    numeric_target: float | None = None


@dataclass(frozen=True)
class ProjectRow:
    box: str
    title: str
    items: tuple[str, ...]
    progress: str


@dataclass(frozen=True)
class PlanReport:
    plan: Plan
    stage: str
    stage_label: str
    year: int
    target_year: int | None
    rows: tuple[IndicatorRow, ...]
    counts: dict[str, int]
    status_labels: dict[str, str]
    projects: tuple[ProjectRow, ...]
    milestones: tuple[tuple[str, int, str], ...]
    generated_at: datetime
    public: bool
    warnings: tuple[str, ...] = field(default=())


def find_plan(subject: str, user: Any | None) -> Plan:
    """A plan by id, or by jurisdiction code when that jurisdiction has exactly one plan the
    user may read ("150500"), or by code and period ("150500:2021-2025")."""
    plans = permissions.visible(Plan.objects.select_related("jurisdiction"), user)
    if subject.isdigit() and len(subject) < 6:
        plan = plans.filter(pk=int(subject)).first()
        if plan is None:
            raise CommandError(f"no plan with id {subject} that you may read")
        return plan
    code, _sep, period = subject.partition(":")
    found = plans.filter(jurisdiction__code=code)
    if period:
        start, _dash, end = period.partition("-")
        if not (start.isdigit() and end.isdigit()):
            raise CommandError(f"{subject!r}: write the period as CODE:START-END")
        found = found.filter(period_start=int(start), period_end=int(end))
    matches = list(found[:10])
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise CommandError(f"no plan found for {subject!r} (give a plan id or CODE[:START-END])")
    listed = "; ".join(f"{p.pk}: {p.title} {p.period_start}-{p.period_end}" for p in matches)
    raise CommandError(f"{subject!r} matches several plans, give one id: {listed}")


def stage_year(plan: Plan, stage: str, year: int | None) -> int:
    """The year the report assesses as of: given, else by the stage and the plan's schedule."""
    if year is not None:
        return year
    if stage == "final":
        return plan.period_end
    if stage == "midterm":
        milestone = plan.milestones.filter(kind=MilestoneKind.MIDTERM).order_by("year").first()
        return milestone.year if milestone else (plan.period_start + plan.period_end) // 2
    return min(max(timezone.now().year - 1, plan.period_start), plan.period_end)


def _cell(obs: Observation | None, unit: str) -> str:
    if obs is None:
        return ""
    shown = obs.text or (f"{obs.value:g}" if obs.value is not None else "")
    if obs.data_year != obs.year:
        shown += f" ({obs.data_year})"
    return shown


def _baseline(indicator: PlanIndicator, base_year: int | None) -> str:
    current = [o for o in indicator.observations.all() if o.is_current]
    if base_year is not None:
        current = [o for o in current if o.year == base_year] or current
    first = min(current, key=lambda o: (o.year, o.pk), default=None)
    return _cell(first, indicator.unit)


def _set_by(assessment: Any, own_code: str) -> str:
    """"内蒙古自治区: ≥90" when the target came from the level above."""
    if assessment is None or assessment.target_set_by is None:
        return ""
    if assessment.target_set_by.code == own_code:
        return ""
    raw = assessment.target.raw if assessment.target is not None else ""
    return f"{assessment.target_set_by.name_zh}: {raw}".strip(": ")


def build_plan_report(
    plan: Plan, user: Any | None, stage: str = "annual", year: int | None = None
) -> PlanReport:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {STAGES}")
    as_of = stage_year(plan, stage, year)
    target_year = plan.period_end if stage == "final" else None
    statuses = assess_plan(plan, as_of, user, target_year)
    labels = {c.value: str(c.label) for c in ComplianceStatus}
    rows = []
    for item in statuses:
        ind = item.indicator
        assessment = item.selected
        target_text = ""
        if assessment is not None:
            own = {t.year: t.text for t in ind.targets.all() if t.year is not None}
            target_text = own.get(assessment.year, "")
        numeric = None
        if assessment is not None and assessment.target is not None:
            numeric = getattr(assessment.target, "value", None)
        history = tuple(
            sorted(
                (o.data_year, o.value)
                for o in ind.observations.all()
                if o.is_current and o.value is not None
            )
        )
        rows.append(
            IndicatorRow(
                number=ind.number,
                category=ind.category,
                name=ind.full_name,
                unit=ind.unit,
                attribute=ind.get_attribute_display() if ind.attribute else "",
                baseline=_baseline(ind, plan.base_year),
                target_year=assessment.year if assessment else None,
                target=target_text,
                target_set_by=_set_by(assessment, plan.jurisdiction.code),
                latest=_cell(item.latest, ind.unit),
                latest_year=item.latest.data_year if item.latest else None,
                status=item.status,
                status_label=labels.get(item.status, item.status),
                explanation=item.explanation,
                override_reason=(
                    assessment.override.reason if assessment and assessment.override else ""
                ),
                history=history,
                numeric_target=numeric if isinstance(numeric, int | float) else None,
            )
        )
    chosen_years = [r.target_year for r in rows if r.target_year]
    projects = tuple(
        ProjectRow(
            box=p.box,
            title=p.title,
            items=tuple(
                " ".join(str(x.get(k, "")) for k in ("code", "title", "text") if x.get(k)).strip()
                for x in (p.items or [])
                if isinstance(x, dict)
            ),
            progress=p.progress,
        )
        for p in plan.projects.all()
    )
    milestones = tuple(
        (m.get_kind_display(), m.year, m.get_status_display()) for m in plan.milestones.all()
    )
    stage_labels = {
        "annual": _("Annual monitoring"),
        "midterm": _("Mid-term assessment"),
        "final": _("Final assessment"),
    }
    return PlanReport(
        plan=plan,
        stage=stage,
        stage_label=stage_labels[stage],
        year=as_of,
        target_year=max(set(chosen_years), key=chosen_years.count) if chosen_years else None,
        rows=tuple(rows),
        counts=count_by_status(statuses),
        status_labels=labels,
        projects=projects,
        milestones=milestones,
        generated_at=timezone.now(),
        public=user is None,
    )
