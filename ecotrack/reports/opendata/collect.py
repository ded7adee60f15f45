"""Export: the rows of every open-data table for one jurisdiction, published content only.

Each table's rows come from one function reading one app's models; a table whose app has no
models on this installation is written empty (its columns still say what it would hold).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.utils import timezone

from ecotrack.places.models import Jurisdiction, Profile
from ecotrack.reports.opendata.spec import FORMAT, TABLES, VERSION

Row = dict[str, Any]


def _value(value: Any) -> Any:
    """Plain JSON values: Decimal → number, dates → ISO text."""
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _model(app: str, name: str) -> Any | None:
    try:
        return apps.get_model(app, name)
    except LookupError:
        return None


def jurisdictions(place: Jurisdiction) -> Iterable[Row]:
    yield {
        "code": place.code,
        "name_zh": place.name_zh,
        "name_en": place.name_en,
        "level": place.level,
        "parent_code": place.parent.code if place.parent else None,
    }


def profile(place: Jurisdiction) -> Iterable[Row]:
    found = Profile.objects.filter(jurisdiction=place, is_published=True).first()
    if found is None:
        return
    yield {
        "jurisdiction_code": place.code,
        **{
            name: _value(getattr(found, name))
            for name in (
                "about", "about_language", "population", "population_year", "area_km2",
                "centre_latitude", "centre_longitude", "head_of_government", "country",
                "world_region",
            )
        },
    }


def _published_plans(place: Jurisdiction) -> list[Any]:
    plan_model = _model("plans", "Plan")
    if plan_model is None:
        return []
    return list(
        plan_model.objects.filter(jurisdiction=place, is_published=True).order_by(
            "period_start", "title"
        )
    )


def _plan_key(plan: Any) -> Row:
    return {
        "jurisdiction_code": plan.jurisdiction.code,
        "plan_title": plan.title,
        "plan_period_start": plan.period_start,
        "plan_period_end": plan.period_end,
    }


def plans(place: Jurisdiction) -> Iterable[Row]:
    for plan in _published_plans(place):
        yield {
            **_plan_key(plan),
            "kind": plan.kind,
            "base_year": plan.base_year,
            "issuing_body": plan.issuing_body,
            "issued_date": _value(plan.issued_date),
            "source_url": plan.source_url,
            "source_filename": plan.source_filename,
        }


def milestones(place: Jurisdiction) -> Iterable[Row]:
    for plan in _published_plans(place):
        for m in plan.milestones.order_by("year", "kind"):
            yield {
                **_plan_key(plan), "kind": m.kind, "year": m.year,
                "due_date": _value(m.due_date), "status": m.status, "notes": m.notes,
            }


def _indicators(place: Jurisdiction) -> Iterable[tuple[Row, Any]]:
    for plan in _published_plans(place):
        key = _plan_key(plan)
        for ind in plan.indicators.select_related("canonical").order_by("position"):
            yield {**key, "indicator_number": ind.number}, ind


def indicators(place: Jurisdiction) -> Iterable[Row]:
    for key, ind in _indicators(place):
        yield {
            **key,
            "position": ind.position,
            "seq": ind.seq,
            "category": ind.category,
            "subcategory": ind.subcategory,
            "name": ind.name,
            "sub_name": ind.sub_name,
            "unit": ind.unit,
            "attribute": ind.attribute,
            "direction": ind.direction,
            "footnotes": ind.footnotes,
            "method_notes": ind.method_notes,
            "canonical_key": ind.canonical.key if ind.canonical else None,
            "match_rule": ind.match_rule,
            "plan_compliance_text": ind.plan_compliance_text,
            "source_location": ind.source_location,
        }


def targets(place: Jurisdiction) -> Iterable[Row]:
    for key, ind in _indicators(place):
        for t in ind.targets.order_by("is_standard_value", "year"):
            yield {**key, "year": t.year, "text": t.text, "is_standard_value": t.is_standard_value}


def observations(place: Jurisdiction) -> Iterable[Row]:
    for key, ind in _indicators(place):
        current = ind.observations.filter(superseded_by__isnull=True).order_by("year", "pk")
        for o in current:
            yield {
                **key, "year": o.year, "data_year": o.data_year, "value": o.value,
                "text": o.text, "marks": o.marks, "source": o.source, "method": o.method,
                "input_fingerprint": o.input_fingerprint,
            }


def compliance_overrides(place: Jurisdiction) -> Iterable[Row]:
    for key, ind in _indicators(place):
        for o in ind.overrides.order_by("year"):
            yield {**key, "year": o.year, "status": o.status, "reason": o.reason}


def key_projects(place: Jurisdiction) -> Iterable[Row]:
    for plan in _published_plans(place):
        for p in plan.projects.order_by("position", "pk"):
            yield {
                **_plan_key(plan), "position": p.position, "box": p.box, "title": p.title,
                "items": p.items, "progress": p.progress,
            }


def _published_assessments(place: Jurisdiction) -> list[Any]:
    model = _model("cbi", "Assessment")
    if model is None:
        return []
    return list(model.objects.filter(jurisdiction=place, is_published=True).order_by("year"))


def cbi_assessments(place: Jurisdiction) -> Iterable[Row]:
    for a in _published_assessments(place):
        yield {
            "jurisdiction_code": place.code, "year": a.year, "edition": a.edition,
            "total": a.total, "max_points": a.max_points,
            "provisional_points": a.provisional_points, "component_scores": a.component_scores,
        }


def cbi_indicators(place: Jurisdiction) -> Iterable[Row]:
    for a in _published_assessments(place):
        for e in a.entries.order_by("indicator_key") if hasattr(a, "entries") else []:
            yield {
                "jurisdiction_code": place.code, "year": a.year,
                "indicator_key": e.indicator_key, "inputs": e.inputs, "data_year": e.data_year,
                "source": e.source, "input_provenance": e.input_provenance,
                "evidence_url": e.evidence_url, "notes": e.notes,
                "score": e.score, "value_text": e.value_text, "band_text": e.band_text,
                "provisional": e.provisional,
            }


def _published(app: str, name: str, place: Jurisdiction) -> Any:
    model = _model(app, name)
    if model is None:
        return []
    return model.objects.filter(jurisdiction=place, is_published=True)


def nature_commitments(place: Jurisdiction) -> Iterable[Row]:
    for c in _published("nature", "Commitment", place).order_by("commitment_key"):
        yield {"jurisdiction_code": place.code, "commitment_key": c.commitment_key,
               "committed_on": _value(c.committed_on), "target_date": _value(c.target_date)}


def nature_other_commitments(place: Jurisdiction) -> Iterable[Row]:
    for o in _published("nature", "OtherCommitment", place).order_by("area_key", "text"):
        yield {"jurisdiction_code": place.code, "area_key": o.area_key, "text": o.text}


def _published_actions(place: Jurisdiction) -> Any:
    # An action is public only with its commitment (as on the profile page).
    return _published("nature", "ActionEntry", place).filter(
        commitment__is_published=True).select_related("commitment").order_by(
        "commitment__commitment_key", "action_key", "title")


def nature_actions(place: Jurisdiction) -> Iterable[Row]:
    for a in _published_actions(place):
        yield {"jurisdiction_code": place.code, "commitment_key": a.commitment.commitment_key,
               "action_key": a.action_key, "title": a.title, "description": a.description,
               "description_language": a.description_language}


def nature_targets(place: Jurisdiction) -> Iterable[Row]:
    for t in _published("nature", "Target", place).filter(
        action__is_published=True, action__commitment__is_published=True
    ).select_related("action__commitment").order_by(
        "action__commitment__commitment_key", "action__action_key", "metric", "target_year"
    ):
        yield {
            "jurisdiction_code": place.code,
            "commitment_key": t.action.commitment.commitment_key,
            "action_key": t.action.action_key, "action_title": t.action.title,
            "metric": t.metric, "unit": t.unit, "direction": t.direction,
            "baseline_year": t.baseline_year, "baseline_value": _value(t.baseline_value),
            "target_year": t.target_year, "target_value": _value(t.target_value),
            "latest_year": t.latest_year, "latest_value": _value(t.latest_value),
        }


def pathway_steps(place: Jurisdiction) -> Iterable[Row]:
    for s in _published("nature", "PathwayStep", place).order_by("step_key"):
        yield {"jurisdiction_code": place.code, "step_key": s.step_key, "status": s.status,
               "notes": s.notes}


def resources(place: Jurisdiction) -> Iterable[Row]:
    found = _published("nature", "Resource", place)
    if found == []:
        return
    for r in found.prefetch_related("tags", "step_links", "commitments").order_by("title"):
        yield {
            "jurisdiction_code": place.code, "title": r.title, "kind": r.kind,
            "language": r.language, "description": r.description, "link": r.link,
            "file_name": r.file_name,
            "tags": sorted(t.name for t in r.tags.all()),
            "step_keys": sorted(r.step_keys),
            "commitment_keys": sorted(c.commitment_key for c in r.commitments.all()),
        }


COLLECTORS: dict[str, Callable[[Jurisdiction], Iterable[Row]]] = {
    "nature_commitments": nature_commitments,
    "nature_other_commitments": nature_other_commitments,
    "nature_actions": nature_actions,
    "nature_targets": nature_targets,
    "pathway_steps": pathway_steps,
    "resources": resources,
    "jurisdictions": jurisdictions,
    "profile": profile,
    "plans": plans,
    "milestones": milestones,
    "indicators": indicators,
    "targets": targets,
    "observations": observations,
    "compliance_overrides": compliance_overrides,
    "key_projects": key_projects,
    "cbi_assessments": cbi_assessments,
    "cbi_indicators": cbi_indicators,
}


def export_dataset(place: Jurisdiction) -> dict[str, Any]:
    """The whole export as one JSON-ready dict (the form the JSON Schema describes)."""
    tables: dict[str, list[Row]] = {}
    for table in TABLES:
        rows = COLLECTORS[table.name](place)
        tables[table.name] = [{c: row.get(c) for c in table.column_names} for row in rows]
    return {
        "format": FORMAT,
        "version": VERSION,
        "jurisdiction": place.code,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "published_only": True,
        "tables": tables,
    }
