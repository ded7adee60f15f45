"""Turn a plan's baseline/status cell into an :class:`Observation`.

Plan tables report status as text (``90.86*``, ``正在制定``,
``面积未减少，性质未改变``). The cell is parsed with the target parser and
its value, states, marks and data year are carried over; the column year is
kept as ``reported_for`` when a mark moves the data to another year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ecotrack.core.compliance.model import Observation, QualState
from ecotrack.core.targets.model import ParseContext, ParsedTarget, TargetKind
from ecotrack.core.targets.parser import parse_target
from ecotrack.core.targets.text import normalise


def _headline(numbers: list[ParsedTarget], unit: str | None) -> ParsedTarget | None:
    """The indicator's own value among the numbers of a cell.

    Preference: an unlabelled number in the indicator's unit (or unitless);
    then, with a unit known, any number in that unit; without one, the first
    unlabelled number, then the first number (生态保护红线面积7019.9km2 is
    labelled: a side figure).
    """
    def fits(leaf: ParsedTarget) -> bool:
        return unit is None or leaf.unit is None or normalise(leaf.unit) == unit

    for leaf in numbers:
        if leaf.label is None and fits(leaf):
            return leaf
    if unit is not None:
        return next((leaf for leaf in numbers if leaf.unit and normalise(leaf.unit) == unit), None)
    return numbers[0] if numbers else None


_NOTE_CLAUSES = re.compile(r"[，,；;、]")


def _note_states(leaves: Sequence[ParsedTarget]) -> tuple[QualState, ...]:
    """States said in a value's bracketed note: 「99.2%（无上级考核任务，持续改善）」 reports
    99.2 and that it keeps improving. Only clauses that are a known state count; the rest
    of a note (无上级考核任务, 扣除本底超标项) is prose for the reader."""
    found: list[QualState] = []
    for leaf in leaves:
        for note in leaf.notes:
            for clause in filter(None, (c.strip() for c in _NOTE_CLAUSES.split(note))):
                parsed = parse_target(clause)
                if parsed.kind is TargetKind.QUALITATIVE and parsed.state is not None:
                    found.append(QualState(parsed.state, parsed.subject))
    return tuple(found)


def observation_from_cell(
    raw: str,
    column_year: int,
    source: str = "",
    context: ParseContext | None = None,
    unit: str | None = None,
) -> Observation | None:
    """None when the cell holds no data (——, 无, empty).

    ``unit`` is the indicator's unit: a number in another unit (``使用0.57万吨``
    in a row measured in %) is a side figure, not the indicator's value.
    """
    parsed = parse_target(raw, context)
    if parsed.kind in (TargetKind.NO_DATA, TargetKind.UNKNOWN):
        return None
    leaves = parsed.iter_leaves()
    numbers = [leaf for leaf in leaves if leaf.kind in (TargetKind.NUMERIC,
                                                        TargetKind.CUMULATIVE_CHANGE)]
    headline = _headline(numbers, None if unit is None else normalise(unit))
    states = tuple(
        QualState(leaf.state, leaf.subject)
        for leaf in leaves
        if leaf.kind is TargetKind.QUALITATIVE and leaf.state is not None
    ) + _note_states(leaves)
    marks = tuple(mark for leaf in leaves for mark in leaf.marks)
    data_year = next((leaf.data_year for leaf in leaves if leaf.data_year), column_year)
    return Observation(
        data_year=data_year,
        value=headline.value if headline is not None else None,
        states=states,
        marks=marks,
        source=source,
        reported_for=column_year if data_year != column_year else None,
        text=raw.strip(),
    )
