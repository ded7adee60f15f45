from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ecotrack.accounts.models import Role
from ecotrack.places.models import Profile

BASE = {"about": "通辽", "country": "China", "population": "", "population_year": ""}


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (46, 125, 50)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_editor_uploads_an_image_that_is_served_only_when_published(client, places, make_user):
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    response = client.post(
        "/places/150500/profile/edit/",
        {
            **BASE,
            "image": SimpleUploadedFile("city.png", png_bytes(), content_type="image/png"),
            "image_description": "科尔沁草原",
            "contact_name": "生态环境局",
            "achievements": "国家生态文明建设示范区\n\n森林城市",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(jurisdiction__code="150500")
    assert profile.achievement_list == ["国家生态文明建设示范区", "森林城市"]
    served = client.get("/places/150500/profile/image/")
    assert served.status_code == 200 and b"".join(served.streaming_content) == png_bytes()
    client.logout()
    assert client.get("/places/150500/profile/image/").status_code == 403
    profile.is_published = True
    profile.save()
    page = client.get("/places/150500/").content.decode()
    assert 'alt="科尔沁草原"' in page and "森林城市" in page
    assert client.get("/places/150500/profile/image/").status_code == 200


def test_a_file_that_is_not_an_image_is_refused_on_the_image_field(client, places, make_user):
    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    fake = SimpleUploadedFile("city.png", b"%PDF-1.7 not an image", content_type="image/png")
    response = client.post("/places/150500/profile/edit/", {**BASE, "image": fake})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"image"}
    assert not Profile.objects.exists()
