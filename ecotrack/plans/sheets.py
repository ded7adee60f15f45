"""A structured indicator table (CSV/XLSX, e.g. the Inner Mongolia demo table) with plan
metadata given beside it: on the command line, or by the demo loader.

The table is read by the plandoc template reader, the same path as an uploaded .csv/.xlsx,
so `value_YYYY`/`target_YYYY` headers, merged categories and strict row checks behave the
same everywhere; this module only lays the given metadata over what the file says.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from ecotrack.core.plandoc import ParsedPlan, PlanMeta, parse_plan

# What the file itself decides and the caller never overrides.
_FROM_FILE = ("filename", "source_format")


def parse_table(path: str | Path, given: PlanMeta | None = None) -> ParsedPlan:
    """Parse `path`; fields set in `given` win; the period ends with the last target year
    when neither says otherwise. Raises PlanImportError naming file, row and field."""
    parsed = parse_plan(path)
    meta = parsed.plan
    for f in fields(PlanMeta):
        value = getattr(given, f.name) if given is not None else None
        if f.name not in _FROM_FILE and value is not None:
            setattr(meta, f.name, value)
    if meta.period_end is None:
        years = [c.year for i in parsed.indicators for c in i.targets if c.year and c.raw]
        meta.period_end = max(years, default=None)
    # Metadata now given is no longer missing.
    parsed.warnings = [
        w for w in parsed.warnings
        if not any(w == f"plan metadata: {name} not found" and getattr(meta, name)
                   for name in ("title", "jurisdiction_name", "period_start"))
    ]
    return parsed
