"""Every CBI page renders for the people who may see it, provisional data is marked, evidence
files go out only through a permission check, and Part I is saved and shown."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.cbi.models import IndicatorEntry


def test_edition_pages_mark_provenance_and_offer_correction_to_site_admins(
    client, places, django_user_model
):
    page = client.get("/cbi/editions/2021/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "28 indicators, 0–4 points each, 112 points in all." in page
    assert "badge-provisional" in page and "badge-secondary" in page
    assert "Correct the bands" not in page
    assert client.get("/cbi/editions/2014/").status_code == 200
    assert client.get("/cbi/editions/1999/").status_code == 404

    client.force_login(django_user_model.objects.create_superuser("site-admin", password="x" * 20))
    page = client.get("/cbi/editions/2021/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Correct the bands of indicator 17" in page
    # Ladders and integer steps have their own correction rows.
    page = client.get("/cbi/editions/2021/lbsap/correct/").content.decode()
    assert 'name="band4-text_zh"' in page and 'name="band0-lower"' not in page
    page = client.get("/cbi/editions/2021/change_birds/correct/").content.decode()
    assert 'name="band1-min"' in page and 'name="band1-max"' in page
    assert client.get("/cbi/editions/2021/no_such/correct/").status_code == 404


def test_governance_answers_and_provisional_marks(client, tongliao_editor, start_assessment, enter):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    form_page = client.get("/cbi/150500/2024/inputs/governance/", HTTP_ACCEPT_LANGUAGE="en")
    assert form_page.status_code == 200
    assert "badge-provisional" in form_page.content.decode()
    # 17. LBSAP "aligned_1_to_3" → 3 points on the (provisional) ladder.
    response = enter(assessment, "governance", {"lbsap": {"answer": "aligned_1_to_3"}})
    assert response.status_code == 302
    assert IndicatorEntry.objects.get(indicator_key="lbsap").score == 3
    page = client.get("/cbi/150500/2024/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "3 of 56" in page and "3 of 112" in page
    assert "3 points rest on provisional (unverified) definitions or bands." in page


def test_part_one_profile_is_saved_and_shown(client, tongliao_editor, start_assessment):
    client.force_login(tongliao_editor)
    start_assessment("150500", 2024)
    response = client.post(
        "/cbi/150500/2024/profile/",
        {"climate": "温带大陆性季风气候", "ecosystems": "科尔沁沙地、西辽河湿地"},
    )
    assert response.status_code == 302
    page = client.get("/cbi/150500/2024/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "温带大陆性季风气候" in page and "科尔沁沙地、西辽河湿地" in page
    assert "第一部分：城市概况" in page


def test_evidence_file_is_served_only_to_readers(
    client, places, tongliao_editor, make_user, start_assessment
):
    client.force_login(tongliao_editor)
    start_assessment("150500", 2024)
    upload = SimpleUploadedFile("landcover.csv", b"class,ha\nforest,12\n", "text/csv")
    response = client.post(
        "/cbi/150500/2024/inputs/native_biodiversity/",
        {
            "natural_areas-natural_area_ha": "12",
            "natural_areas-city_area_ha": "100",
            "natural_areas-data_year": "2023",
            "natural_areas-source": "通辽市土地利用现状图",
            "natural_areas-evidence_file": upload,
        },
    )
    assert response.status_code == 302
    entry = IndicatorEntry.objects.get()
    assert entry.data_year == 2023 and entry.evidence_file.name.endswith("landcover.csv")
    url = "/cbi/150500/2024/evidence/natural_areas/"
    download = client.get(url)
    assert download.status_code == 200 and b"forest,12" in b"".join(download.streaming_content)
    client.logout()
    assert client.get(url).status_code == 403  # unpublished

    # A file of a kind not accepted is refused, naming the field; nothing changes.
    client.force_login(tongliao_editor)
    response = client.post(
        "/cbi/150500/2024/inputs/native_biodiversity/",
        {
            "natural_areas-natural_area_ha": "13",
            "natural_areas-city_area_ha": "100",
            "natural_areas-evidence_file": SimpleUploadedFile("x.exe", b"MZ"),
        },
    )
    assert "natural_areas-evidence_file" in response.context["form"].errors
    assert IndicatorEntry.objects.get().inputs["natural_area_ha"] == "12"


def test_index_lists_own_jurisdictions_and_visible_assessments(
    client, tongliao_editor, start_assessment
):
    client.force_login(tongliao_editor)
    start_assessment("150500", 2024)
    page = client.get("/cbi/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Jurisdictions you edit" in page and "/cbi/150500/2024/" in page
    assert "0 of 112" in page
    client.logout()
    page = client.get("/cbi/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/cbi/150500/2024/" not in page and "No assessments yet." in page
    # Tongliao has not started the CBI: its page says so to the public.
    page = client.get("/cbi/150500/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "no City Biodiversity Index assessment yet" in page
