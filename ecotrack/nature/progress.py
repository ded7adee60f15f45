"""How far a quantified target has come: (latest − baseline) / (target − baseline).

Pure arithmetic, kept apart from the model so it is tested on its own. The direction says
which way is better; a value that moved the wrong way shows 0 %, one beyond the target 100 %.
"""

from __future__ import annotations

from decimal import Decimal

INCREASE = "increase"
DECREASE = "decrease"


def progress_percent(
    baseline: Decimal | None,
    target: Decimal | None,
    latest: Decimal | None,
    direction: str,
) -> int | None:
    """Whole percent 0–100, or None when a value is missing or the target asks for no change."""
    if baseline is None or target is None or latest is None:
        return None
    wanted = target - baseline
    if wanted == 0 or (direction == INCREASE and wanted < 0) or (
        direction == DECREASE and wanted > 0
    ):
        return None  # the target contradicts its direction: nothing honest to show
    share = (latest - baseline) / wanted
    percent = int((share * 100).to_integral_value(rounding="ROUND_FLOOR"))
    return max(0, min(100, percent))
