"""A reader opens a city's page, follows the profile-report link, and downloads the PDF and
the open data — in a real browser, with nothing fetched from outside the site."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ecotrack.places.models import Jurisdiction, Profile

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ABOUT = "通辽市位于内蒙古自治区东部，是环渤海经济圈和东北经济区的重要枢纽城市。"


def test_reader_opens_the_report_and_downloads_pdf_and_open_data(page, places, live_server):
    Profile.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="150500"), about=ABOUT,
        about_language="zh-hans", population=2807000, country="China",
        head_of_government="Dalentai Qi", is_published=True,
    )
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/places/150500/")
    page.get_by_role("link", name="查看").click()
    expect(page.get_by_role("heading", name="城市概况", exact=True)).to_be_visible()
    expect(page.get_by_text(ABOUT)).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()

    pdf_link = page.get_by_role("link", name="下载 PDF")
    response = page.request.get(pdf_link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")

    page.goto("/reports/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX").first.click()
    assert download_info.value.suggested_filename == "ecotrack-150500.xlsx"
    assert [url for url in requested if not url.startswith(live_server.url)] == []


def test_downloaded_html_report_is_styled_when_opened_from_disk(page, places, tmp_path):
    Profile.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="150500"), about=ABOUT,
        about_language="zh-hans", population=2807000, country="China",
        head_of_government="Dalentai Qi", is_published=True,
    )
    page.goto("/reports/profile/150500/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 HTML").click()
    download = download_info.value
    assert download.suggested_filename == "profile-150500-zh-hans.html"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    # Opened from disk, away from the server: the report's own stylesheet applies and the
    # page asks for nothing beyond the file (data: URLs are inline).
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(saved.as_uri())
    expect(page.get_by_text(ABOUT)).to_be_visible()
    chapter = page.locator("h2.chapter").first
    expect(chapter).to_have_css("color", "rgb(27, 94, 32)")  # report.css: #1b5e20
    assert [u for u in requested if not u.startswith(("file:", "data:"))] == []
