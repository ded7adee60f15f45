"""An assessment entered through the forms scores exactly by the 2021 edition's band tables.

Expected points are read from the band tables in docs/cbi.md (2021 edition; the bands of
indicators 1–13 are `secondary`, WRI's transcription of the Handbook — the 2021 edition has no
`verified` bands yet), not from the program's output.
"""

from __future__ import annotations

from ecotrack.cbi.models import Assessment, IndicatorEntry, Status

NATIVE = {
    # 1. 12 ÷ 100 = 12% → "7.0%–13.9%" → 2 points
    "natural_areas": {"natural_area_ha": "12", "city_area_ha": "100"},
    # 8. 6 ÷ 100 = 6% → "1%–6%" (6% included) → 1 point
    "protected_areas": {"protected_area_ha": "6", "city_area_ha": "100"},
    # 2. groups 60, 30, 10 ha: meff 46 ha, coherence 46% → "40%–59.9%" → 2 points
    "connectivity": {"patch_group_areas_ha": "60\n30\n10"},
}
SERVICES = {
    # 10. 60 ÷ 100 = 60% → "≥ 60%" → 4 points
    "water_regulation": {"permeable_area_ha": "60", "terrestrial_area_ha": "100"},
    # 13. 69,999 ÷ 100,000 = 69.999% → "50%–69.9%" (below 70) → 2 points
    "park_proximity": {"population_within_400m": "69999", "population": "100000"},
}


def test_inputs_score_per_band_and_add_up(client, tongliao_editor, start_assessment, enter):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    assert assessment.status == Status.NOT_STARTED and assessment.total == 0
    assert assessment.max_points == 112

    assert enter(assessment, "native_biodiversity", NATIVE).status_code == 302
    assert enter(assessment, "ecosystem_services", SERVICES).status_code == 302

    scores = {e.indicator_key: e.score for e in IndicatorEntry.objects.all()}
    assert scores == {
        "natural_areas": 2,
        "protected_areas": 1,
        "connectivity": 2,
        "water_regulation": 4,
        "park_proximity": 2,
    }
    entry = IndicatorEntry.objects.get(indicator_key="natural_areas")
    assert entry.value_text == "12%" and entry.band_text == "7.0%–13.9%"
    assert IndicatorEntry.objects.get(indicator_key="connectivity").value_text == "46%"

    assessment = Assessment.objects.get(pk=assessment.pk)
    assert assessment.status == Status.IN_PROGRESS
    assert assessment.component_scores == {
        "native_biodiversity": 5,
        "ecosystem_services": 6,
        "governance": 0,
    }
    assert (assessment.total, assessment.max_points, assessment.answered_max) == (11, 112, 20)
    # Inputs are stored as the decimal text entered, not as floats.
    assert entry.inputs == {"natural_area_ha": "12", "city_area_ha": "100"}

    page = client.get(assessment.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "11 of 112" in page and "5 of 36" in page and "6 of 20" in page and "0 of 56" in page
    assert "7.0%–13.9%" in page and "[7 ≤ value &lt; 14]" in page


def test_band_edges_entered_as_decimals_land_in_the_right_band(
    client, tongliao_editor, start_assessment, enter
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    # 1. 6.9 ÷ 100 = 6.9% → "1.0%–6.9%" → 1; 7.0 → "7.0%–13.9%" → 2 (no float rounding).
    enter(
        assessment,
        "native_biodiversity",
        {"natural_areas": {"natural_area_ha": "6.9", "city_area_ha": "100"}},
    )
    assert IndicatorEntry.objects.get(indicator_key="natural_areas").score == 1
    enter(
        assessment,
        "native_biodiversity",
        {"natural_areas": {"natural_area_ha": "7.0", "city_area_ha": "100"}},
    )
    assert IndicatorEntry.objects.get(indicator_key="natural_areas").score == 2


def test_a_2014_assessment_is_out_of_92(client, tongliao_editor, start_assessment, enter):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2015, edition="2014")
    # 2014 ind. 3: 25 native bird species in built-up areas → "20–27 species" → 2 points
    response = enter(
        assessment,
        "native_biodiversity",
        {"birds_in_built_up": {"built_up_native_bird_species": "25"}},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.total, assessment.max_points) == (2, 92)
