"""CitiesWithNature: reference data (Action Platform, GBF targets, Nature Pathway, award
checklists) and the import of CitiesWithNature profile reports. Pure Python, no Django."""

from __future__ import annotations

from .awards import compute_awards, load_award_checklists
from .errors import ProfileReportError
from .gbf import load_gbf_targets
from .pathway import StepStatus, load_pathway
from .report_io import read_report_text
from .report_model import ParsedProfileReport
from .report_parser import parse_profile_report
from .taxonomy import load_taxonomy

__all__ = [
    "ParsedProfileReport",
    "ProfileReportError",
    "StepStatus",
    "compute_awards",
    "load_award_checklists",
    "load_gbf_targets",
    "load_pathway",
    "load_taxonomy",
    "parse_profile_report",
    "read_report_text",
]
