"""Open data: the export's schema, the XLSX round trip on the demo data, bad input, and
what the public export leaves out."""

from __future__ import annotations

import csv
import json
import zipfile
from io import BytesIO, StringIO
from pathlib import Path

import jsonschema
import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from ecotrack.accounts.models import Role
from ecotrack.places.models import Profile
from ecotrack.plans.models import Observation, Plan
from ecotrack.reports.opendata.schema import SCHEMA_FILE, schema_text

pytestmark = pytest.mark.usefixtures("demo_db")


def export(tmp_path: Path, fmt: str, name: str) -> Path:
    out = tmp_path / name
    call_command("export_data", "150500", "--format", fmt, "-o", str(out), stdout=StringIO())
    return out


def canonical(tmp_path: Path, name: str) -> dict:
    data = json.loads(export(tmp_path, "json", name).read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data


def import_file(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_data", str(path), *args, stdout=out)
    return out.getvalue()


def test_schema_file_is_up_to_date_and_the_export_is_valid(tmp_path):
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()
    data = json.loads(export(tmp_path, "json", "t.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(schema_text()))
    tables = data["tables"]
    assert tables["jurisdictions"][0]["code"] == "150500"
    assert tables["profile"][0]["population"] == 2807000
    assert len(tables["indicators"]) == 21
    assert {r["plan_title"] for r in tables["plans"]} == {"通辽市“十四五”生态环境保护规划"}
    assert "id" not in tables["indicators"][0] and "pk" not in tables["indicators"][0]


def test_xlsx_round_trip_reproduces_the_content(tmp_path):
    before = canonical(tmp_path, "before.json")
    xlsx = export(tmp_path, "xlsx", "tongliao.xlsx")
    assert len(before["tables"]["nature_actions"]) == 13  # Tongliao's report, imported by demo
    # A fresh state: the jurisdiction's plans, nature content and profile are gone.
    Plan.objects.filter(jurisdiction__code="150500").delete()
    for model in ("Commitment", "OtherCommitment", "PathwayStep", "Resource"):
        apps.get_model("nature", model).objects.filter(jurisdiction__code="150500").delete()
    Profile.objects.filter(jurisdiction__code="150500").delete()
    emptied = canonical(tmp_path, "empty.json")
    assert all(rows == [] for name, rows in emptied["tables"].items() if name != "jurisdictions")
    message = import_file(xlsx)
    assert "indicators: 21 created" in message and "nature_actions: 13 created" in message
    assert canonical(tmp_path, "after.json") == before
    # A second import changes nothing: natural keys match, no new observation revision.
    revisions = Observation.objects.count()
    import_file(xlsx)
    assert Observation.objects.count() == revisions
    assert canonical(tmp_path, "again.json") == before


def test_changed_value_becomes_a_new_revision(tmp_path):
    xlsx = export(tmp_path, "xlsx", "t.xlsx")
    book = load_workbook(xlsx)
    sheet = book["observations"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("value") + 1).value = 92.5
    sheet.cell(row=2, column=header.index("text") + 1).value = "92.5"
    book.save(xlsx)
    count = Observation.objects.count()
    import_file(xlsx)
    assert Observation.objects.count() == count + 1
    newest = Observation.objects.latest("pk")
    assert newest.value == 92.5 and newest.supersedes is not None


def test_bad_cell_names_file_sheet_row_and_field_and_stores_nothing(tmp_path):
    xlsx = export(tmp_path, "xlsx", "bad.xlsx")
    book = load_workbook(xlsx)
    sheet = book["targets"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=4, column=header.index("year") + 1).value = "twenty"
    profile = book["profile"]
    profile.cell(row=2, column=[c.value for c in profile[1]].index("population") + 1).value = 1
    book.save(xlsx)
    with pytest.raises(CommandError) as error:
        import_file(xlsx)
    assert "bad.xlsx, sheet 'targets', row 4, field 'year': must be a whole number" in str(
        error.value)
    assert Profile.objects.get(jurisdiction__code="150500").population == 2807000


def test_error_in_a_later_sheet_rolls_back_earlier_ones(tmp_path):
    xlsx = export(tmp_path, "xlsx", "late.xlsx")
    book = load_workbook(xlsx)
    book["profile"].cell(row=2, column=5).value = 1234  # population, a valid change
    sheet = book["indicators"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("canonical_key") + 1).value = "no-such-indicator"
    book.save(xlsx)
    with pytest.raises(CommandError, match="sheet 'indicators', row 2, field 'canonical_key'"):
        import_file(xlsx)
    assert Profile.objects.get(jurisdiction__code="150500").population == 2807000


def test_user_who_may_not_edit_is_refused(tmp_path, make_user):
    make_user("xilinhot", Role.EDITOR, "152502")
    make_user("tongliao", Role.EDITOR, "150500")
    xlsx = export(tmp_path, "xlsx", "t.xlsx")
    with pytest.raises(CommandError, match="xilinhot may not change the content of"):
        import_file(xlsx, "--user", "xilinhot")
    assert "Imported" in import_file(xlsx, "--user", "tongliao")


def test_not_an_export_is_refused(tmp_path):
    other = tmp_path / "other.xlsx"
    from openpyxl import Workbook

    Workbook().save(other)
    with pytest.raises(CommandError, match=r"other\.xlsx, sheet 'meta': sheet is missing"):
        import_file(other)


def test_unpublished_content_is_never_exported(tmp_path, client):
    Plan.objects.filter(jurisdiction__code="150500").update(is_published=False)
    Profile.objects.filter(jurisdiction__code="150500").update(is_published=False)
    data = canonical(tmp_path, "pub.json")
    assert data["tables"]["plans"] == [] and data["tables"]["indicators"] == []
    assert data["tables"]["profile"] == []
    response = client.get("/reports/export/150500.json")
    assert json.loads(response.content)["tables"]["observations"] == []


def test_csv_zip_and_folder_have_one_file_per_table(tmp_path, client):
    folder = export(tmp_path, "csv", "csv")
    with (folder / "indicators.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 21 and rows[0]["indicator_number"] == "1"
    response = client.get("/reports/export/150500.zip")
    names = zipfile.ZipFile(BytesIO(response.content)).namelist()
    assert "150500/indicators.csv" in names and "150500/meta.json" in names


def _published_cbi_assessment():
    from ecotrack.cbi.models import Assessment, IndicatorEntry

    assessment = Assessment.objects.create(
        jurisdiction_id=Profile.objects.get(jurisdiction__code="150500").jurisdiction_id,
        year=2024, edition="2021", status="reviewed", is_published=True, total=2,
        max_points=112, component_scores={"native_biodiversity": 2},
    )
    IndicatorEntry.objects.create(
        assessment=assessment, indicator_key="natural_areas",
        inputs={"natural_area_ha": "12", "city_area_ha": "100"},
        data_year=2020, source="Statistical yearbook 2020",
        input_provenance={"natural_area_ha": {"year": 2022, "source": "Land-cover survey"}},
        score=2, value_text="12%", band_text="7.0%–13.9%",
    )
    return assessment


def test_cbi_inputs_keep_their_own_year_and_source_through_xlsx(tmp_path):
    from ecotrack.cbi.models import Assessment, IndicatorEntry

    _published_cbi_assessment()
    before = canonical(tmp_path, "before.json")
    row = before["tables"]["cbi_indicators"][0]
    assert row["input_provenance"] == {
        "natural_area_ha": {"year": 2022, "source": "Land-cover survey"}}
    assert (row["data_year"], row["source"]) == (2020, "Statistical yearbook 2020")
    xlsx = export(tmp_path, "xlsx", "cbi.xlsx")
    Assessment.objects.filter(jurisdiction__code="150500").delete()
    assert "cbi_indicators: 1 created" in import_file(xlsx)
    entry = IndicatorEntry.objects.get(assessment__jurisdiction__code="150500")
    assert entry.provenance_of("natural_area_ha") == (2022, "Land-cover survey")
    assert entry.provenance_of("city_area_ha") == (2020, "Statistical yearbook 2020")
    assert canonical(tmp_path, "after.json") == before


def test_bad_cbi_input_provenance_names_the_row_and_field_and_stores_nothing(tmp_path):
    from ecotrack.cbi.models import IndicatorEntry

    _published_cbi_assessment()
    xlsx = export(tmp_path, "xlsx", "badcbi.xlsx")
    book = load_workbook(xlsx)
    sheet = book["cbi_indicators"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("input_provenance") + 1).value = json.dumps(
        {"natural_area_ha": {"year": 1850}})
    book.save(xlsx)
    with pytest.raises(CommandError) as error:
        import_file(xlsx)
    assert ("badcbi.xlsx, sheet 'cbi_indicators', row 2, field 'input_provenance': "
            "natural_area_ha.year: must be a year from 1900") in str(error.value)
    entry = IndicatorEntry.objects.get(assessment__jurisdiction__code="150500")
    assert entry.provenance_of("natural_area_ha") == (2022, "Land-cover survey")
