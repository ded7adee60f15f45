"""Read the versioned reference data shipped inside this package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(name: str) -> dict[str, Any]:
    """Load `data/<name>` as JSON; package data so it also works from a wheel or a zip."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a JSON object at the top level")
    return data
