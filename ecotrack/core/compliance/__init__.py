"""The compliance engine: 达标 / 可达标 / 未达标 / 待下达 / 无数据, explained (pure)."""

from __future__ import annotations

from ecotrack.core.compliance.engine import assess, assess_all
from ecotrack.core.compliance.model import (
    Assessment,
    IndicatorCase,
    IndicatorSpec,
    Jurisdiction,
    Observation,
    Outlook,
    Override,
    Projection,
    QualState,
    Status,
    TargetResolver,
    TrajectoryPolicy,
)
from ecotrack.core.compliance.observations import observation_from_cell

__all__ = [
    "Assessment",
    "IndicatorCase",
    "IndicatorSpec",
    "Jurisdiction",
    "Observation",
    "Outlook",
    "Override",
    "Projection",
    "QualState",
    "Status",
    "TargetResolver",
    "TrajectoryPolicy",
    "assess",
    "assess_all",
    "observation_from_cell",
]
