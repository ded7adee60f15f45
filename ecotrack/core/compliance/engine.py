"""``assess``: the status of one indicator for one target year, with its reasons.

Order of decisions (each one is written into the explanation):

1. no target for the year -> 无数据;
2. resolve references up the chain; nothing to judge by -> 待下达, naming
   the level (and jurisdiction) that owes the target;
3. pick the observation: after the deadline, the one filed for the target
   year; before it, the latest one filed up to ``as_of``;
4. judge the target (numeric, cumulative, qualitative rules) -> 达标 /
   未达标 / 无数据;
5. before the deadline, a target not yet met is 可达标 when the trend (or
   the progress up a state ladder) says so, otherwise 未达标 with the outlook;
6. an officer's override wins and is stated with its reason.
"""

from __future__ import annotations

from ecotrack.core.compliance.judge import Judge, Verdict
from ecotrack.core.compliance.model import (
    Assessment,
    IndicatorCase,
    Observation,
    Outlook,
    Projection,
    Status,
    TargetResolver,
    TrajectoryPolicy,
)
from ecotrack.core.compliance.resolve import Resolution, resolve
from ecotrack.core.compliance.rules import QualitativeRules, load_rules
from ecotrack.core.compliance.trajectory import project
from ecotrack.core.compliance.wording import (
    chain_en,
    chain_zh,
    num,
    observation_en,
    observation_zh,
)
from ecotrack.core.targets.model import TargetKind


def _filed_for(observations: tuple[Observation, ...], year: int) -> Observation | None:
    filed = [o for o in observations if o.filed_year == year]
    same_year = [o for o in filed if o.data_year == year]
    chosen = same_year or filed
    return chosen[-1] if chosen else None


def _latest(observations: tuple[Observation, ...], as_of: int) -> Observation | None:
    candidates = [o for o in observations if o.filed_year <= as_of]
    if not candidates:
        return None
    return max(candidates, key=lambda o: (o.filed_year, o.data_year))


def assess(
    case: IndicatorCase,
    year: int,
    resolver: TargetResolver,
    as_of: int,
    policy: TrajectoryPolicy | None = None,
    rules: QualitativeRules | None = None,
) -> Assessment:
    """Assess ``case`` against its ``year`` target as known at year ``as_of``."""
    computed = _compute(case, year, resolver, as_of, policy or TrajectoryPolicy(),
                        rules or load_rules())
    override = case.overrides.get(year)
    if override is None:
        return computed
    who = f"（{override.officer}）" if override.officer else ""
    who_en = f" ({override.officer})" if override.officer else ""
    return Assessment(
        indicator_key=computed.indicator_key,
        year=year,
        status=override.status,
        computed_status=computed.status,
        rule="override",
        explanation_zh=f"人工认定为{override.status.zh}{who}，理由：{override.reason}。"
        f"系统计算结果为{computed.status.zh}：{computed.explanation_zh}",
        explanation_en=f"Set to {override.status.en} by an officer{who_en}, reason: "
        f"{override.reason}. Computed status was {computed.status.en}: "
        f"{computed.explanation_en}",
        target=computed.target,
        target_set_by=computed.target_set_by,
        observation=computed.observation,
        outlook=computed.outlook,
        projection=computed.projection,
        override=override,
    )


def assess_all(
    case: IndicatorCase,
    resolver: TargetResolver,
    as_of: int,
    policy: TrajectoryPolicy | None = None,
) -> tuple[Assessment, ...]:
    """One assessment per target year, in year order."""
    return tuple(assess(case, year, resolver, as_of, policy) for year in sorted(case.targets))


def _compute(
    case: IndicatorCase,
    year: int,
    resolver: TargetResolver,
    as_of: int,
    policy: TrajectoryPolicy,
    rules: QualitativeRules,
) -> Assessment:
    key = case.indicator.key
    here = case.chain[0]
    target = case.targets.get(year)
    if target is None or target.kind in (TargetKind.NO_DATA, TargetKind.UNKNOWN):
        raw = f"“{target.raw}”" if target is not None else ""
        return Assessment(key, year, Status.NO_DATA, Status.NO_DATA, "target.missing",
                          f"{here.name_zh}没有{year}年可用的目标{raw}。",
                          f"{here.name_en} has no usable {year} target{raw}.", target)
    resolution = resolve(target, case.chain, key, year, resolver)
    if resolution.target is None:
        return _pending(case, year, target, resolution)

    deadline_passed = as_of >= year
    obs = _filed_for(case.observations, year) if deadline_passed else _latest(
        case.observations, as_of)
    verdict = Judge(case, rules, policy).judge(resolution.target, obs)
    projection = _projection(case, year, as_of, verdict, policy) if not deadline_passed else None
    status = _status(verdict, deadline_passed, projection, policy)
    return Assessment(
        indicator_key=key,
        year=year,
        status=status,
        computed_status=status,
        rule=verdict.rule,
        explanation_zh=_explain_zh(case, year, as_of, resolution, obs, verdict, projection, status),
        explanation_en=_explain_en(case, year, as_of, resolution, obs, verdict, projection, status),
        target=resolution.target,
        target_set_by=resolution.set_by,
        observation=obs,
        outlook=projection.outlook if projection else None,
        projection=projection,
    )


def _pending(case: IndicatorCase, year: int, target: object, resolution: Resolution) -> Assessment:
    owed = resolution.pending[0]
    return Assessment(
        case.indicator.key, year, Status.PENDING, Status.PENDING, "reference.pending",
        f"{year}年目标：{chain_zh(resolution)}；{owed.owner_zh()}尚未下达该指标{year}年的目标，"
        f"待{owed.owner_zh()}下达。",
        f"{year} target: {chain_en(resolution)}; {owed.owner_en()} has not yet set its {year} "
        f"target for this indicator, so it is still to come from {owed.owner_en()}.",
    )


def _projection(
    case: IndicatorCase, year: int, as_of: int, verdict: Verdict, policy: TrajectoryPolicy
) -> Projection | None:
    if verdict.threshold is None:
        return None
    comparator, threshold = verdict.threshold
    points = [
        (o.data_year, o.value)
        for o in case.observations
        if o.value is not None and o.filed_year <= as_of
    ]
    return project(points, year, comparator, threshold, policy)


def _status(
    verdict: Verdict, deadline_passed: bool, projection: Projection | None,
    policy: TrajectoryPolicy,
) -> Status:
    if verdict.met is True:
        return Status.MET
    if verdict.met is None:
        return Status.NO_DATA
    if deadline_passed:
        return Status.NOT_MET
    if projection is not None and projection.outlook is Outlook.ON_TRACK:
        return Status.ON_TRACK
    if projection is None and verdict.ladder_progress and policy.ladder_progress_on_track:
        return Status.ON_TRACK
    return Status.NOT_MET


def _explain_zh(
    case: IndicatorCase, year: int, as_of: int, resolution: Resolution,
    obs: Observation | None, verdict: Verdict, projection: Projection | None, status: Status,
) -> str:
    parts = [f"{year}年目标：{chain_zh(resolution)}"]
    if len(resolution.steps) > 1:
        parts.append(f"目标由{resolution.set_by.name_zh}设定")
    if resolution.fallback:
        owed = "、".join(p.owner_zh() for p in resolution.pending)
        parts.append(f"{owed}尚未下达目标，按其余条款判断")
    if obs is not None:
        parts.append(f"观测值：{observation_zh(obs, case.indicator.unit)}")
    else:
        parts.append("没有观测值")
    parts.append(f"规则{verdict.rule}：{verdict.zh}")
    if projection is not None:
        parts.append(
            f"趋势（{projection.points}个观测点最小二乘）：{year}年预计{num(projection.projected_value)}，"
            f"每年需改善{num(projection.required_rate)}，实际每年{num(projection.observed_rate)}，"
            f"{projection.outlook.zh}"
        )
    elif as_of < year and status is Status.ON_TRACK:
        parts.append("截止年前已在状态阶梯上推进，视为可达标")
    return "；".join(parts) + f"。结论：{status.zh}。"


def _explain_en(
    case: IndicatorCase, year: int, as_of: int, resolution: Resolution,
    obs: Observation | None, verdict: Verdict, projection: Projection | None, status: Status,
) -> str:
    parts = [f"{year} target: {chain_en(resolution)}"]
    if len(resolution.steps) > 1:
        parts.append(f"target set by {resolution.set_by.name_en}")
    if resolution.fallback:
        owed = ", ".join(p.owner_en() for p in resolution.pending)
        parts.append(f"{owed} has not set its target; judged by the remaining clauses")
    if obs is not None:
        parts.append(f"observation: {observation_en(obs, case.indicator.unit)}")
    else:
        parts.append("no observation")
    parts.append(f"rule {verdict.rule}: {verdict.en}")
    if projection is not None:
        parts.append(
            f"trend (least squares over {projection.points} points): "
            f"{num(projection.projected_value)} expected in {year}, improvement needed "
            f"{num(projection.required_rate)}/yr, observed {num(projection.observed_rate)}/yr, "
            f"{projection.outlook.en}"
        )
    elif as_of < year and status is Status.ON_TRACK:
        parts.append("already climbing the state ladder before the deadline: on track")
    return "; ".join(parts) + f". Status: {status.en}."
