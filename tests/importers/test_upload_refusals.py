"""Files that must not become drafts: each gets a message naming the file, nothing is kept."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ecotrack.accounts.models import Role
from ecotrack.importers.models import ImportDraft
from ecotrack.plans.models import Plan
from tests.core.plandoc import builders

pytestmark = pytest.mark.django_db

XILINHOT = (
    Path(__file__).resolve().parents[2]
    / "ecotrack/demo/reference/documents/plan-xilinhot-2023-2030.txt"
)


@pytest.fixture
def editor(client, places, make_user):
    user = make_user("xilinhot-editor", Role.EDITOR, "152502")
    client.force_login(user)
    return user


def post(client, name: str, data: bytes):
    document = SimpleUploadedFile(name, data)
    return client.post("/importers/", {"jurisdiction": "152502", "document": document})


def refused(response) -> str:
    assert response.status_code == 400
    assert not ImportDraft.objects.exists() and not Plan.objects.exists()
    return response.content.decode()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(out, format="PNG")
    return out.getvalue()


def test_png_named_docx_is_refused_by_content(client, editor):
    page = refused(post(client, "plan.docx", png_bytes()))
    assert "plan.docx" in page and ("PNG" in page)


def test_word_document_named_xlsx_is_refused(client, editor):
    page = refused(post(client, "plan.xlsx", builders.build_docx()))
    assert "plan.xlsx" in page and ".xlsx" in page


def test_empty_file(client, editor):
    page = refused(post(client, "plan.docx", b""))
    assert "plan.docx" in page


def test_binary_garbage(client, editor):
    page = refused(post(client, "plan.pdf", bytes(range(256)) * 40))
    assert "plan.pdf" in page


def test_text_without_indicator_table_shows_parse_error(client, editor):
    page = refused(post(client, "notes.txt", "会议纪要\n今天天气很好。\n".encode()))
    assert 'role="alert"' in page and "notes.txt" in page
    assert "no indicator table found" in page


def test_encrypted_pdf_shows_parse_error(client, editor):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(builders.build_pdf_plan())))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    page = refused(post(client, "locked.pdf", out.getvalue()))
    assert "locked.pdf" in page and "encrypted" in page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_old_word_document_named_docx_is_refused(client, editor, tmp_path):
    # A real .doc (an OLE container, like a password-protected .docx) written by LibreOffice.
    source = tmp_path / "plan.txt"
    source.write_bytes(XILINHOT.read_bytes()[:4000])
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True,
    )
    page = refused(post(client, "plan.docx", (tmp_path / "plan.doc").read_bytes()))
    assert "plan.docx" in page and ".doc" in page


def test_template_error_names_file_row_and_field(client, editor):
    rows = builders.template_rows()
    rows[7][0] = "三"  # the typed template's seq column must be a number (file row 8)
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    page = refused(post(client, "plan.csv", out.getvalue().encode("utf-8")))
    assert "plan.csv" in page and "<dd>seq</dd>" in page and "row 8" in page


def test_file_over_the_size_limit(client, editor, settings):
    settings.ECOTRACK_UPLOAD_MAX_BYTES = 1000
    page = refused(post(client, XILINHOT.name, XILINHOT.read_bytes()))
    assert XILINHOT.name in page


def test_unsupported_extension(client, editor):
    page = refused(post(client, "plan.doc", XILINHOT.read_bytes()))
    assert "plan.doc" in page and ".docx" in page
