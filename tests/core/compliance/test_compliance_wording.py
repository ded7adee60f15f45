"""Explanations name qualitative states as people read them, never by their data keys.

Every state of the vocabulary is tried as a target against every state as an observation,
and against numbers, so each sentence the qualitative rules can write is produced.
"""

from __future__ import annotations

import re

import pytest
from compliance_fixtures import NO_TARGETS_ABOVE, TONGLIAO_CHAIN

from ecotrack.core.compliance import (
    Assessment,
    IndicatorCase,
    IndicatorSpec,
    Observation,
    QualState,
    assess,
)
from ecotrack.core.indicators import Direction
from ecotrack.core.targets import parse_target
from ecotrack.core.targets.vocabulary import load_states

STATES = load_states().states
WORD = re.compile(r"[a-z_]+")


def raw_keys(assessment: Assessment) -> list[str]:
    """State keys printed in either explanation.

    In English a key equal to its English name (``stable``, ``met``) is a word like any
    other; a key that differs from its name (``not_decrease``) must never show.
    """
    zh_keys = {state.key for state in STATES}
    en_keys = {state.key for state in STATES if state.key != state.en}
    return [w for w in WORD.findall(assessment.explanation_zh) if w in zh_keys] + [
        w for w in WORD.findall(assessment.explanation_en) if w in en_keys
    ]


def _assess(target_zh: str, observations: tuple[Observation, ...]) -> Assessment:
    case = IndicatorCase(
        indicator=IndicatorSpec("eco.forest_cover", Direction.HIGHER_BETTER, "%"),
        chain=TONGLIAO_CHAIN,
        targets={2025: parse_target(target_zh)},
        observations=observations,
        base_year=2020,
    )
    return assess(case, 2025, NO_TARGETS_ABOVE, as_of=2023)


@pytest.mark.parametrize("target", STATES, ids=lambda s: s.key)
def test_no_state_key_in_explanations(target):
    assert parse_target(target.zh).state == target.key  # the canonical form reads back
    observed = [(QualState(s.key),) for s in STATES] + [(QualState(s.key, "面积"),) for s in STATES]
    for states in observed:
        result = _assess(target.zh, (Observation(2023, states=states),))
        assert raw_keys(result) == [], (result.explanation_zh, result.explanation_en)
    numbers = (Observation(2020, 30.0), Observation(2022, 31.0), Observation(2023, 32.5))
    result = _assess(target.zh, numbers)
    assert raw_keys(result) == [], (result.explanation_zh, result.explanation_en)


def test_states_are_named_in_each_language():
    # 正在制定 observed against 实施: the institution ladder, before the deadline.
    result = _assess("实施", (Observation(2023, states=(QualState("being_drafted"),)),))
    assert "观测状态“正在制定”未达到目标“实施”" in result.explanation_zh
    assert "observed 'being drafted' is below target 'implemented'" in result.explanation_en
    # 面积未减少 observed against 面积不减少: the same state, with its subject.
    area_kept = Observation(2023, states=(QualState("not_decrease", "面积"),))
    result = _assess("面积不减少", (area_kept,))
    assert "观测状态即为“面积不降低”" in result.explanation_zh
    assert "the observation states '面积 not lower than the baseline'" in result.explanation_en
    assert "观测值：面积不降低" in result.explanation_zh
