"""Bilingual phrases for explanations: numbers, comparators, observations, chains."""

from __future__ import annotations

from ecotrack.core.compliance.model import Observation
from ecotrack.core.compliance.resolve import Resolution
from ecotrack.core.targets.model import Comparator
from ecotrack.core.targets.vocabulary import load_states

SYMBOL = {
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
    Comparator.EQ: "=",
}


def num(value: float) -> str:
    """Short decimal form: 25.0 -> 25, 0.333333 -> 0.3333."""
    return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def state_zh(key: str) -> str:
    """The Chinese name of a state key (``not_decrease`` -> 不降低), from states.json."""
    try:
        return load_states().get(key).zh
    except KeyError:  # not a vocabulary key: already a name, show it as it is
        return key


def state_en(key: str) -> str:
    """The English name of a state key (``not_decrease`` -> not lower than the baseline)."""
    try:
        return load_states().get(key).en
    except KeyError:
        return key


def label_zh(state: str, subject: str | None = None) -> str:
    """A state as written in a plan, with its subject: 面积 + not_decrease -> 面积不降低."""
    return (subject or "") + state_zh(state)


def label_en(state: str, subject: str | None = None) -> str:
    """The subject stays as the plan wrote it (content); the state is named in English."""
    return ((subject + " ") if subject else "") + state_en(state)


def observation_zh(obs: Observation, unit: str) -> str:
    value = num(obs.value) + unit if obs.value is not None else "、".join(
        label_zh(s.state, s.subject) for s in obs.states
    )
    if not value and obs.text:
        value = f"“{obs.text}”"  # a value in words: shown as written
    details = [f"{obs.data_year}年数据"]
    if obs.marks:
        details.append("标记" + "".join(obs.marks))
    if obs.reported_for is not None and obs.reported_for != obs.data_year:
        details.append(f"填报于{obs.reported_for}年栏")
    if obs.source:
        details.append(f"来源：{obs.source}")
    return f"{value}（{'，'.join(details)}）"


def observation_en(obs: Observation, unit: str) -> str:
    value = num(obs.value) + unit if obs.value is not None else ", ".join(
        label_en(s.state, s.subject) for s in obs.states
    )
    if not value and obs.text:
        value = f"'{obs.text}' (as written)"
    details = [f"data year {obs.data_year}"]
    if obs.marks:
        details.append("mark " + "".join(obs.marks))
    if obs.reported_for is not None and obs.reported_for != obs.data_year:
        details.append(f"filed under {obs.reported_for}")
    if obs.source:
        details.append(f"source: {obs.source}")
    return f"{value} ({'; '.join(details)})"


def chain_zh(resolution: Resolution) -> str:
    return " → ".join(f"{s.jurisdiction.name_zh}“{s.target.raw}”" for s in resolution.steps)


def chain_en(resolution: Resolution) -> str:
    return " → ".join(f"{s.jurisdiction.name_en} '{s.target.raw}'" for s in resolution.steps)
