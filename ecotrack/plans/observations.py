"""Recording observations: one function for forms, CSV imports, plan imports and the air
engine (`record_observation`). Rows are never changed: a new value for the same indicator
and year supersedes the current one, so every revision stays with who and when."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from ecotrack.accounts.permissions import require_edit
from ecotrack.core.compliance import observation_from_cell
from ecotrack.core.targets import ParseContext
from ecotrack.plans.models import Observation, ObservationSource, PlanIndicator


class ObservationError(ValueError):
    """An observation that cannot be recorded; the message says why."""


def current_observations(indicator: PlanIndicator) -> QuerySet[Observation]:
    return indicator.observations.filter(superseded_by__isnull=True).order_by("year", "pk")


def read_cell(
    text: str, year: int, unit: str, mark_years: dict[str, int] | None = None
) -> tuple[float | None, int, str]:
    """(value, data year, marks) of a verbatim cell such as 「90.86*」, by the core reader."""
    context = ParseContext(mark_years=mark_years or {})
    observed = observation_from_cell(text, year, context=context, unit=unit or None)
    if observed is None:
        return None, year, ""
    return observed.value, observed.data_year, "".join(observed.marks)


def observation_fields(
    unit: str,
    year: int,
    value: float | None,
    source: str,
    method: str,
    *,
    text: str = "",
    data_year: int | None = None,
    marks: str = "",
    fingerprint: str = "",
) -> dict[str, Any]:
    """The stored fields of an observation (all but indicator, year, supersedes, created_by):
    the verbatim text is read when no value is given. Raises ObservationError."""
    if source not in ObservationSource.values:
        raise ObservationError(f"unknown source {source!r}; use one of {ObservationSource.values}")
    text = (text or "").strip()
    if value is None and text:
        value, parsed_year, parsed_marks = read_cell(text, year, unit)
        data_year = data_year or parsed_year
        marks = marks or parsed_marks
    if value is None and not text:
        raise ObservationError("an observation needs a value or a text")
    return {
        "data_year": data_year or year,
        "value": value,
        "text": text,
        "marks": marks,
        "source": source,
        "method": method,
        "input_fingerprint": fingerprint,
    }


def first_observation(
    indicator: PlanIndicator,
    year: int,
    value: float | None,
    source: str,
    method: str,
    *,
    text: str = "",
    data_year: int | None = None,
    marks: str = "",
) -> Observation:
    """An unsaved first revision for an indicator that has no observation yet (a plan being
    created), for `bulk_create`: what `record_observation` would write, by a trusted system
    caller, when there is nothing to supersede."""
    fields = observation_fields(
        indicator.unit, year, value, source, method, text=text, data_year=data_year,
        marks=marks,
    )
    return Observation(indicator=indicator, year=year, supersedes=None, created_by=None,
                       **fields)


def record_observation(
    indicator: PlanIndicator,
    year: int,
    value: float | None,
    source: str,
    method: str,
    user: Any | None,
    *,
    text: str = "",
    data_year: int | None = None,
    marks: str = "",
    fingerprint: str = "",
) -> tuple[Observation, bool]:
    """Record `value` (and/or the verbatim `text`) of `indicator` for `year`.

    Returns (the current observation, whether a new revision was written): recording the
    same thing twice writes nothing. `user` must be allowed to edit the plan's
    jurisdiction; `None` is a trusted system caller (demo loader, plan import by a checked
    command). The caller attributes the change (web request or `command_actor`).
    """
    if user is not None:
        require_edit(user, indicator.plan.jurisdiction)
    fields = observation_fields(
        indicator.unit, year, value, source, method, text=text, data_year=data_year,
        marks=marks, fingerprint=fingerprint,
    )
    with transaction.atomic():
        current = (
            # Lock only the observation rows: PostgreSQL refuses FOR UPDATE on the outer join
            # that `superseded_by__isnull` needs.
            Observation.objects.select_for_update(of=("self",))
            .filter(indicator=indicator, year=year, superseded_by__isnull=True)
            .first()
        )
        if current is not None and all(getattr(current, k) == v for k, v in fields.items()):
            return current, False
        created_by = user if getattr(user, "is_authenticated", False) else None
        observation = Observation.objects.create(
            indicator=indicator, year=year, supersedes=current, created_by=created_by, **fields
        )
    return observation, True
