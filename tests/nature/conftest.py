from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ecotrack.audit.context import command_actor
from ecotrack.core.cwn import parse_profile_report, read_report_text
from ecotrack.nature.importing import ImportResult, store_report
from ecotrack.places.models import Jurisdiction

DOCUMENTS = Path(__file__).resolve().parents[2] / "ecotrack" / "demo" / "reference" / "documents"
TONGLIAO_REPORT = DOCUMENTS / "cwn-profile-tongliao.txt"
TONGLIAO_OCR_REPORT = DOCUMENTS / "cwn-profile-tongliao-ocr.txt"


def import_tongliao(publish: bool = True) -> ImportResult:
    text = read_report_text(TONGLIAO_REPORT)
    report = parse_profile_report(text, TONGLIAO_REPORT.name)
    with command_actor("test"):
        return store_report(report, text, Jurisdiction.objects.get(code="150500"), publish=publish)


@pytest.fixture
def tongliao(places: dict[str, Jurisdiction]) -> ImportResult:
    """The real Tongliao profile report, imported and published for 150500."""
    return import_tongliao()


@pytest.fixture
def english(client: Any) -> Any:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
