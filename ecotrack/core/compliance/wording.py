"""Bilingual phrases for explanations: numbers, comparators, observations, chains."""

from __future__ import annotations

from ecotrack.core.compliance.model import Observation
from ecotrack.core.compliance.resolve import Resolution
from ecotrack.core.targets.model import Comparator

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


def observation_zh(obs: Observation, unit: str) -> str:
    value = num(obs.value) + unit if obs.value is not None else "、".join(
        (s.subject or "") + s.state for s in obs.states
    )
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
        ((s.subject + " ") if s.subject else "") + s.state for s in obs.states
    )
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
