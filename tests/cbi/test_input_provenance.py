"""Data year and source per input: each raw figure can carry its own (the natural area from a
2022 land-cover survey, the city area from the 2020 statistical yearbook); the indicator's data
year and source are the default for the rest; bad years are refused naming the field, and
nothing of the form is saved."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.utils import timezone

from ecotrack.cbi.models import IndicatorEntry

SURVEY = "Land-cover survey 2022"
YEARBOOK = "Statistical yearbook 2020"


def _natural_areas(**extra: str) -> dict[str, dict[str, str]]:
    fields = {
        "natural_area_ha": "12",
        "natural_area_ha-year": "2022",
        "natural_area_ha-source": SURVEY,
        "city_area_ha": "100",
        "data_year": "2020",
        "source": YEARBOOK,
    }
    fields.update(extra)
    return {"natural_areas": fields}


def _errors(response) -> dict[str, list[str]]:
    assert response.status_code == 200, response.status_code
    return {k: [str(m) for m in v] for k, v in response.context["form"].errors.items()}


def test_each_input_keeps_its_own_year_and_source_and_the_page_shows_them(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    response = enter(assessment, "native_biodiversity", _natural_areas())
    assert response.status_code == 302, _errors(response)

    entry = IndicatorEntry.objects.get(assessment=assessment, indicator_key="natural_areas")
    # Only what differs from the indicator's default is stored per input.
    assert entry.input_provenance == {"natural_area_ha": {"year": 2022, "source": SURVEY}}
    assert (entry.data_year, entry.source) == (2020, YEARBOOK)
    assert entry.provenance_of("natural_area_ha") == (2022, SURVEY)
    assert entry.provenance_of("city_area_ha") == (2020, YEARBOOK)
    assert entry.score == 2  # 12% → "7.0%–13.9%"

    page = client.get(assessment.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    start = html.index('id="inputs-natural_areas"')
    table = html[start : html.index("</table>", start)]
    assert "Inputs of indicator 1" in table
    rows = table.split("<tr>")[2:]  # after the header row
    natural, city = rows
    assert "Area of natural, restored and naturalised areas" in natural
    for text in ("<td>12</td>", "<td>ha</td>", ">2022</td>", f">{SURVEY}</td>"):
        assert text in natural, (text, natural)
    for text in ("<td>100</td>", "<td>ha</td>", ">2020</td>", f">{YEARBOOK}</td>"):
        assert text in city, (text, city)
    # The city area's year and source are the indicator's: shown, and marked as inherited.
    assert '<td class="muted">2020</td>' in city
    assert '<td class="muted">2022</td>' not in natural

    # The form shows them again for editing: own values per input, the default below.
    form = client.get(
        "/cbi/150500/2024/inputs/native_biodiversity/", HTTP_ACCEPT_LANGUAGE="en"
    ).context["form"]
    assert form["natural_areas-natural_area_ha-year"].value() == 2022
    assert form["natural_areas-natural_area_ha-source"].value() == SURVEY
    assert form["natural_areas-city_area_ha-year"].value() is None
    assert form["natural_areas-data_year"].value() == 2020
    assert form["natural_areas-city_area_ha-year"].label == "Data year of “Area of the city”"


def test_years_outside_1900_to_next_year_are_refused_naming_the_field_and_nothing_is_saved(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    next_year = timezone.now().year + 1
    logged = LogEntry.objects.count()
    response = enter(
        assessment,
        "native_biodiversity",
        {
            **_natural_areas(**{"natural_area_ha-year": "1899"}),
            "protected_areas": {
                "protected_area_ha": "6",
                "city_area_ha": "100",
                "city_area_ha-year": str(next_year + 1),
            },
            "connectivity": {"patch_group_areas_ha": "60\n30\n10", "data_year": "1850"},
        },
    )
    errors = _errors(response)
    assert errors["natural_areas-natural_area_ha-year"] == [
        "Data year of “Area of natural, restored and naturalised areas” must be between 1900 "
        f"and {next_year}, got 1899."
    ]
    assert errors["protected_areas-city_area_ha-year"] == [
        f"Data year of “Area of the city” must be between 1900 and {next_year}, "
        f"got {next_year + 1}."
    ]
    assert errors["connectivity-data_year"] == [
        f"Data year of indicator 2 must be between 1900 and {next_year}, got 1850."
    ]
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert '<a href="#id_natural_areas-natural_area_ha-year">' in html
    assert not IndicatorEntry.objects.exists()
    assert LogEntry.objects.count() == logged

    # The edges themselves are fine: 1900 and next year.
    response = enter(
        assessment,
        "native_biodiversity",
        _natural_areas(**{"natural_area_ha-year": "1900", "data_year": str(next_year)}),
    )
    assert response.status_code == 302, _errors(response)
    entry = IndicatorEntry.objects.get(indicator_key="natural_areas")
    assert entry.provenance_of("natural_area_ha")[0] == 1900
    assert entry.provenance_of("city_area_ha")[0] == next_year


def test_year_or_source_without_a_value_is_refused(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    response = enter(
        assessment,
        "native_biodiversity",
        {"protected_areas": {"protected_area_ha-source": "WDPA 2023", "city_area_ha": "100"}},
    )
    errors = _errors(response)
    assert errors["protected_areas-protected_area_ha-source"] == [
        "“Area of protected or secured natural areas” has no value: enter it, or clear its "
        "data year and source."
    ]
    assert not IndicatorEntry.objects.exists()


def test_an_entry_from_before_per_input_provenance_keeps_its_year_and_source_for_each_input(
    client, tongliao_editor, start_assessment, enter
):
    """What migration 0002 leaves: the indicator's year and source, no per-input ones. Every
    input reads them, the page shows them, and saving the form unchanged keeps them."""
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    IndicatorEntry.objects.create(
        assessment=assessment,
        indicator_key="natural_areas",
        inputs={"natural_area_ha": "12", "city_area_ha": "100"},
        data_year=2019,
        source="Old land-use map",
    )
    entry = IndicatorEntry.objects.get()
    assert entry.input_provenance == {}
    assert entry.provenance_of("natural_area_ha") == (2019, "Old land-use map")
    assert entry.provenance_of("city_area_ha") == (2019, "Old land-use map")
    html = client.get(assessment.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    table = html[html.index('id="inputs-natural_areas"') :]
    assert table.count('<td class="muted">2019</td>') == 2
    assert table.count('<td class="muted">Old land-use map</td>') == 2

    url = "/cbi/150500/2024/inputs/native_biodiversity/"
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="en").context["form"]
    data = {
        name: "" if value is None else str(value)
        for name, value in ((n, form[n].value()) for n in form.fields)
        if not name.endswith("evidence_file")
    }
    assert client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert (entry.data_year, entry.source, entry.input_provenance) == (
        2019,
        "Old land-use map",
        {},
    )


def test_changing_an_inputs_source_is_in_the_entrys_history(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    enter(assessment, "native_biodiversity", _natural_areas())
    entry = IndicatorEntry.objects.get()
    enter(
        assessment,
        "native_biodiversity",
        _natural_areas(**{"natural_area_ha-source": "Land-cover survey 2022, revised"}),
    )
    entry.refresh_from_db()
    assert entry.provenance_of("natural_area_ha") == (2022, "Land-cover survey 2022, revised")
    latest = LogEntry.objects.get_for_object(entry).order_by("-pk").first()
    assert latest is not None
    assert "input_provenance" in latest.changes_dict
    before, after = latest.changes_dict["input_provenance"]
    assert before == {"natural_area_ha": {"year": 2022, "source": SURVEY}}
    assert after == {"natural_area_ha": {"year": 2022, "source": "Land-cover survey 2022, revised"}}
