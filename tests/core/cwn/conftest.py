from __future__ import annotations

from pathlib import Path

import pytest

from ecotrack.core.cwn import ParsedProfileReport, parse_profile_report, read_report_text

# The repo copies of the reference documents (tests never read /work/shared).
DOCUMENTS = Path(__file__).resolve().parents[3] / "ecotrack" / "demo" / "reference" / "documents"
CLEAN_REPORT = DOCUMENTS / "cwn-profile-tongliao.txt"
OCR_REPORT = DOCUMENTS / "cwn-profile-tongliao-ocr.txt"


@pytest.fixture(scope="session")
def clean_text() -> str:
    return read_report_text(CLEAN_REPORT)


@pytest.fixture(scope="session")
def ocr_text() -> str:
    return read_report_text(OCR_REPORT)


@pytest.fixture(scope="session")
def tongliao(clean_text: str) -> ParsedProfileReport:
    return parse_profile_report(clean_text, CLEAN_REPORT.name)
