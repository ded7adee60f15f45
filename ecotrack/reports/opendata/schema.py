"""The JSON Schema of the JSON export, generated from `spec.py` (and kept as a file next to it,
`open-data-v1.schema.json`, which a test checks is up to date)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ecotrack.reports.opendata.spec import FORMAT, TABLES, VERSION, Column

SCHEMA_FILE = Path(__file__).resolve().parent / "open-data-v1.schema.json"

JSON_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "text": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
    "json": {},
}


def _column(column: Column) -> dict[str, Any]:
    schema = dict(JSON_TYPES[column.type])
    if column.choices:
        schema["enum"] = list(column.choices)
    if column.description:
        schema["description"] = column.description
    if not column.required and schema:
        return {"anyOf": [schema, {"type": "null"}], **(
            {"description": column.description} if column.description else {})}
    return schema


def json_schema() -> dict[str, Any]:
    tables = {
        table.name: {
            "description": table.description,
            "type": "array",
            "items": {
                "type": "object",
                "properties": {c.name: _column(c) for c in table.columns},
                "required": [c.name for c in table.columns],
                "additionalProperties": False,
            },
        }
        for table in TABLES
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ecotrack.example.org/schema/open-data-v1.schema.json",
        "title": "ecotrack open data export",
        "type": "object",
        "required": ["format", "version", "jurisdiction", "exported_at", "published_only",
                     "tables"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "jurisdiction": {"type": "string", "description": "GB/T 2260 code"},
            "exported_at": {"type": "string", "format": "date-time"},
            "published_only": {"type": "boolean"},
            "tables": {
                "type": "object",
                "properties": tables,
                "required": [t.name for t in TABLES],
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
