"""Impossible inputs are refused field by field, with a message naming the field, and nothing
of the form is saved (not even the valid indicators next to the bad one)."""

from __future__ import annotations

from auditlog.models import LogEntry

from ecotrack.cbi.models import Assessment, IndicatorEntry


def _errors(response) -> dict[str, list[str]]:
    assert response.status_code == 200, response.status_code
    return {k: [str(m) for m in v] for k, v in response.context["form"].errors.items()}


def test_each_impossible_input_is_named_and_nothing_is_saved(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    log_entries = LogEntry.objects.count()
    response = enter(
        assessment,
        "native_biodiversity",
        {
            # negative area
            "natural_areas": {"natural_area_ha": "-5", "city_area_ha": "100"},
            # part larger than whole
            "protected_areas": {"protected_area_ha": "120", "city_area_ha": "100"},
            # zero denominator
            "birds_in_built_up": {"built_up_native_bird_species": "0", "native_bird_species": "0"},
            # non-whole count
            "change_birds": {"baseline_species": "180", "current_species": "182.5"},
            # not a number at all
            "habitat_restoration": {"restored_area_ha": "lots", "degraded_area_ha": "10"},
            # a valid indicator in the same form: must not be saved either
            "connectivity": {"patch_group_areas_ha": "60\n30\n10"},
        },
    )
    errors = _errors(response)
    assert errors["natural_areas-natural_area_ha"] == ["must not be negative, got -5"]
    assert errors["protected_areas-protected_area_ha"] == [
        "120 is larger than “Area of the city” (100); a part cannot exceed the whole"
    ]
    assert errors["birds_in_built_up-native_bird_species"] == [
        "must be greater than 0 (it is a denominator)"
    ]
    assert errors["change_birds-current_species"] == ["must be a whole number, got 182.5"]
    assert errors["habitat_restoration-restored_area_ha"] == ["must be a number, got 'lots'"]
    assert "connectivity-patch_group_areas_ha" not in errors

    page = response.content.decode()
    assert "Nothing was saved" in page
    # The summary names the indicator and the field's label, and links to the field.
    assert (
        '<a href="#id_natural_areas-natural_area_ha">'
        "1. Area of natural, restored and naturalised areas (ha)</a>" in page
    )

    assert not IndicatorEntry.objects.exists()
    assessment.refresh_from_db()
    assert assessment.total == 0
    assert LogEntry.objects.count() == log_entries


def test_messages_in_chinese_for_chinese_readers(client, tongliao_editor, start_assessment):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    response = client.post(
        f"/cbi/150500/{assessment.year}/inputs/ecosystem_services/",
        {"water_regulation-permeable_area_ha": "10", "water_regulation-terrestrial_area_ha": "0"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert _errors(response)["water_regulation-terrestrial_area_ha"] == ["必须大于 0（它是分母）"]
    assert not IndicatorEntry.objects.exists()


def test_a_half_filled_indicator_asks_for_the_missing_field(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    errors = _errors(
        enter(assessment, "native_biodiversity", {"natural_areas": {"natural_area_ha": "12"}})
    )
    assert errors["natural_areas-city_area_ha"] == ["is required (Area of the city)"]


def test_list_items_and_taxon_lines_are_named_by_line(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    errors = _errors(
        enter(
            assessment,
            "native_biodiversity",
            {
                "connectivity": {"patch_group_areas_ha": "60\n0\n10"},
                "invasive_species": {"taxonomic_groups": "birds, 95, 5\nplants, 300"},
            },
        )
    )
    assert errors["connectivity-patch_group_areas_ha"] == ["Line 2: must be greater than 0"]
    assert errors["invasive_species-taxonomic_groups"] == [
        "Line 2: write the group name, native species and invasive alien species, "
        "separated by commas."
    ]
    errors = _errors(
        enter(
            assessment,
            "native_biodiversity",
            {"invasive_species": {"taxonomic_groups": "birds, 95, 5\nbirds, 10, -1"}},
        )
    )
    assert errors["invasive_species-taxonomic_groups"] == [
        "Line 2, invasive alien species: must not be negative, got -1"
    ]


def test_both_pairs_of_indicator_7_is_an_error_of_the_indicator(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    response = enter(
        assessment,
        "native_biodiversity",
        {
            "habitat_restoration": {
                "restored_area_ha": "5",
                "degraded_area_ha": "10",
                "habitat_types_restored": "1",
                "habitat_types": "4",
            }
        },
    )
    form = response.context["form"]
    assert any(
        e.startswith("7. Habitat restoration: give only one of") for e in form.non_field_errors()
    )
    assert not IndicatorEntry.objects.exists()


def test_a_second_assessment_for_the_same_year_is_refused(
    client, tongliao_editor, start_assessment
):
    client.force_login(tongliao_editor)
    start_assessment("150500", 2024)
    response = client.post(
        "/cbi/150500/start/", {"year": "2024", "edition": "2021"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "already has an assessment for 2024" in str(response.context["form"].errors["year"])
    assert Assessment.objects.count() == 1
