from __future__ import annotations

from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.places.models import Profile

PROFILE_POST = {
    "about": "通辽市位于内蒙古自治区东部。",
    "about_language": "zh-hans",
    "population": "2807000",
    "population_year": "2020",
    "area_km2": "59535",
    "centre_latitude": "43.65",
    "centre_longitude": "122.24",
    "head_of_government": "Dalentai Qi",
    "country": "China",
    "world_region": "Asia & Oceania",
    "is_published": "on",
}


def test_tree_and_search_by_chinese_name_english_name_and_code(client, places):
    tree = client.get("/places/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "内蒙古自治区" in tree and "锡林浩特市" in tree
    by_zh = client.get("/places/", {"q": "浩特"}).content.decode()
    assert "锡林浩特市" in by_zh and "二连浩特市" in by_zh and "通辽市" not in by_zh
    by_en = client.get("/places/", {"q": "xilin"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Xilinhot" in by_en
    by_code = client.get("/places/", {"q": "1505"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Tongliao" in by_code and "Horqin District" in by_code and "Xilinhot" not in by_code


def test_detail_page_shows_ancestry_and_children(client, places):
    page = client.get("/places/152500/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Xilingol League" in page and "Inner Mongolia Autonomous Region" in page
    assert "Xilinhot" in page
    assert client.get("/places/999999/").status_code == 404


def test_editor_saves_their_profile_and_history_shows_before_and_after(client, places, make_user):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    client.force_login(editor)
    response = client.post("/places/150500/profile/edit/", PROFILE_POST)
    assert response.status_code == 302
    profile = Profile.objects.get(jurisdiction=places["150500"])
    assert profile.population == 2807000

    client.post("/places/150500/profile/edit/", {**PROFILE_POST, "population": "2850000"})
    entry = LogEntry.objects.get_for_object(profile).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == editor
    assert [str(v) for v in entry.changes_dict["population"]] == ["2807000", "2850000"]
    page = client.get("/places/150500/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "History" in page and "2807000" in page and "2850000" in page and "tongliao" in page


def test_editor_of_tongliao_gets_403_on_xilingol_and_nothing_changes(client, places, make_user):
    Profile.objects.create(jurisdiction=places["152500"], about="锡林郭勒盟", population=1100000)
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    entries_before = LogEntry.objects.count()
    assert client.get("/places/152500/profile/edit/").status_code == 403
    response = client.post("/places/152500/profile/edit/", {**PROFILE_POST, "population": "1"})
    assert response.status_code == 403
    assert "permission" in response.content.decode().lower() or "权限" in response.content.decode()
    profile = Profile.objects.get(jurisdiction=places["152500"])
    assert profile.population == 1100000 and profile.about == "锡林郭勒盟"
    assert LogEntry.objects.count() == entries_before


def test_anonymous_user_is_sent_to_login(client, places):
    response = client.post("/places/150500/profile/edit/", PROFILE_POST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Profile.objects.exists()


def test_invalid_profile_is_not_saved_and_the_field_is_named(client, places, make_user):
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    response = client.post(
        "/places/150500/profile/edit/",
        {**PROFILE_POST, "centre_latitude": "123", "population_year": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"centre_latitude", "population_year"}
    assert not Profile.objects.exists()


def test_unpublished_profile_is_hidden_from_public_and_shown_to_reviewer(client, places, make_user):
    Profile.objects.create(jurisdiction=places["152502"], about="未公开的草稿")
    assert "未公开的草稿" not in client.get("/places/152502/").content.decode()
    client.force_login(make_user("region", Role.REVIEWER, "150000"))
    assert "未公开的草稿" in client.get("/places/152502/").content.decode()
