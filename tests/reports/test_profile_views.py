"""The profile report page, its HTML and PDF downloads, and what the public may see."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from ecotrack.accounts.models import Role
from ecotrack.places.models import Jurisdiction, Profile

pytestmark = pytest.mark.usefixtures("demo_db")

ABOUT = "通辽市位于内蒙古自治区东部"


def test_report_page_shows_the_profile_with_download_links_and_no_inline_style(client):
    response = client.get("/reports/profile/150500/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ABOUT in html
    assert "/reports/profile/150500.pdf" in html and "/reports/profile/150500.html" in html
    assert "<svg" in html  # charts are drawn on the server
    # The strict CSP forbids inline scripts and style attributes.
    assert "<script" not in html
    assert not re.search(r"\sstyle=", html)
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_html_download_is_a_standalone_document_in_the_requested_language(client):
    response = client.get("/reports/profile/150500.html?lang=en")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html
    chapters = re.findall(r'<h2 class="chapter">([^<]+)</h2>', html)
    assert chapters == ["Profile overview", "The Action Platform", "Nature Pathway",
                        "City Biodiversity Index", "Tools & resources"]
    assert ABOUT in html
    assert "of 112 points" in html


def test_html_download_is_a_file_that_stands_alone(client):
    response = client.get("/reports/profile/150500.html?lang=zh-hans")
    assert response["Content-Disposition"] == 'attachment; filename="profile-150500-zh-hans.html"'
    html = response.content.decode()
    # The screen stylesheet is inside the file: nothing is fetched from the server.
    css = (settings.BASE_DIR / "ecotrack/reports/static/reports/report.css").read_text()
    assert f"<style>{css}</style>" in html
    assert "/static/" not in html and 'rel="stylesheet"' not in html


def test_pdf_download_is_a_pdf(client):
    response = client.get("/reports/profile/150500.pdf?lang=zh-hans")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_unknown_language_and_place_are_404(client):
    assert client.get("/reports/profile/150500.pdf?lang=fr").status_code == 404
    assert client.get("/reports/profile/999999/").status_code == 404


def test_public_never_sees_an_unpublished_profile_but_a_reviewer_does(client, make_user):
    Profile.objects.filter(jurisdiction__code="150500").update(is_published=False)
    assert ABOUT not in client.get("/reports/profile/150500.html").content.decode()
    client.force_login(make_user("reviewer", Role.REVIEWER, "150000"))
    html = client.get("/reports/profile/150500.html").content.decode()
    assert ABOUT in html
    # ...unless they ask for the public version.
    assert ABOUT not in client.get("/reports/profile/150500.html?public=1").content.decode()


def test_editor_of_another_city_gets_the_public_report(client, make_user):
    Profile.objects.filter(jurisdiction__code="150500").update(is_published=False)
    client.force_login(make_user("xilinhot", Role.EDITOR, "152502"))
    assert ABOUT not in client.get("/reports/profile/150500.html").content.decode()


def test_reports_index_is_in_the_navigation_and_lists_downloads(client):
    html = client.get("/reports/").content.decode()
    assert 'href="/reports/"' in html
    assert "/reports/profile/150500.pdf" in html
    assert "/reports/export/150500.xlsx" in html
    assert re.search(r"/reports/plan/\d+\.xlsx\?stage=midterm", html)


def test_published_cbi_assessment_is_charted_against_its_maxima(client):
    from ecotrack.cbi.models import Assessment

    place = Jurisdiction.objects.get(code="150500")
    Assessment.objects.create(
        jurisdiction=place, year=2024, edition="2021", status="reviewed", is_published=True,
        total=47, max_points=112,
        component_scores={"native_biodiversity": 19, "ecosystem_services": 8, "governance": 20},
    )
    Assessment.objects.create(  # a later draft: never in a public report
        jurisdiction=place, year=2025, edition="2021", status="in_progress", is_published=False,
        total=90, max_points=112, component_scores={"native_biodiversity": 30},
    )
    html = client.get("/reports/profile/150500.html?lang=en").content.decode()
    assert "19 of 36" in html and "8 of 20" in html and "20 of 56" in html
    assert "Total CBI score: 47 of 112 points" in html
    assert "Assessment of 2024" in html and "90 of 112" not in html
    assert "has not started on this biodiversity index section" not in html


def test_the_html_download_asks_nothing_of_the_server_for_its_icon(client):
    # Without an icon of its own the page makes the browser ask for /favicon.ico (a 404 in
    # the console); the download names an empty inline icon instead.
    html = client.get("/reports/profile/150500.html").content.decode()
    assert '<link rel="icon" href="data:,">' in html.split("</head>")[0]
