"""City Biodiversity Index (Singapore Index on Cities' Biodiversity): editions as data, and exact
scoring from raw inputs. Pure Python: no Django imports here or below.

    from ecotrack.core.cbi import load_edition, score_assessment, compare
    inputs = {"natural_areas": {"natural_area_ha": 1200, "city_area_ha": 10000}}
    result = score_assessment("2021", inputs)
    result.indicator("natural_areas").score  # 12% → 2 points (7.0%–13.9%)
"""

from __future__ import annotations

from ecotrack.core.cbi.bands import Band, Bound
from ecotrack.core.cbi.compare import Comparison, ComponentChange, IndicatorChange, compare
from ecotrack.core.cbi.document import InputDocument, input_schema, read_document, score_document
from ecotrack.core.cbi.edition import (
    DEFAULT_EDITION,
    EDITIONS,
    Component,
    Edition,
    Indicator,
    InputField,
    edition_data,
    edition_from_dict,
    edition_schema,
    load_edition,
)
from ecotrack.core.cbi.errors import CBIInputError, EditionError, Problem
from ecotrack.core.cbi.provenance import Provenance
from ecotrack.core.cbi.scoring import (
    AssessmentResult,
    ComponentResult,
    IndicatorResult,
    score_assessment,
)

__all__ = [
    "DEFAULT_EDITION",
    "EDITIONS",
    "AssessmentResult",
    "Band",
    "Bound",
    "CBIInputError",
    "Comparison",
    "Component",
    "ComponentChange",
    "ComponentResult",
    "Edition",
    "EditionError",
    "Indicator",
    "IndicatorChange",
    "IndicatorResult",
    "InputDocument",
    "InputField",
    "Problem",
    "Provenance",
    "compare",
    "edition_data",
    "edition_from_dict",
    "edition_schema",
    "input_schema",
    "load_edition",
    "read_document",
    "score_assessment",
    "score_document",
]
