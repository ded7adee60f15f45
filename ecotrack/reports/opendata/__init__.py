"""Open data: every published content of a jurisdiction as tables with natural keys (no
database ids), written as JSON, CSV or XLSX and read back from XLSX or JSON by another
installation. `spec.py` is the single description the writers, readers, the JSON Schema
and docs/open-data-schema.md follow."""
