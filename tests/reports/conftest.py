"""The demo data (real documents: Tongliao's profile report, the three plans), loaded once per
test module inside a transaction that is rolled back afterwards; each test runs in its own
savepoint within it, so tests can change data freely."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from ecotrack.core.cwn import parse_profile_report, read_report_text
from ecotrack.places.models import Jurisdiction, Profile

REFERENCE = Path(__file__).resolve().parents[2] / "ecotrack" / "demo" / "reference" / "documents"
TONGLIAO_REPORT = REFERENCE / "cwn-profile-tongliao.txt"


def ensure_tongliao_profile() -> None:
    """The nature app's demo imports Tongliao's report; until it does, fill the profile
    overview from the same report with the core parser, so the report has real content."""
    place = Jurisdiction.objects.get(code="150500")
    if Profile.objects.filter(jurisdiction=place).exclude(about="").exists():
        return
    parsed = parse_profile_report(read_report_text(TONGLIAO_REPORT), TONGLIAO_REPORT.name)
    p = parsed.profile
    Profile.objects.update_or_create(
        jurisdiction=place,
        defaults={
            "about": p.about.text if p.about else "",
            "about_language": "zh-hans",
            "population": p.population,
            "country": p.country or "",
            "world_region": p.region or "",
            "head_of_government": p.head_of_government or "",
            "is_published": True,
        },
    )


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    var = tmp_path_factory.mktemp("var")
    with django_db_blocker.unblock(), override_settings(VAR_DIR=var, MEDIA_ROOT=var / "media"):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", stdout=StringIO())
            ensure_tongliao_profile()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo_db(demo: None, db: Any) -> None:
    """Use in a test: the demo data, and the test's changes rolled back after it."""


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (make test does it as root)")
    return path
