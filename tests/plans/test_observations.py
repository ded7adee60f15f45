"""record_observation (the API the air engine will call) and the observations CSV."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from ecotrack.accounts.models import Role
from ecotrack.plans.models import Observation
from ecotrack.plans.observation_csv import ObservationImportError, import_observations
from ecotrack.plans.observations import (
    ObservationError,
    current_observations,
    record_observation,
)


def test_same_value_twice_writes_one_row_and_a_change_supersedes(demo_plans, make_user):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    air = demo_plans["150500"].indicators.get(canonical__key="air.good_day_ratio")
    first, new = record_observation(air, 2024, 92.1, "computed", "HJ 633—2012, duckdb",
                                    editor, fingerprint="sha256:abc")
    again, new_again = record_observation(air, 2024, 92.1, "computed", "HJ 633—2012, duckdb",
                                          editor, fingerprint="sha256:abc")
    assert new and not new_again and again == first
    second, _ = record_observation(air, 2024, 92.4, "computed", "HJ 633—2026, duckdb", editor)
    assert second.supersedes == first
    assert [o.value for o in current_observations(air) if o.year == 2024] == [92.4]
    assert Observation.objects.filter(indicator=air, year=2024).count() == 2
    assert LogEntry.objects.get_for_object(second).get().action == LogEntry.Action.CREATE


def test_a_state_is_read_from_the_text(demo_plans, make_user):
    editor = make_user("xilinhot", Role.EDITOR, "152502")
    plan = demo_plans["152502"].indicators.get(number="1")  # 生态文明建设规划
    obs, _ = record_observation(plan, 2024, None, "manual", "", editor, text="实施")
    assert obs.value is None and obs.text == "实施" and obs.data_year == 2024


def test_refusals(demo_plans, make_user):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    xilinhot = demo_plans["152502"].indicators.get(number="24")
    with pytest.raises(PermissionDenied):
        record_observation(xilinhot, 2024, 90, "manual", "", editor)
    tongliao = demo_plans["150500"].indicators.get(number="15")
    with pytest.raises(ObservationError, match="value or a text"):
        record_observation(tongliao, 2024, None, "manual", "", editor)
    with pytest.raises(ObservationError, match="unknown source"):
        record_observation(tongliao, 2024, 1, "guess", "", editor)


def test_csv_by_number_and_by_canonical_key(demo_plans, make_user):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    plan = demo_plans["150500"]
    data = (
        "indicator,year,value,text,source,method\n"
        "15,2025,25.4,,manual,林草局\n"
        "eco.grassland_vegetation_cover,2025,63.2,,import,\n"
    ).encode()
    assert import_observations(plan, data, "obs.csv", editor) == (2, 2)
    assert plan.indicators.get(number="15").observations.get(year=2025).value == 25.4
    assert import_observations(plan, data, "obs.csv", editor) == (2, 0)


def test_csv_errors_name_row_and_field_and_store_nothing(demo_plans, make_user):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    plan = demo_plans["150500"]
    before = Observation.objects.count()
    data = (
        b"indicator,year,value\n"
        b"15,2025,25.4\n"
        b"99,2025,1\n"
        b"16,20x5,2\n"
        b"17,2025,lots\n"
    )
    with pytest.raises(ObservationImportError) as caught:
        import_observations(plan, data, "obs.csv", editor)
    assert caught.value.problems == [
        "obs.csv: row 3, field 'indicator': '99' matches no indicator of this plan",
        "obs.csv: row 4, field 'year': '20x5' is not a year",
        "obs.csv: row 5, field 'value': 'lots' is not a number",
    ]
    assert Observation.objects.count() == before


def test_csv_upload_page_shows_the_problems(client, demo_plans, make_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(make_user("tongliao", Role.EDITOR, "150500"))
    plan = demo_plans["150500"]
    upload = SimpleUploadedFile("obs.csv", b"indicator,year,value\n15,2025,abc\n", "text/csv")
    page = client.post(f"/plans/{plan.pk}/observations/upload/", {"file": upload})
    assert page.status_code == 200
    assert "obs.csv: row 2, field &#x27;value&#x27;" in page.content.decode()
