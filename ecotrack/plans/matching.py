"""Link a plan row to the canonical library (by the core matcher) and choose its direction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ecotrack.core.indicators import Direction, match_indicator
from ecotrack.core.targets import Comparator, TargetKind, parse_target
from ecotrack.plans.models import CanonicalIndicator, MatchRule


def canonical_by_key() -> dict[str, CanonicalIndicator]:
    """Every canonical indicator by key, in one query, for matching many rows."""
    return {row.key: row for row in CanonicalIndicator.objects.all()}


def find_canonical(
    name: str,
    sub_name: str,
    unit: str,
    library: Mapping[str, CanonicalIndicator] | None = None,
) -> tuple[CanonicalIndicator | None, str]:
    """The canonical indicator for a row and the matcher rule that found it.

    A sub-indicator is named by its own cell (「优良天数比例」 under 「环境空气质量」); the
    joined name is tried only when that fails, so a group heading never decides alone.
    `library` (from `canonical_by_key`) saves a query per row when many rows are matched;
    without it the row is looked up in the database.
    """
    candidates = [sub_name, f"{name}{sub_name}"] if sub_name else [name]
    for candidate in candidates:
        match = match_indicator(candidate, unit or None)
        if match is not None:
            row = (
                library.get(match.key)
                if library is not None
                else CanonicalIndicator.objects.filter(key=match.key).first()
            )
            if row is not None:
                rule = MatchRule.VARIANT if match.rule.value == "variant" else MatchRule.KEYWORDS
                return row, rule
    return None, ""


def guess_direction(
    canonical: CanonicalIndicator | None, target_texts: Iterable[str], unit: str
) -> str:
    """The library's direction when linked; otherwise what the targets say (≥ → higher is
    better, ≤ → lower), a bare number on a rate counts as a floor, and no number → a state.
    Editors can change it on the indicator page."""
    if canonical is not None:
        return canonical.direction
    bare_number = False
    for text in target_texts:
        for leaf in parse_target(text).iter_leaves():
            if leaf.kind is not TargetKind.NUMERIC or leaf.comparator is None:
                continue
            if leaf.comparator in (Comparator.GE, Comparator.GT):
                return Direction.HIGHER_BETTER.value
            if leaf.comparator in (Comparator.LE, Comparator.LT):
                return Direction.LOWER_BETTER.value
            bare_number = True
    if bare_number and "%" in unit:
        return Direction.HIGHER_BETTER.value
    return Direction.TARGET_STATE.value
