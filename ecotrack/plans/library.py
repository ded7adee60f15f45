"""Keep the CanonicalIndicator table equal to the core library (the source of truth)."""

from __future__ import annotations

from typing import Any

from ecotrack.core.indicators import IndicatorDefinition, load_library


def _fields(definition: IndicatorDefinition, version: str) -> dict[str, Any]:
    return {
        "name_zh": definition.name_zh,
        "name_en": definition.name_en,
        "unit": definition.unit,
        "direction": definition.direction.value,
        "measure": definition.measure.value,
        "domain": definition.domain,
        "method_key": definition.method_key or "",
        "computation_zh": definition.computation_zh,
        "computation_en": definition.computation_en,
        "library_version": version,
    }


def sync_canonical_indicators(model: Any = None) -> tuple[int, int]:
    """Create or update one row per library key; returns (created, updated).

    Keys are never deleted: the library promises stable keys and plan rows point at them.
    `model` lets the data migration pass its historical model.
    """
    if model is None:
        from ecotrack.plans.models import CanonicalIndicator

        model = CanonicalIndicator
    library = load_library()
    created = updated = 0
    existing = {row.key: row for row in model.objects.all()}
    for definition in library.indicators:
        wanted = _fields(definition, library.version)
        row = existing.get(definition.key)
        if row is None:
            model.objects.create(key=definition.key, **wanted)
            created += 1
        elif any(getattr(row, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(row, name, value)
            row.save()
            updated += 1
    return created, updated
