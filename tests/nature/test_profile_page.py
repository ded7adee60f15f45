"""The public CitiesWithNature profile page: the report's chapters from the city's data."""

from __future__ import annotations

from ecotrack.accounts.models import Role
from ecotrack.nature.models import ActionEntry, Commitment


def test_public_page_shows_the_chapters_of_the_imported_report(english, tongliao):
    response = english.get("/nature/150500/")
    assert response.status_code == 200
    page = response.content.decode()
    for chapter in (
        "Profile overview",
        "The Action Platform",
        "Nature Pathway",
        "City Biodiversity Index",
        "Tools & resources",
    ):
        assert f">{chapter}</h2>" in page, chapter
    assert "Dalentai Qi, Mayor of Tongliao City" in page and "2807000" in page
    assert "Action area 1" in page and "Protect, connect and restore ecosystems" in page
    assert "Increase protected areas" in page
    assert "通辽市各级各类自然保护地严格按照功能区进行划分并实施监管" in page
    assert 'lang="zh-Hans"' in page
    assert "Commit &amp; mobilize" in page and "Advocate &amp; inspire" in page
    assert "has not yet posted any tools and resources" in page


def test_cbi_chapter_says_not_started_and_what_the_report_showed(english, tongliao):
    page = english.get("/nature/150500/").content.decode()
    cbi = page[page.index('id="cbi"') : page.index('id="resources"')]
    assert "Not started" in cbi
    assert "has not started on the City Biodiversity Index" in cbi
    assert "cwn-profile-tongliao.txt" in cbi and "0 of 112 points" in cbi


def test_cbi_chapter_shows_a_published_assessment_of_the_cbi_app(english, tongliao):
    from django.apps import apps

    assessment = apps.get_model("cbi", "Assessment")
    found = assessment.objects.create(
        jurisdiction=tongliao.jurisdiction,
        year=2024,
        total=40,
        max_points=112,
        status="in_progress",
        is_published=False,
    )
    page = english.get("/nature/150500/").content.decode()
    assert "Assessment 2024" not in page  # unpublished: still "not started" for the public
    found.is_published = True
    found.save()
    page = english.get("/nature/150500/").content.decode()
    assert "Assessment 2024: 40 of 112 points." in page


def test_engagement_statistics_are_counted_from_the_data(english, tongliao):
    response = english.get("/nature/150500/")
    assert response.context["statistics"] == {
        "commitments": 13,
        "actions": 13,
        "targets": 0,
        "resources": 0,
    }


def test_unpublished_content_is_hidden_from_public_and_shown_to_reviewer(
    client, english, tongliao, make_user
):
    action = ActionEntry.objects.get(action_key="increase-protected-areas")
    action.is_published = False
    action.save()
    Commitment.objects.filter(commitment_key="control-pollution").update(is_published=False)
    page = english.get("/nature/150500/").content.decode()
    assert "通辽市各级各类自然保护地" not in page
    assert "加强绿色防控推广力度" not in page  # an action under an unpublished commitment
    client.force_login(make_user("region", Role.REVIEWER, "150000"))
    page = client.get("/nature/150500/").content.decode()
    assert "通辽市各级各类自然保护地" in page and "加强绿色防控推广力度" in page
    assert "Not published" in page or "未发布" in page


def test_page_of_a_city_without_content_and_unknown_code(english, places):
    page = english.get("/nature/152502/").content.decode()
    assert "No commitments yet." in page and "Not started" in page
    assert english.get("/nature/999999/").status_code == 404


def test_index_lists_cities_with_published_content(english, tongliao):
    page = english.get("/nature/").content.decode()
    assert "/nature/150500/" in page


def test_pages_use_only_local_assets_and_no_inline_script_or_style(client, tongliao):
    import re
    from pathlib import Path

    import ecotrack.nature

    for url in ("/nature/", "/nature/150500/", "/nature/150500/awards/", "/nature/resources/"):
        page = client.get(url).content.decode()
        assert "/static/nature/nature.css" in page
        assert client.get("/static/nature/nature.css").status_code == 200
        assert not re.search(r'(?:href|src)="(?:https?:)?//', page), url
    templates = Path(ecotrack.nature.__file__).parent / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert " style=" not in text and "<script" not in text, template


def test_actions_appear_in_the_reports_order(english, tongliao):
    page = english.get("/nature/150500/").content.decode()
    titles = [
        "Increase protected areas",
        "Increase connectivity between natural areas",
        "Integrate ecosystem protection considerations",
    ]
    positions = [page.index(t) for t in titles]
    assert positions == sorted(positions)
