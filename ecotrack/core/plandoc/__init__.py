"""Plan-document import core: indicator tables, 专栏 boxes and metadata from plan files.

Pure Python (no Django): `parse_plan(path_or_bytes, filename) -> ParsedPlan`.
"""

from __future__ import annotations

from .api import FORMATS, parse_plan
from .errors import PlanImportError
from .model import Indicator, ParsedPlan, PlanMeta, Project, ProjectItem, ValueCell

__all__ = [
    "FORMATS",
    "Indicator",
    "ParsedPlan",
    "PlanImportError",
    "PlanMeta",
    "Project",
    "ProjectItem",
    "ValueCell",
    "parse_plan",
]
