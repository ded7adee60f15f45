"""Early warning before the deadline: least-squares projection and its thresholds."""

from __future__ import annotations

import pytest
from compliance_fixtures import NO_TARGETS_ABOVE, TONGLIAO_CHAIN
from hypothesis import given
from hypothesis import strategies as st

from ecotrack.core.compliance import (
    IndicatorCase,
    IndicatorSpec,
    Observation,
    Outlook,
    Status,
    TrajectoryPolicy,
    assess,
)
from ecotrack.core.compliance.trajectory import least_squares, project
from ecotrack.core.indicators import Direction
from ecotrack.core.targets import Comparator, parse_target

GOOD_DAYS = IndicatorSpec("air.good_day_ratio", Direction.HIGHER_BETTER, "%")
PM25 = IndicatorSpec("air.pm25_annual_mean", Direction.LOWER_BETTER, "μg/m3")


def series(indicator: IndicatorSpec, target: str, values: dict[int, float]) -> IndicatorCase:
    return IndicatorCase(
        indicator=indicator,
        chain=TONGLIAO_CHAIN,
        targets={2025: parse_target(target)},
        observations=tuple(Observation(year, value) for year, value in values.items()),
    )


def test_least_squares_by_hand() -> None:
    # Points (0,1), (1,3), (2,2): mean x 1, mean y 2, Sxy = 1, Sxx = 2.
    slope, intercept = least_squares([(2020, 1.0), (2021, 3.0), (2022, 2.0)])
    assert slope == pytest.approx(0.5)
    assert intercept + slope * 2021 == pytest.approx(2.0)
    with pytest.raises(ValueError):
        least_squares([(2020, 1.0), (2020, 2.0)])


def test_on_track_before_the_deadline_is_attainable() -> None:
    # 84, 86, 88 -> +2/yr -> 92 in 2025 >= 90.
    result = assess(series(GOOD_DAYS, "≥90", {2021: 84, 2022: 86, 2023: 88}), 2025,
                    NO_TARGETS_ABOVE, as_of=2023)
    assert result.status is Status.ON_TRACK
    assert result.outlook is Outlook.ON_TRACK
    assert result.projection is not None
    assert result.projection.projected_value == pytest.approx(92)
    assert result.projection.required_rate == pytest.approx(1)  # (90 - 88) / 2 years
    assert "可达标" in result.explanation_zh and "最小二乘" in result.explanation_zh


def test_slow_improvement_is_at_risk() -> None:
    # +1/yr: 88 in 2025; needs (90 - 86) / 2 = 2/yr; 1 >= 0.5 * 2 -> at risk.
    result = assess(series(GOOD_DAYS, "≥90", {2021: 84, 2022: 85, 2023: 86}), 2025,
                    NO_TARGETS_ABOVE, as_of=2023)
    assert result.status is Status.NOT_MET
    assert result.outlook is Outlook.AT_RISK


def test_at_risk_ratio_is_a_parameter() -> None:
    strict = TrajectoryPolicy(at_risk_ratio=0.6)
    result = assess(series(GOOD_DAYS, "≥90", {2021: 84, 2022: 85, 2023: 86}), 2025,
                    NO_TARGETS_ABOVE, as_of=2023, policy=strict)
    assert result.outlook is Outlook.OFF_TRACK


def test_worsening_trend_is_off_track() -> None:
    result = assess(series(GOOD_DAYS, "≥90", {2021: 86, 2022: 85, 2023: 84}), 2025,
                    NO_TARGETS_ABOVE, as_of=2023)
    assert (result.status, result.outlook) == (Status.NOT_MET, Outlook.OFF_TRACK)


def test_lower_is_better_trend() -> None:
    # 40, 37, 34 -> -3/yr -> 28 in 2025 <= 30.
    result = assess(series(PM25, "≤30", {2021: 40, 2022: 37, 2023: 34}), 2025,
                    NO_TARGETS_ABOVE, as_of=2023)
    assert (result.status, result.outlook) == (Status.ON_TRACK, Outlook.ON_TRACK)


def test_too_few_points_gives_no_outlook() -> None:
    c = series(GOOD_DAYS, "≥90", {2022: 80, 2023: 88})
    assert assess(c, 2025, NO_TARGETS_ABOVE, as_of=2023).outlook is None
    assert assess(c, 2025, NO_TARGETS_ABOVE, as_of=2023).status is Status.NOT_MET
    two = TrajectoryPolicy(min_points=2)
    assert assess(c, 2025, NO_TARGETS_ABOVE, as_of=2023, policy=two).status is Status.ON_TRACK


def test_already_met_before_the_deadline_is_met() -> None:
    result = assess(series(GOOD_DAYS, "≥90", {2021: 91, 2022: 92, 2023: 93}), 2025,
                    NO_TARGETS_ABOVE, as_of=2023)
    assert result.status is Status.MET


def test_after_the_deadline_there_is_no_projection() -> None:
    result = assess(series(GOOD_DAYS, "≥90", {2023: 84, 2024: 87, 2025: 89}), 2025,
                    NO_TARGETS_ABOVE, as_of=2025)
    assert (result.status, result.projection) == (Status.NOT_MET, None)


def test_observations_after_as_of_are_not_used() -> None:
    c = series(GOOD_DAYS, "≥90", {2021: 84, 2022: 85, 2023: 86, 2024: 95})
    result = assess(c, 2025, NO_TARGETS_ABOVE, as_of=2023)
    assert result.observation is not None and result.observation.data_year == 2023


@given(
    st.floats(min_value=-5, max_value=5, allow_nan=False),
    st.floats(min_value=0, max_value=100, allow_nan=False),
    st.floats(min_value=0, max_value=100, allow_nan=False),
)
def test_exact_lines_project_exactly(slope: float, start: float, threshold: float) -> None:
    points = [(2020 + i, start + slope * i) for i in range(4)]
    result = project(points, 2025, Comparator.GE, threshold, TrajectoryPolicy())
    assert result is not None
    assert result.projected_value == pytest.approx(start + slope * 5, abs=1e-6)
    assert (result.outlook is Outlook.ON_TRACK) == (result.projected_value >= threshold)
