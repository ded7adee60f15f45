"""Self-assessment of a plan against its standard values (指标值).

A demonstration plan (the Xilinhot table) assesses its base-year values against the national
standard values and writes 达标 / 可达标 / 未达标 in its own 达标情况 column. This module does
the same with the core engine, row by row, then per numbered indicator:

- each row with a standard value is assessed as known in `year`, the standard taken as the
  target of the plan's end year: met now → 达标; not met but climbing (a state ladder, a
  trend) → 可达标; otherwise 未达标;
- a row whose value is empty or 「无」 has no value and does not count;
- a row the engine cannot decide (a value in words, a target that waits for the level
  above, a comparison with a year that has no value) needs an officer's judgement, and the
  reason is the engine's own explanation;
- an indicator with sub-indicators is 未达标 if any judged row is, needs judgement if any row
  does, else 达标 (可达标 when a row is only on track) over the rows that have values.

Nothing here knows a document: the plan's own column is read only to compare with.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ecotrack.core import compliance as engine
from ecotrack.core.targets import parse_target
from ecotrack.plans.compliance import build_case, prefetched, resolver_for
from ecotrack.plans.models import Observation, Plan, PlanIndicator

JUDGED = (engine.Status.MET, engine.Status.ON_TRACK, engine.Status.NOT_MET)
STATED = {"达标": engine.Status.MET, "可达标": engine.Status.ON_TRACK,
          "未达标": engine.Status.NOT_MET}


class Agreement:
    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    FLAGGED = "needs judgement"
    UNSTATED = "not stated in the plan"


@dataclass
class RowCheck:
    indicator: PlanIndicator
    standard: str
    observation: Observation | None
    assessment: engine.Assessment | None
    # MET / ON_TRACK / NOT_MET, or None: no value (「无」) or needs judgement.
    status: engine.Status | None
    needs_judgement: bool
    reason_zh: str
    reason_en: str


@dataclass
class IndicatorCheck:
    number: str
    name: str
    rows: list[RowCheck]
    stated: str
    status: engine.Status | None = None
    needs_judgement: bool = False
    reason_zh: str = ""
    reason_en: str = ""
    unvalued: list[str] = field(default_factory=list)

    @property
    def agreement(self) -> str:
        if self.needs_judgement or self.status is None:
            return Agreement.FLAGGED
        wanted = STATED.get(self.stated)
        if wanted is None:
            return Agreement.UNSTATED
        return Agreement.AGREES if wanted is self.status else Agreement.CONTRADICTS


def _latest(indicator: PlanIndicator, year: int) -> Observation | None:
    current = [o for o in indicator.observations.all() if o.is_current and o.year <= year]
    return max(current, key=lambda o: (o.year, o.data_year, o.pk), default=None)


def check_row(
    indicator: PlanIndicator, standard: str, year: int, deadline: int,
    resolver: Any,
) -> RowCheck:
    observation = _latest(indicator, year)
    if observation is None:
        return RowCheck(
            indicator, standard, None, None, None, False,
            f"{year}年现状值为空或“无”，不参与判断",
            f"no {year} value (empty or 无): not counted",
        )
    case = dataclasses.replace(
        build_case(indicator), targets={deadline: parse_target(standard)}, overrides={}
    )
    assessment = engine.assess(case, deadline, resolver, as_of=year)
    lead_zh = f"指标值“{standard}”视为{deadline}年目标；"
    lead_en = f"standard value '{standard}' taken as the {deadline} target; "
    if assessment.status in JUDGED:
        return RowCheck(indicator, standard, observation, assessment, assessment.status, False,
                        lead_zh + assessment.explanation_zh, lead_en + assessment.explanation_en)
    read = engine.observation_from_cell(observation.text, observation.year,
                                        unit=indicator.unit or None) if observation.text else None
    unit = indicator.unit or "—"
    if observation.value is None and (read is None or not read.states):
        why_zh = f"现状值“{observation.text}”是文字描述，既不是数值也不是可识别的状态，需人工判定；"
        why_en = (f"the value '{observation.text}' is a description, neither a number nor a "
                  "recognised state: an officer must judge it; ")
    elif observation.value is None:
        why_zh = f"现状值“{observation.text}”没有以{unit}计的数值，需人工判定；"
        why_en = (f"the value '{observation.text}' holds no number in {unit}: an officer "
                  "must judge it; ")
    elif assessment.status is engine.Status.PENDING:
        why_zh = "指标值要求完成上级目标，而上级尚未下达，需人工判定；"
        why_en = ("the standard asks for the level above's target, which is not set: an "
                  "officer must judge it; ")
    else:
        why_zh = "系统无法据此判定，需人工判定；"
        why_en = "the engine cannot decide from this: an officer must judge it; "
    return RowCheck(indicator, standard, observation, assessment, None, True,
                    why_zh + lead_zh + assessment.explanation_zh,
                    why_en + lead_en + assessment.explanation_en)


def _standard_values(indicators: Iterable[PlanIndicator]) -> dict[int, str]:
    return {
        ind.pk: t.text for ind in indicators for t in ind.targets.all() if t.is_standard_value
    }


def _group_key(indicator: PlanIndicator) -> str:
    return str(indicator.seq) if indicator.seq is not None else indicator.number


def _combine(check: IndicatorCheck) -> IndicatorCheck:
    valued = [r for r in check.rows if r.status is not None or r.needs_judgement]
    check.unvalued = [r.indicator.number for r in check.rows if r not in valued]
    failing = [r for r in valued if r.status is engine.Status.NOT_MET]
    pending = [r for r in valued if r.needs_judgement]
    if failing:
        check.status = engine.Status.NOT_MET
        chosen = failing
    elif pending:
        check.needs_judgement = True
        chosen = pending
    elif valued:
        on_track = [r for r in valued if r.status is engine.Status.ON_TRACK]
        check.status = engine.Status.ON_TRACK if on_track else engine.Status.MET
        chosen = valued
    else:
        check.needs_judgement = True
        check.reason_zh = "各项均无现状值，需人工判定。"
        check.reason_en = "no row has a value: an officer must judge it."
        return check
    multi = len(check.rows) > 1
    check.reason_zh = " ".join(
        (f"{r.indicator.number}：" if multi else "") + r.reason_zh for r in chosen
    )
    check.reason_en = " ".join(
        (f"{r.indicator.number}: " if multi else "") + r.reason_en for r in chosen
    )
    if check.unvalued and multi:
        check.reason_zh += f"（{'、'.join(check.unvalued)}无现状值，未计入）"
        check.reason_en += f" ({', '.join(check.unvalued)} without a value, not counted)"
    return check


def check_plan(plan: Plan, year: int, user: Any | None = None) -> list[IndicatorCheck]:
    """Every numbered indicator of `plan` with a standard value, assessed as known in
    `year` against it (the plan's end year as deadline)."""
    resolver = resolver_for(user)
    deadline = max(plan.period_end, year)
    indicators = list(prefetched(plan.indicators.all()))
    standards = _standard_values(indicators)
    groups: dict[str, IndicatorCheck] = {}
    for ind in indicators:
        if ind.pk not in standards:
            continue
        key = _group_key(ind)
        group = groups.setdefault(key, IndicatorCheck(key, ind.name, [], ""))
        group.stated = group.stated or ind.plan_compliance_text
        group.rows.append(check_row(ind, standards[ind.pk], year, deadline, resolver))
    return [_combine(group) for group in groups.values()]


def agreement_counts(checks: Iterable[IndicatorCheck]) -> dict[str, int]:
    counts = {a: 0 for a in (Agreement.AGREES, Agreement.CONTRADICTS, Agreement.FLAGGED,
                             Agreement.UNSTATED)}
    for check in checks:
        counts[check.agreement] += 1
    return counts


def agreement_table(checks: list[IndicatorCheck]) -> str:
    """A plain-text table: number, name, the plan's column, the computed status, agreement,
    and the reason for every flagged row."""
    lines = [f"{'No.':<5}{'plan says':<10}{'computed':<12}{'agreement':<24}indicator"]
    for check in checks:
        computed = check.status.zh if check.status else "人工判定"
        lines.append(f"{check.number:<5}{check.stated or '—':<10}{computed:<12}"
                     f"{check.agreement:<24}{check.name}")
        if check.agreement != Agreement.AGREES:
            lines.append(f"      why: {check.reason_en}")
    counts = agreement_counts(checks)
    lines.append(", ".join(f"{name}: {n}" for name, n in counts.items())
                 + f" (of {len(checks)})")
    return "\n".join(lines)
