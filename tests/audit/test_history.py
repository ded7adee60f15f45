from __future__ import annotations

from io import StringIO

from auditlog.models import LogEntry
from django.core.management import call_command

from ecotrack.audit.context import command_actor
from ecotrack.audit.history import history_for
from ecotrack.places.models import Jurisdiction, Profile


def test_create_update_delete_are_recorded_without_per_model_code(places, make_user):
    profile = Profile.objects.create(jurisdiction=places["150500"], population=100)
    profile.population = 200
    profile.save()
    pk = profile.pk
    profile.delete()
    actions = list(
        LogEntry.objects.filter(object_pk=str(pk), content_type__model="profile")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]


def test_history_rows_name_field_before_and_after(places):
    profile = Profile.objects.create(jurisdiction=places["150500"], head_of_government="A")
    profile.head_of_government = "B"
    profile.save()
    latest = history_for(profile)[0]
    change = next(c for c in latest.changes if c.before == "A")
    assert change.after == "B"


def test_command_changes_are_attributed_to_the_command_and_os_account(db):
    with command_actor("load-places"):
        Jurisdiction.objects.create(code="100000", level="country", name_zh="中国")
    entry = LogEntry.objects.get(content_type__model="jurisdiction")
    assert "ecotrack load-places" in entry.actor_email
    assert entry.additional_data["via"] == "ecotrack load-places"


def test_demo_is_idempotent_and_attributed(db):
    call_command("demo", stdout=StringIO())
    count = LogEntry.objects.count()
    snapshot = list(Jurisdiction.objects.order_by("code").values())
    out = StringIO()
    call_command("demo", stdout=out)
    assert LogEntry.objects.count() == count
    assert list(Jurisdiction.objects.order_by("code").values()) == snapshot
    assert "0 created, 0 updated" in out.getvalue()
    assert all(
        "ecotrack demo" in (e.actor_email or "")
        for e in LogEntry.objects.filter(content_type__model="jurisdiction")
    )
