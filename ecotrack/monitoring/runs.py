"""Store an evaluation as a run, and record its annual values as plan observations.

A run is identified by (jurisdiction, year, standard, input fingerprint): evaluating the same
input again finds the stored run instead of adding one. Observations go through the plans
app's own `record_observation`, which keeps every revision and checks permissions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings

from ecotrack.core.air.daily import DailyCity
from ecotrack.core.air.evaluate import Evaluation, write_outputs
from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.places.models import Jurisdiction

# Canonical indicator key → how to read it from the annual result (ecotrack/core/indicators).
RECORDED_INDICATORS: dict[str, tuple[str, ...]] = {
    "air.good_day_ratio": ("good_ratio",),
    "air.pm25_annual_mean": ("annual", "PM2.5"),
}
# Statistics whose Table 4 validity is a precondition for recording them.
VALIDITY_KEY = {"air.pm25_annual_mean": "PM2.5"}


class RecordError(Exception):
    """The run cannot be recorded as observations; the message says why."""


def fingerprint_and_hashes(
    paths: Iterable[Path], options: dict[str, Any]
) -> tuple[str, list[str]]:
    """The run's input fingerprint and each file's own sha256, from one read of the bytes.

    The fingerprint is sha256 over the files' names and digests (in path order) and the options
    that shape the result; the per-file digests are returned in the order of `paths`, to be
    stored with the run (the ranking compares inputs by content, not by name).
    """
    given = list(paths)
    hashes: dict[Path, str] = {}
    digest = hashlib.sha256()
    for path in sorted(given, key=str):
        file_digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                file_digest.update(block)
        hashes[path] = file_digest.hexdigest()
        digest.update(path.name.encode() + b"\0" + file_digest.digest())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    return digest.hexdigest(), [hashes[path] for path in given]


def fingerprint(paths: Iterable[Path], options: dict[str, Any]) -> str:
    """sha256 over the input files' bytes (in path order) and the options that shape the result."""
    return fingerprint_and_hashes(paths, options)[0]


def daily_series(days: Sequence[DailyCity]) -> list[dict[str, Any]]:
    """The compact daily series the pages draw (one small dict per day)."""
    return [
        {"date": d.day.isoformat(), "aqi": d.aqi, "category": d.category,
         "primary": list(d.primary), "pm25": d.concentration.get("pm25"), "dust": d.dust}
        for d in days
    ]


def store_run(
    jurisdiction: Jurisdiction,
    evaluation: Evaluation,
    *,
    standard_choice: str,
    input_fingerprint: str,
    input_files: Sequence[Path],
    input_hashes: Sequence[str] = (),
    user: Any | None = None,
    note: str = "",
    publish: bool = False,
) -> tuple[AirEvaluationRun, bool]:
    """The stored run of this input (created with its daily Parquet if new).

    `publish` stores the run published, or publishes the stored run found for this input (an
    audited change); without it a found run keeps its state. Whoever calls this has checked
    that the acting user may edit (and so publish) the jurisdiction's content.
    """
    result = evaluation.result
    existing = AirEvaluationRun.objects.filter(
        jurisdiction=jurisdiction, year=result.year, standard_choice=standard_choice,
        input_fingerprint=input_fingerprint,
    ).first()
    if existing is not None:
        if publish and not existing.is_published:
            existing.is_published = True
            existing.save(update_fields=["is_published"])
        return existing, False
    folder = Path(settings.VAR_DIR) / "monitoring" / "runs" / input_fingerprint[:16]
    written = write_outputs(folder, evaluation)
    daily_parquet = next(p for p in written if p.suffix == ".parquet")
    annual = result.to_json()
    run = AirEvaluationRun.objects.create(
        jurisdiction=jurisdiction, year=result.year, standard_choice=standard_choice,
        standard=result.standard, engine=result.engine, method=annual["method"][:300],
        input_fingerprint=input_fingerprint, input_files=[p.name for p in input_files],
        input_hashes=list(input_hashes), is_published=publish,
        stations=list(result.stations), annual=annual, daily=daily_series(evaluation.days),
        daily_path=str(daily_parquet.relative_to(settings.VAR_DIR)), note=note,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return run, True


def _value(annual: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = annual
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def record_run(run: AirEvaluationRun, user: Any | None) -> list[dict[str, Any]]:
    """Record the run's annual values on the matching plan indicators of its jurisdiction."""
    from ecotrack.plans.models import ObservationSource, PlanIndicator
    from ecotrack.plans.observations import record_observation

    indicators = list(
        PlanIndicator.objects.filter(
            plan__jurisdiction=run.jurisdiction, canonical__key__in=list(RECORDED_INDICATORS)
        ).select_related("plan", "canonical").order_by("plan__pk", "pk")
    )
    if not indicators:
        raise RecordError(
            f"{run.jurisdiction.code} {run.jurisdiction.name_zh} has no plan indicator for "
            f"{' or '.join(RECORDED_INDICATORS)}: nothing to record (add the indicator to a "
            "plan of this jurisdiction first)"
        )
    written = []
    for indicator in indicators:
        key = indicator.canonical.key  # type: ignore[union-attr]
        value = _value(run.annual, RECORDED_INDICATORS[key])
        valid_key = VALIDITY_KEY.get(key)
        if value is None or (valid_key and not run.annual["annual_valid"].get(valid_key)):
            raise RecordError(
                f"{key} of {run.year} is not valid (GB 3095 Table 4: "
                f"{'; '.join(run.annual['validity_notes']) or 'no valid day'}); not recorded"
            )
        observation, created = record_observation(
            indicator, run.year, float(value), ObservationSource.COMPUTED,
            f"{run.method} [{run.engine}; run {run.pk}]"[:300], user,
            fingerprint=run.input_fingerprint,
        )
        written.append({
            "plan": indicator.plan.title, "indicator": indicator.name,
            "key": key, "year": run.year, "value": value, "observation": observation.pk,
            "new_revision": created,
        })
    run.recorded = written
    run.save(update_fields=["recorded"])
    return written
