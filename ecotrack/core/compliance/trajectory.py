"""Early warning: least-squares trend of the observations toward the target year.

The line is fitted through (data year, value). It says "on track" when its
value at the target year meets the threshold. Otherwise the rate of
improvement it shows is compared with the rate still required from the
latest observation to the threshold: at least ``at_risk_ratio`` of it is
"at risk", less (or a worsening trend) is "off track".
"""

from __future__ import annotations

from collections.abc import Sequence

from ecotrack.core.compliance.model import Outlook, Projection, TrajectoryPolicy
from ecotrack.core.targets.model import Comparator

# +1: the value must rise to meet the threshold; -1: it must fall.
_SENSE = {Comparator.GE: 1, Comparator.GT: 1, Comparator.LE: -1, Comparator.LT: -1}


def least_squares(points: Sequence[tuple[int, float]]) -> tuple[float, float]:
    """(slope, intercept) of the ordinary least-squares line; needs 2+ distinct years."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    if sxx == 0:
        raise ValueError("least squares needs observations from at least two years")
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def meets(value: float, comparator: Comparator, threshold: float) -> bool:
    if comparator is Comparator.GE:
        return value >= threshold
    if comparator is Comparator.GT:
        return value > threshold
    if comparator is Comparator.LE:
        return value <= threshold
    if comparator is Comparator.LT:
        return value < threshold
    raise ValueError(f"no trajectory for comparator {comparator}")


def project(
    points: Sequence[tuple[int, float]],
    target_year: int,
    comparator: Comparator,
    threshold: float,
    policy: TrajectoryPolicy,
) -> Projection | None:
    """The outlook for a one-sided numeric threshold, or None if it cannot be told."""
    sense = _SENSE.get(comparator)
    by_year = dict(sorted(points))  # one value per year, the last one given wins
    if sense is None or len(by_year) < max(policy.min_points, 2):
        return None
    latest_year = max(by_year)
    if target_year <= latest_year:
        return None  # the deadline is not in the future: judge, do not project
    slope, intercept = least_squares(list(by_year.items()))
    projected = slope * target_year + intercept
    required = sense * (threshold - by_year[latest_year]) / (target_year - latest_year)
    observed = sense * slope
    if meets(projected, comparator, threshold):
        outlook = Outlook.ON_TRACK
    elif observed > 0 and observed >= policy.at_risk_ratio * required:
        outlook = Outlook.AT_RISK
    else:
        outlook = Outlook.OFF_TRACK
    return Projection(
        slope=slope,
        intercept=intercept,
        target_year=target_year,
        projected_value=projected,
        threshold=threshold,
        required_rate=required,
        observed_rate=observed,
        outlook=outlook,
        points=len(by_year),
    )
