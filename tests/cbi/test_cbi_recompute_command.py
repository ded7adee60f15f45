"""`ecotrack cbi-recompute` rescores stored assessments, refuses anyone but a site
administrator, and attributes the changes to the named user and the command."""

from __future__ import annotations

from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command

from ecotrack.accounts.models import Role
from ecotrack.cbi.models import Assessment


def test_recompute_restores_stale_totals_and_is_audited(
    client, tongliao_editor, start_assessment, enter, django_user_model
):
    client.force_login(tongliao_editor)
    assessment = start_assessment("150500", 2024)
    # 12% natural areas → "7.0%–13.9%" → 2 points
    enter(
        assessment,
        "native_biodiversity",
        {"natural_areas": {"natural_area_ha": "12", "city_area_ha": "100"}},
    )
    Assessment.objects.filter(pk=assessment.pk).update(total=0)  # as if scored by old bands
    admin = django_user_model.objects.create_superuser("site-admin", password="x" * 20)

    out = StringIO()
    call_command("cbi_recompute", "--user", "site-admin", stdout=out)
    assert "150500 2024: 0 → 2 of 112" in out.getvalue()
    assert "1 assessments recomputed, 1 totals changed" in out.getvalue()
    assert Assessment.objects.get(pk=assessment.pk).total == 2
    entry = LogEntry.objects.get_for_object(assessment).filter(actor=admin).get()
    assert entry.additional_data["via"] == "ecotrack cbi-recompute"


def test_recompute_refuses_unknown_and_non_admin_users(places, make_user):
    make_user("region-admin", Role.ADMINISTRATOR, "150000")
    with pytest.raises(CommandError, match="--user: no user named 'nobody'"):
        call_command("cbi_recompute", "--user", "nobody")
    with pytest.raises(CommandError, match="is not a site administrator"):
        call_command("cbi_recompute", "--user", "region-admin")
