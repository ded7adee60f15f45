"""A site administrator corrects a band table with a reason; stored scores of the assessments
that answered the indicator are recomputed, and the audit trail says why."""

from __future__ import annotations

from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.cbi.editions import scoring_edition
from ecotrack.cbi.models import Assessment, BandCorrection, IndicatorEntry

URL = "/cbi/editions/2021/natural_areas/correct/"
REASON = "Handbook table 1 (p. 25) puts the 3-point band at 12.0%–20.0%"


def _post_from_form(client, changes: dict[str, str]) -> dict[str, str]:
    """The correction form's current values (the shipped bands), with `changes` applied."""
    form = client.get(URL).context["form"]
    data = {}
    for name, value in form.initial.items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else str(value)
    data.update(changes)
    return data


def _assessment_with_natural_areas(client, user, start_assessment, enter, code, year, part):
    client.force_login(user)
    assessment = start_assessment(code, year)
    fields = {"natural_areas": {"natural_area_ha": part, "city_area_ha": "100"}}
    assert enter(assessment, "native_biodiversity", fields).status_code == 302
    return assessment


def test_correction_recomputes_affected_scores_and_is_audited_with_reason(
    client, places, make_user, tongliao_editor, start_assessment, enter, django_user_model
):
    # 12% scores 2 by the shipped bands ("7.0%–13.9%"); 5% scores 1 ("1.0%–6.9%").
    twelve = _assessment_with_natural_areas(
        client, tongliao_editor, start_assessment, enter, "150500", 2024, "12"
    )
    five = _assessment_with_natural_areas(
        client, tongliao_editor, start_assessment, enter, "150500", 2025, "5"
    )
    untouched = start_assessment("150500", 2026)  # did not answer indicator 1
    assert Assessment.objects.get(pk=twelve.pk).total == 2

    admin = django_user_model.objects.create_superuser("site-admin", password="x" * 20)
    client.force_login(admin)
    # Move the edge between 2 and 3 points from 14.0% down to 12.0%.
    data = _post_from_form(
        client,
        {
            "band2-upper": "12.0",
            "band3-lower": "12.0",
            "band3-text": "12.0%–20.0%",
            "band2-text": "7.0%–11.9%",
            "reason": REASON,
            "provenance_status": "verified",
            "source": "CBD Technical Series No. 98, table 1, p. 25",
        },
    )
    response = client.post(URL, data)
    assert response.status_code == 302, response.context["form"].errors

    correction = BandCorrection.objects.get()
    assert correction.changed_points == [2, 3] and correction.created_by == admin
    assert correction.recomputed_assessments == 2
    # 12% now meets the corrected 3-point band [12 ≤ value ≤ 20]; 5% is unaffected.
    assert IndicatorEntry.objects.get(assessment=twelve).score == 3
    assert IndicatorEntry.objects.get(assessment=twelve).band_text == "12.0%–20.0%"
    assert Assessment.objects.get(pk=twelve.pk).total == 3
    assert Assessment.objects.get(pk=five.pk).total == 1
    assert scoring_edition("2021").indicator("natural_areas").bands[3].provenance.status == (
        "verified"
    )

    # The correction itself is in the audit trail with its reason, by the administrator…
    created = LogEntry.objects.get_for_object(correction).get(action=LogEntry.Action.CREATE)
    assert created.actor == admin and created.changes_dict["reason"][1] == REASON
    # … and so is each recomputation, attributed to the correction.
    update = LogEntry.objects.get_for_object(twelve).filter(actor=admin).get()
    assert [str(v) for v in update.changes_dict["total"]] == ["2", "3"]
    assert REASON in update.additional_data["via"]
    assert f"CBI band correction {correction.pk}" in update.additional_data["via"]
    assert not LogEntry.objects.get_for_object(untouched).filter(actor=admin).exists()

    # A reviewer of the city reads it in the assessment's history.
    client.force_login(tongliao_editor)
    page = client.get("/cbi/150500/2024/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert REASON in page and "site-admin" in page
    # The edition page lists the correction.
    page = client.get("/cbi/editions/2021/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert REASON in page


def test_a_correction_that_leaves_a_gap_is_refused_and_nothing_changes(
    client, places, tongliao_editor, start_assessment, enter, django_user_model
):
    twelve = _assessment_with_natural_areas(
        client, tongliao_editor, start_assessment, enter, "150500", 2024, "12"
    )
    client.force_login(django_user_model.objects.create_superuser("site-admin", password="x" * 20))
    before = LogEntry.objects.count()
    data = _post_from_form(
        client,
        {
            "band2-upper": "12.0",  # but band 3 still starts at 14.0: a gap
            "reason": "test",
            "provenance_status": "verified",
            "source": "CBD Technical Series No. 98",
        },
    )
    response = client.post(URL, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "not consistent" in errors and "gap or overlap" in errors
    assert not BandCorrection.objects.exists()
    assert Assessment.objects.get(pk=twelve.pk).total == 2
    assert LogEntry.objects.count() == before

    # No change at all is refused too.
    data = _post_from_form(
        client,
        {"reason": "test", "provenance_status": "verified", "source": "CBD Technical Series 98"},
    )
    response = client.post(URL, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "Nothing was changed" in " ".join(response.context["form"].non_field_errors())


def test_only_site_administrators_may_correct_bands(client, places, make_user):
    # Even an administrator of the whole region: editions are shared above every jurisdiction.
    client.force_login(make_user("region-admin", Role.ADMINISTRATOR, "150000"))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"reason": "x"}).status_code == 403
    assert not BandCorrection.objects.exists()
