"""The profile report PDF, read back with poppler: Chinese text legible, chapters in order,
page numbers, fonts embedded, pages render."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from ecotrack.places.models import Profile
from tests.reports.pdftools import pdf_fonts, pdf_text, render_pages

pytestmark = pytest.mark.usefixtures("demo_db")

ABOUT_START = "通辽市位于内蒙古自治区东部，是环渤海经济圈和东北经济区的重要枢纽城市"


def squash(text: str) -> str:
    """pdftotext breaks lines where the PDF does; compare text without whitespace."""
    return re.sub(r"\s+", "", text)


def write_report(tmp_path: Path, lang: str, name: str = "report.pdf") -> Path:
    out = tmp_path / name
    call_command("report", "profile", "150500", "--format", "pdf", "-o", str(out),
                 "--lang", lang, stdout=StringIO(), stderr=StringIO())
    return out


def test_chinese_report_has_about_text_chapters_in_order_and_page_numbers(tmp_path):
    pdf = write_report(tmp_path, "zh-hans")
    text = pdf_text(pdf)
    flat = squash(text)
    assert squash(ABOUT_START) in flat
    assert "2807000" in flat and "Dalentai Qi" in text
    headings = ["城市概况", "行动平台", "自然路径", "城市生物多样性指数", "工具与资源"]
    chapters = [flat.find(f"第{n}章{h}") for n, h in enumerate(headings, start=1)]
    assert all(p >= 0 for p in chapters), chapters
    assert chapters == sorted(chapters)
    pages = len(re.findall(r"第 \d+ 页，共 \d+ 页", text))
    assert pages >= 5
    assert "第 1 页，共" in text


def test_english_report_keeps_chinese_descriptions_and_english_chrome(tmp_path):
    pdf = write_report(tmp_path, "en")
    text = pdf_text(pdf)
    flat = squash(text)
    order = [flat.find(squash(h)) for h in (
        "Chapter1ProfileoverviewPlatformengagementstatistics", "Chapter2TheActionPlatform",
        "Chapter3NaturePathway", "Chapter4CityBiodiversityIndex", "Chapter5Tools&resources")]
    assert all(p >= 0 for p in order), order
    assert order == sorted(order)
    assert squash(ABOUT_START) in flat
    assert re.search(r"Page 1 of \d+", text)
    # The CBI chapter of a city without an assessment says so, against 36/20/56 and 112.
    assert "0of36points" in flat and "0of20points" in flat and "0of56points" in flat
    assert "TotalCBIscore:0of112points" in flat
    assert "hasnotstartedonthisbiodiversityindexsection" in flat
    # The closing disclaimer comes after the last chapter.
    assert flat.find("Onlypublishedcontentisincluded.") > order[-1]


def test_cjk_font_is_embedded_as_subset_with_unicode_map(tmp_path):
    fonts = pdf_fonts(write_report(tmp_path, "zh-hans"))
    cjk = [f for f in fonts if "CJK" in f["name"]]
    assert cjk, fonts
    assert all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts)
    assert all(re.match(r"^[A-Z]{6}\+", f["name"]) for f in cjk)  # subset prefix


def test_pages_render_to_png(tmp_path):
    pdf = write_report(tmp_path, "zh-hans")
    pages = render_pages(pdf, tmp_path)
    count = int(re.search(r"共 (\d+) 页", pdf_text(pdf)).group(1))
    assert len(pages) == count
    assert all(p.stat().st_size > 2_000 for p in pages)  # not blank pages


def test_unpublished_profile_is_left_out_of_the_public_report(tmp_path):
    Profile.objects.filter(jurisdiction__code="150500").update(is_published=False)
    flat = squash(pdf_text(write_report(tmp_path, "zh-hans")))
    assert squash(ABOUT_START) not in flat
    assert "Dalentai" not in flat


def test_reviewer_report_includes_unpublished_content_with_a_warning(tmp_path, make_user):
    make_user("reviewer", "reviewer", "150000")
    Profile.objects.filter(jurisdiction__code="150500").update(is_published=False)
    out = tmp_path / "r.pdf"
    call_command("report", "profile", "150500", "-o", str(out), "--lang", "en",
                 "--user", "reviewer", stdout=StringIO(), stderr=StringIO())
    flat = squash(pdf_text(out))
    assert squash(ABOUT_START) in flat
    assert "unpublishedcontent" in flat
