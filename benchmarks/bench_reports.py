"""Report speed: the Tongliao profile report as PDF must take under 3 s.

Run with `make bench`, or alone:
    .venv/bin/pytest benchmarks/bench_reports.py --benchmark-only \
        --benchmark-columns=min,median,max,rounds

Side by side, on the demo data (Tongliao's imported CitiesWithNature report, its plan):
- the profile PDF with WeasyPrint (what `ecotrack report profile` and the .pdf URL do);
- the same document as HTML only (the .html download; a reader prints it from the browser);
- the same HTML printed to PDF by headless Chromium (the alternative a user would reach for,
  `chromium --print-to-pdf`), with the browser already running, so only printing is timed;
- the plan progress report as XLSX and as PDF, and the open-data XLSX export.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pytest_benchmark.fixture import BenchmarkFixture

from ecotrack.places.models import Jurisdiction
from ecotrack.reports import render
from ecotrack.reports.opendata.collect import export_dataset
from ecotrack.reports.opendata.writers import to_xlsx
from ecotrack.reports.plan_render import render_plan

CHROMIUM = os.environ.get("ECOTRACK_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    var = tmp_path_factory.mktemp("var")
    with django_db_blocker.unblock(), override_settings(VAR_DIR=var, MEDIA_ROOT=var / "media"):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo", stdout=StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def tongliao(demo: None, db: Any) -> Jurisdiction:
    return Jurisdiction.objects.get(code="150500")


def test_profile_pdf_weasyprint(benchmark: BenchmarkFixture, tongliao: Jurisdiction) -> None:
    pdf = benchmark(render.profile_pdf, tongliao, None, "zh-hans")
    assert pdf.startswith(b"%PDF-")


def test_profile_html_only(benchmark: BenchmarkFixture, tongliao: Jurisdiction) -> None:
    html = benchmark(render.profile_html, tongliao, None, "zh-hans")
    assert "通辽市" in html


def test_profile_pdf_headless_chromium(benchmark: BenchmarkFixture, tongliao: Jurisdiction) -> None:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    html = render.profile_html(tongliao, None, "zh-hans")  # stylesheet inside
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()

        def print_pdf() -> bytes:
            page.set_content(html)
            return page.pdf(format="A4", display_header_footer=True)

        pdf = benchmark(print_pdf)
        browser.close()
    assert pdf.startswith(b"%PDF-")


def test_plan_report_xlsx(benchmark: BenchmarkFixture, tongliao: Jurisdiction) -> None:
    plan = tongliao.plans.get()
    content = benchmark(render_plan, None, "xlsx", "zh-hans", "final", None, plan)
    assert content[:2] == b"PK"


def test_plan_report_pdf(benchmark: BenchmarkFixture, tongliao: Jurisdiction) -> None:
    plan = tongliao.plans.get()
    content = benchmark(render_plan, None, "pdf", "zh-hans", "final", None, plan)
    assert content.startswith(b"%PDF-")


def test_open_data_xlsx_export(benchmark: BenchmarkFixture, tongliao: Jurisdiction) -> None:
    content = benchmark(lambda: to_xlsx(export_dataset(tongliao)))
    assert content[:2] == b"PK"
