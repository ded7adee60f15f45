"""Plain inputs and outputs of the compliance engine.

Everything is a frozen dataclass or an enum so the engine is a pure function
of its inputs: the Django layer builds these from the database, Spark jobs
from Parquet, tests by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from ecotrack.core.indicators.library import Direction, Measure
from ecotrack.core.targets.model import GovLevel, ParsedTarget


class Status(StrEnum):
    MET = "met"
    ON_TRACK = "on_track"
    NOT_MET = "not_met"
    PENDING = "pending"
    NO_DATA = "no_data"

    @property
    def zh(self) -> str:
        return _STATUS_ZH[self]

    @property
    def en(self) -> str:
        return _STATUS_EN[self]


_STATUS_ZH = {
    Status.MET: "达标",
    Status.ON_TRACK: "可达标",
    Status.NOT_MET: "未达标",
    Status.PENDING: "待下达",
    Status.NO_DATA: "无数据",
}
_STATUS_EN = {
    Status.MET: "met",
    Status.ON_TRACK: "on track",
    Status.NOT_MET: "not met",
    Status.PENDING: "target still to come from above",
    Status.NO_DATA: "no data",
}


class Outlook(StrEnum):
    """Where the trend points before the deadline."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"

    @property
    def zh(self) -> str:
        return _OUTLOOK_ZH[self.value]

    @property
    def en(self) -> str:
        return {"on_track": "on track", "at_risk": "at risk", "off_track": "off track"}[self.value]


_OUTLOOK_ZH = {"on_track": "按趋势可达标", "at_risk": "有未达标风险", "off_track": "按趋势难以达标"}


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name_zh: str
    name_en: str
    level: GovLevel

    def __post_init__(self) -> None:
        if self.level is GovLevel.PARENT:
            raise ValueError("a jurisdiction has a concrete level, not 'parent'")


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    direction: Direction
    unit: str = ""
    measure: Measure = Measure.LEVEL


@dataclass(frozen=True)
class QualState:
    """An observed state such as 正在制定, or 面积未减少 (subject 面积)."""

    state: str
    subject: str | None = None


@dataclass(frozen=True)
class Observation:
    """One value as reported.

    ``data_year`` is the year the value describes; ``reported_for`` is the
    column it was filed under when that differs (``90.86*`` in the 2022
    column is 2021 data).
    """

    data_year: int
    value: float | None = None
    states: tuple[QualState, ...] = ()
    marks: tuple[str, ...] = ()
    source: str = ""
    reported_for: int | None = None
    # The cell as written, shown when nothing numeric or no known state was read from it.
    text: str = ""

    @property
    def filed_year(self) -> int:
        return self.reported_for if self.reported_for is not None else self.data_year


@dataclass(frozen=True)
class Override:
    """An officer's decision; it wins over the computed status and is shown."""

    status: Status
    reason: str
    officer: str = ""


@dataclass(frozen=True)
class TrajectoryPolicy:
    """Thresholds for the early warning; all are parameters, none hidden.

    - ``min_points``: observations needed before a line is fitted.
    - ``at_risk_ratio``: improving at no less than this share of the rate
      still required is "at risk"; slower (or getting worse) is "off track".
    - ``approx_tolerance``: relative band for ``左右`` targets.
    - ``ladder_progress_on_track``: a state ladder already climbed part way
      (正在制定 toward 实施) counts as 可达标 before the deadline, as the
      Xilinhot plan itself assessed its 生态文明建设规划.
    """

    min_points: int = 3
    at_risk_ratio: float = 0.5
    approx_tolerance: float = 0.05
    ladder_progress_on_track: bool = True


# (jurisdiction, indicator key, year) -> that jurisdiction's own target, or None.
TargetResolver = Callable[[Jurisdiction, str, int], ParsedTarget | None]


@dataclass(frozen=True)
class IndicatorCase:
    """Everything known about one indicator in one jurisdiction.

    ``chain`` starts with this jurisdiction and walks up (city, region,
    nation). ``base_year`` is the plan's base year, used by cumulative-change
    and 不降低 targets when the target text does not name one.
    """

    indicator: IndicatorSpec
    chain: tuple[Jurisdiction, ...]
    targets: Mapping[int, ParsedTarget]
    observations: tuple[Observation, ...] = ()
    base_year: int | None = None
    overrides: Mapping[int, Override] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if not self.chain:
            raise ValueError("the jurisdiction chain needs at least the jurisdiction itself")


@dataclass(frozen=True)
class Projection:
    slope: float
    intercept: float
    target_year: int
    projected_value: float
    threshold: float
    required_rate: float
    observed_rate: float
    outlook: Outlook
    points: int


@dataclass(frozen=True)
class Assessment:
    indicator_key: str
    year: int
    status: Status
    computed_status: Status
    rule: str
    explanation_zh: str
    explanation_en: str
    target: ParsedTarget | None = None
    target_set_by: Jurisdiction | None = None
    observation: Observation | None = None
    outlook: Outlook | None = None
    projection: Projection | None = None
    override: Override | None = None
