"""The tools & resources hub: uploads checked by content, downloads through the permission
layer, Chinese substring search and filters."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.accounts.models import Role
from ecotrack.nature.models import Commitment, Resource, ResourceKind
from ecotrack.nature.uploads import sniff

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("通辽市生物多样性保护方案")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["指标", "2020"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def editor(client, places, make_user):
    user = make_user("tongliao", Role.EDITOR, "150500")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return user


def upload(client, name: str, data: bytes, **extra):
    fields = {
        "title": "湿地保护指南",
        "kind": "guide",
        "language": "zh-hans",
        "file": SimpleUploadedFile(name, data, content_type="application/octet-stream"),
        "is_published": "on",
        **extra,
    }
    return client.post("/nature/150500/resources/new/", fields)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("guide.pdf", PDF, "pdf"),
        ("map.png", PNG, "png"),
        ("plan.docx", docx_bytes(), "docx"),
        ("indicators.xlsx", xlsx_bytes(), "xlsx"),
        ("species.csv", "物种,数量\n大鸨,12\n".encode(), "csv"),
        ("species-gbk.csv", "物种,数量\n大鸨,12\n".encode("gb18030"), "csv"),
    ],
)
def test_accepted_files_are_stored_with_the_sniffed_type(client, editor, name, data, kind):
    assert sniff(io.BytesIO(data)) == kind
    response = upload(client, name, data)
    assert response.status_code == 302, response.context["form"].errors
    resource = Resource.objects.get()
    assert resource.file_name == name and resource.size == len(data)
    assert resource.file.name.startswith("nature/resources/150500/")
    assert name not in resource.file.name  # the user's name never becomes a path


def test_a_png_called_pdf_is_refused_naming_the_field(client, editor):
    response = upload(client, "report.pdf", PNG)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["file"]
    assert "report.pdf" in errors["file"][0] and "PNG" in errors["file"][0]
    assert not Resource.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "not accepted"),
        ("page.csv", b"<html><script>alert(1)</script></html>", "is not a PDF"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not accepted"),
        ("archive.docx", b"PK\x03\x04" + b"\x00" * 100, "is not a PDF"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_other_content_is_refused(client, editor, name, data, message):
    response = upload(client, name, data)
    assert message in response.context["form"].errors["file"][0]
    assert not Resource.objects.exists()


def test_oversize_file_is_refused_with_the_limit(client, editor, settings):
    settings.ECOTRACK_UPLOAD_MAX_BYTES = 1024 * 1024
    response = upload(client, "big.pdf", PDF + b"0" * (1024 * 1024))
    error = response.context["form"].errors["file"][0]
    assert "1.0 MB" in error and "at most" in error
    assert not Resource.objects.exists()


def test_a_resource_needs_a_file_or_a_link(client, editor):
    response = client.post("/nature/150500/resources/new/", {"title": "x", "kind": "tool"})
    assert "file" in response.context["form"].errors
    response = client.post(
        "/nature/150500/resources/new/",
        {
            "title": "CitiesWithNature",
            "kind": "tool",
            "link": "https://citieswithnature.org/",
            "tags_text": "湿地， wetlands ,湿地",
            "steps": ["commit-mobilize", "set-baseline"],
        },
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert sorted(t.name for t in resource.tags.all()) == ["wetlands", "湿地"]
    assert sorted(resource.step_keys) == ["commit-mobilize", "set-baseline"]


def test_commitments_offered_are_the_citys_own(client, editor, places):
    own = Commitment.objects.create(
        jurisdiction=places["150500"], commitment_key="control-pollution"
    )
    other = Commitment.objects.create(
        jurisdiction=places["152500"], commitment_key="control-pollution"
    )
    response = upload(client, "guide.pdf", PDF, commitments=[str(other.pk)])
    assert "commitments" in response.context["form"].errors
    upload(client, "guide.pdf", PDF, commitments=[str(own.pk)])
    assert list(Resource.objects.get().commitments.all()) == [own]


def test_download_checks_permission_and_sends_safe_headers(client, editor):
    upload(client, "plan.docx", docx_bytes(), is_published="")
    resource = Resource.objects.get()
    response = client.get(f"/nature/resources/{resource.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="plan.docx"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == resource.file.open("rb").read()

    client.logout()
    assert client.get(f"/nature/resources/{resource.pk}/download/").status_code == 403
    assert client.get(f"/nature/resources/{resource.pk}/").status_code == 403
    resource.is_published = True
    resource.save()
    assert client.get(f"/nature/resources/{resource.pk}/download/").status_code == 200


def test_images_and_pdfs_may_be_shown_inline(client, editor):
    upload(client, "map.png", PNG)
    response = client.get(f"/nature/resources/{Resource.objects.get().pk}/download/")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


def test_a_link_only_resource_has_no_download(client, places):
    resource = Resource.objects.create(
        jurisdiction=places["150500"],
        title="x",
        kind="tool",
        link="https://example.org/",
        is_published=True,
    )
    assert client.get(f"/nature/resources/{resource.pk}/download/").status_code == 404


@pytest.fixture
def hub(places):
    def make(title: str, description: str = "", **extra):
        fields = {
            "jurisdiction": places["150500"],
            "kind": ResourceKind.GUIDE,
            "link": "https://example.org/",
            "is_published": True,
            **extra,
        }
        return Resource.objects.create(title=title, description=description, **fields)

    make("科尔沁草原湿地保护指南", "适用于通辽市各旗县", language="zh-hans")
    make(
        "Wetland restoration toolkit",
        "Horqin sandy land 科尔沁沙地",
        language="en",
        kind=ResourceKind.TOOL,
    )
    make("大鸨栖息地调查数据", "2023年监测", language="zh-hans", kind=ResourceKind.DATA)
    make("未发布的湿地草稿", is_published=False)
    return make


def titles(client, **params) -> set[str]:
    response = client.get("/nature/resources/", params)
    return {r.title for r in response.context["page"].object_list}


def test_chinese_substring_search_over_titles_and_descriptions(client, hub):
    # A substring in the middle of a word: no segmentation needed, on SQLite and PostgreSQL.
    assert titles(client, q="湿地") == {"科尔沁草原湿地保护指南"}
    assert titles(client, q="科尔沁") == {"科尔沁草原湿地保护指南", "Wetland restoration toolkit"}
    assert titles(client, q="旗县") == {"科尔沁草原湿地保护指南"}
    assert titles(client, q="wetland") == {"Wetland restoration toolkit"}
    assert titles(client, q="WETLAND 沙地") == {"Wetland restoration toolkit"}
    assert titles(client, q="不存在") == set()


def test_filters_by_type_language_and_tag(client, hub, places):
    tagged = hub("草原生态补偿政策", kind=ResourceKind.POLICY, language="zh-hans")
    tagged.tags.create(name="草原")
    assert titles(client, kind="data") == {"大鸨栖息地调查数据"}
    assert titles(client, language="en") == {"Wetland restoration toolkit"}
    assert titles(client, tag="草原") == {"草原生态补偿政策"}
    assert titles(client, q="草原", kind="guide") == {"科尔沁草原湿地保护指南"}


def test_reviewer_finds_unpublished_resources_the_public_does_not(client, hub, make_user):
    assert "未发布的湿地草稿" not in titles(client, q="草稿")
    client.force_login(make_user("region", Role.REVIEWER, "150000"))
    assert titles(client, q="草稿") == {"未发布的湿地草稿"}
