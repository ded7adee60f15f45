"""Judge one resolved target against the observations: met, not met, or cannot tell.

Each rule returns a :class:`Verdict` with its rule id and a sentence in both
languages, so the explanation can cite exactly what was compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecotrack.core.compliance.model import IndicatorCase, Observation, TrajectoryPolicy
from ecotrack.core.compliance.rules import QualitativeRules
from ecotrack.core.compliance.trajectory import meets
from ecotrack.core.compliance.wording import SYMBOL, label_en, label_zh, num, state_en, state_zh
from ecotrack.core.indicators.library import Direction, Measure
from ecotrack.core.targets.model import ChangeSense, Comparator, ParsedTarget, TargetKind

_EPSILON = 1e-9


@dataclass(frozen=True)
class Verdict:
    met: bool | None  # None: the observations cannot decide
    rule: str
    zh: str
    en: str
    # A one-sided numeric threshold the trend can be projected against.
    threshold: tuple[Comparator, float] | None = None
    # Observed on the target's state ladder, below the target rung.
    ladder_progress: bool = False


def effective_comparator(comparator: Comparator, direction: Direction) -> Comparator:
    """A bare value (``100``) or ``稳定在45`` bounds in the indicator's good direction."""
    if comparator not in (Comparator.AT, Comparator.STABLE_AT):
        return comparator
    if direction is Direction.HIGHER_BETTER:
        return Comparator.GE
    if direction is Direction.LOWER_BETTER:
        return Comparator.LE
    return Comparator.EQ


@dataclass(frozen=True)
class Judge:
    case: IndicatorCase
    rules: QualitativeRules
    policy: TrajectoryPolicy

    @property
    def unit(self) -> str:
        return self.case.indicator.unit

    def value_in(self, year: int) -> Observation | None:
        """The numeric observation describing ``year`` (by data year)."""
        found = [o for o in self.case.observations if o.data_year == year and o.value is not None]
        return found[-1] if found else None

    def judge(self, target: ParsedTarget, obs: Observation | None) -> Verdict:
        if target.kind is TargetKind.COMPOUND:
            return self._compound([self.judge(part, obs) for part in target.parts])
        if obs is None:
            return Verdict(None, "observation.missing", "没有可用的观测值", "no usable observation")
        if target.kind is TargetKind.NUMERIC:
            return self._numeric(target, obs)
        if target.kind is TargetKind.CUMULATIVE_CHANGE:
            return self._cumulative(target, obs)
        if target.kind is TargetKind.QUALITATIVE:
            return self._qualitative(target, obs)
        return Verdict(
            None, "target.unjudgeable", f"目标“{target.raw}”无法比较",
            f"target '{target.raw}' cannot be compared",
        )

    @staticmethod
    def _compound(verdicts: Sequence[Verdict]) -> Verdict:
        zh = "；".join(v.zh for v in verdicts)
        en = "; ".join(v.en for v in verdicts)
        rule = "+".join(v.rule for v in verdicts)
        failing = [v for v in verdicts if v.met is False]
        if failing:
            threshold = failing[0].threshold if len(failing) == 1 else None
            progress = all(v.ladder_progress for v in failing)
            return Verdict(False, rule, zh, en, threshold, progress)
        if any(v.met is None for v in verdicts):
            return Verdict(None, rule, zh, en)
        return Verdict(True, rule, zh, en)

    def _numeric(self, target: ParsedTarget, obs: Observation) -> Verdict:
        if obs.value is None or target.value is None:
            return Verdict(None, "numeric.no_value", "缺少数值观测", "no numeric observation")
        value, bound = obs.value, target.value
        comparator = effective_comparator(target.comparator or Comparator.AT,
                                          self.case.indicator.direction)
        if comparator is Comparator.RANGE and target.value_high is not None:
            met = bound - _EPSILON <= value <= target.value_high + _EPSILON
            zh = f"{num(value)}在{num(bound)}～{num(target.value_high)}之间" if met else \
                f"{num(value)}不在{num(bound)}～{num(target.value_high)}之间"
            en = f"{num(value)} {'is' if met else 'is not'} within {num(bound)}–" \
                f"{num(target.value_high)}"
            return Verdict(met, "numeric.range", zh, en)
        if comparator is Comparator.APPROX:
            met = abs(value - bound) <= self.policy.approx_tolerance * abs(bound) + _EPSILON
            tol = num(self.policy.approx_tolerance * 100)
            return Verdict(
                met, "numeric.approx",
                f"{num(value)}与{num(bound)}相差{'不' if met else ''}超过{tol}%",
                f"{num(value)} is {'within' if met else 'outside'} {tol}% of {num(bound)}",
            )
        if comparator is Comparator.EQ:
            met = abs(value - bound) <= _EPSILON
        else:
            # A value equal to the bound meets ≥ and ≤: compare with a tolerance.
            met = meets(value, comparator, bound) or (
                comparator in (Comparator.GE, Comparator.LE) and abs(value - bound) <= _EPSILON
            )
        symbol = SYMBOL[comparator]
        verb_zh = "满足" if met else "不满足"
        verb_en = "meets" if met else "does not meet"
        threshold = None if comparator is Comparator.EQ else (comparator, bound)
        return Verdict(
            met, f"numeric.{comparator.value}",
            f"{num(value)}{self.unit}{verb_zh}{symbol}{num(bound)}",
            f"{num(value)}{self.unit} {verb_en} {symbol} {num(bound)}",
            threshold,
        )

    def _cumulative(self, target: ParsedTarget, obs: Observation) -> Verdict:
        assert target.value is not None
        wanted = target.value
        if self.case.indicator.measure is Measure.CHANGE:
            # The indicator already is the change over the period (…下降比例).
            numeric = ParsedTarget(raw=target.raw, kind=TargetKind.NUMERIC,
                                   comparator=Comparator.GE, value=wanted)
            verdict = self._numeric(numeric, obs)
            return Verdict(verdict.met, "cumulative.reported_change",
                           f"累计变化按报告值判断：{verdict.zh}",
                           f"cumulative change judged on the reported value: {verdict.en}",
                           verdict.threshold)
        base_year = target.base_year or self.case.base_year
        base = self.value_in(base_year) if base_year is not None else None
        if base is None or base.value is None or obs.value is None:
            return Verdict(None, "cumulative.no_baseline",
                           f"缺少基准年（{base_year or '未指定'}）观测值，无法计算累计变化",
                           f"no base-year ({base_year or 'unspecified'}) observation to compute "
                           "the cumulative change")
        sense = self._sense(target.sense)
        points = (target.unit or "").endswith("百分点")
        if not points and base.value == 0:
            return Verdict(None, "cumulative.zero_baseline", "基准年值为0，无法计算变化率",
                           "the base-year value is 0: no relative change")
        sign = -1 if sense is ChangeSense.DECREASE else 1
        if points:
            achieved = sign * (obs.value - base.value)
            level = base.value + sign * wanted
        else:
            achieved = sign * (obs.value - base.value) / base.value * 100
            level = base.value * (1 + sign * wanted / 100)
        met = achieved >= wanted - _EPSILON
        word_zh = "下降" if sign < 0 else "提高"
        word_en = "decrease" if sign < 0 else "increase"
        unit = "个百分点" if points else "%"
        comparator = Comparator.LE if sign < 0 else Comparator.GE
        return Verdict(
            met, f"cumulative.{word_en}",
            f"较{base_year}年（{num(base.value)}）累计{word_zh}{num(achieved)}{unit}，"
            f"目标{word_zh}{num(wanted)}{unit}（即{SYMBOL[comparator]}{num(level)}）",
            f"cumulative {word_en} since {base_year} ({num(base.value)}): {num(achieved)}"
            f"{' points' if points else '%'}, target {num(wanted)}{' points' if points else '%'}"
            f" (i.e. {SYMBOL[comparator]} {num(level)})",
            (comparator, level),
        )

    def _sense(self, sense: ChangeSense | None) -> ChangeSense:
        if sense in (ChangeSense.DECREASE, ChangeSense.INCREASE):
            return sense
        # [x] only says "cumulative": the good direction of the indicator decides.
        if self.case.indicator.direction is Direction.LOWER_BETTER:
            return ChangeSense.DECREASE
        return ChangeSense.INCREASE

    def _qualitative(self, target: ParsedTarget, obs: Observation) -> Verdict:
        assert target.state is not None
        state, subject = target.state, target.subject
        # Explanations name states as people read them (states.json), never by their keys.
        zh, en = label_zh(state, subject), label_en(state, subject)
        same_subject = [s for s in obs.states if s.subject == subject or s.subject is None]
        if any(s.state == state for s in same_subject):
            return Verdict(True, "state.stated", f"观测状态即为“{zh}”",
                           f"the observation states '{en}'")
        wider = self.rules.satisfied_by.get(state, frozenset())
        fulfilling = [s.state for s in same_subject if s.state in wider]
        if fulfilling:
            return Verdict(True, "state.fulfils",
                           f"观测状态“{state_zh(fulfilling[0])}”满足目标“{zh}”",
                           f"the observed '{state_en(fulfilling[0])}' fulfils the target '{en}'")
        ladder = self.rules.ladder_of(state)
        if ladder is not None:
            on_ladder = [s for s in same_subject if ladder.rank(s.state) is not None]
            if on_ladder:
                observed = on_ladder[-1].state
                met = (ladder.rank(observed) or 0) >= (ladder.rank(state) or 0)
                return Verdict(
                    met, f"ladder.{ladder.name}",
                    f"观测状态“{state_zh(observed)}”{'达到' if met else '未达到'}目标"
                    f"“{state_zh(state)}”（{ladder.zh}）",
                    f"observed '{state_en(observed)}' {'reaches' if met else 'is below'} target "
                    f"'{state_en(state)}' ({ladder.en})",
                    ladder_progress=not met,
                )
        if state in self.rules.equal_states and same_subject:
            return Verdict(False, "state.equal",
                           f"观测状态不是“{zh}”", f"the observation does not state '{en}'")
        comparison = self.rules.comparisons.get(state)
        if comparison is not None and obs.value is not None:
            return self._compare(comparison.state, obs)
        threshold = self.rules.elimination_threshold(state, self.case.indicator.key)
        if threshold is not None and obs.value is not None:
            return self._eliminated(state, obs.value, threshold.max_value, threshold.provenance)
        return Verdict(None, "state.no_evidence",
                       f"没有能判断“{zh}”的观测", f"no observation that can show '{en}'")

    def _compare(self, state: str, obs: Observation) -> Verdict:
        comparison = self.rules.comparisons[state]
        assert obs.value is not None
        baseline = comparison.against == "baseline"
        ref_year = self.case.base_year if baseline else obs.data_year - 1
        ref = self.value_in(ref_year) if ref_year is not None else None
        rule = f"compare.{comparison.against}.{comparison.relation}"
        if ref is None or ref.value is None:
            return Verdict(None, rule,
                           f"{comparison.zh}；缺少{ref_year or '基准'}年观测值",
                           f"{comparison.en}; no observation for {ref_year or 'the base year'}")
        relation = comparison.relation
        direction = self.case.indicator.direction
        if relation in ("not_worse", "better"):
            strict = relation == "better"
            if direction is Direction.LOWER_BETTER:
                relation = "lt" if strict else "le"
            elif direction is Direction.HIGHER_BETTER:
                relation = "gt" if strict else "ge"
            else:
                relation = "eq"
        met, comparator = self._relation(relation, obs.value, ref.value)
        threshold = (comparator, ref.value) if comparison.against == "baseline" and \
            comparator is not Comparator.EQ else None
        return Verdict(
            met, rule,
            f"{comparison.zh}：{obs.data_year}年{num(obs.value)}，{ref_year}年{num(ref.value)}，"
            f"{'满足' if met else '不满足'}",
            f"{comparison.en}: {num(obs.value)} in {obs.data_year} vs {num(ref.value)} in "
            f"{ref_year}, {'met' if met else 'not met'}",
            threshold,
        )

    @staticmethod
    def _relation(relation: str, value: float, ref: float) -> tuple[bool, Comparator]:
        comparator = Comparator(relation)
        if comparator is Comparator.EQ:
            return abs(value - ref) <= _EPSILON, comparator
        close = abs(value - ref) <= _EPSILON
        if comparator in (Comparator.GE, Comparator.LE) and close:
            return True, comparator
        if comparator in (Comparator.GT, Comparator.LT) and close:
            return False, comparator
        return meets(value, comparator, ref), comparator

    @staticmethod
    def _eliminated(state: str, value: float, max_value: float | None, provenance: str) -> Verdict:
        # Rule ids stay free of state keys: they are printed inside the explanations.
        if max_value is None:
            if abs(value) <= _EPSILON:
                return Verdict(True, "elimination.zero", "观测值为0，已消除",
                               "the observed value is 0: eliminated")
            return Verdict(None, "elimination.undefined",
                           f"“{state_zh(state)}”没有数值口径，观测值{num(value)}需要人工判定或填报状态",
                           f"'{state_en(state)}' has no numeric definition here; {num(value)} "
                           "needs an officer's judgement or an observed state")
        met = value <= max_value + _EPSILON
        source = f"（依据：{provenance}）" if provenance else ""
        return Verdict(met, "elimination.threshold",
                       f"观测值{num(value)}{'≤' if met else '>'}{num(max_value)}{source}",
                       f"observed {num(value)} {'≤' if met else '>'} {num(max_value)}"
                       f"{' (per rules data)' if provenance else ''}",
                       (Comparator.LE, max_value))
