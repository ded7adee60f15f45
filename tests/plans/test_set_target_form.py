"""The web form of `set-target`: same rules as the command (edit rights on the
jurisdiction, a readable target, audited), and one entry resolves every level above."""

from __future__ import annotations

from auditlog.models import LogEntry

from ecotrack.accounts.models import Role
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.compliance import assess_indicator, prefetched, resolver_for
from ecotrack.plans.models import CanonicalIndicator, PlanIndicator, Target

KEY = "air.good_day_ratio"


def _post(client, code, text, year=2025):
    return client.post("/plans/set-target/", {
        "jurisdiction": Jurisdiction.objects.get(code=code).pk,
        "indicator": CanonicalIndicator.objects.get(key=KEY).pk, "year": year, "target": text})


def _status(plan):
    ind = prefetched(PlanIndicator.objects.filter(plan=plan, canonical__key=KEY)).get()
    return assess_indicator(ind, 2022, resolver_for(None), 2025).selected


def test_an_administrator_sets_the_national_value_through_the_form(client, demo_plans,
                                                                    make_user):
    admin = make_user("admin", Role.ADMINISTRATOR, "100000")
    client.force_login(admin)
    assert client.get("/plans/set-target/").status_code == 200
    assert _status(demo_plans["150500"]).status.value == "pending"
    response = _post(client, "100000", "≥87.5")
    assert response.status_code == 302
    target = Target.objects.get(text="≥87.5", indicator__plan__jurisdiction__code="100000")
    assert LogEntry.objects.get_for_object(target).get().actor == admin
    for code in ("150000", "150500"):  # the region and, through it, Tongliao
        after = _status(demo_plans[code])
        assert after.status.value != "pending" and after.target_set_by.code == "100000"
    # same value again: nothing changes
    assert _post(client, "100000", "≥87.5").status_code == 302
    assert Target.objects.filter(indicator__plan__jurisdiction__code="100000").count() == 1


def test_an_unreadable_target_is_refused_and_nothing_stored(client, demo_plans, make_user):
    client.force_login(make_user("admin", Role.ADMINISTRATOR, "100000"))
    response = _post(client, "100000", "争取更好")
    assert response.status_code == 200 and "target" in response.context["form"].errors
    assert not Target.objects.filter(indicator__plan__jurisdiction__code="100000").exists()


def test_others_are_refused(client, demo_plans, make_user):
    client.force_login(make_user("nm", Role.EDITOR, "150000"))  # edits the region, not China
    assert _post(client, "100000", "≥87.5").status_code == 403
    client.force_login(make_user("rv", Role.REVIEWER, "100000"))  # reviewers edit nothing
    assert client.get("/plans/set-target/").status_code == 403
    assert _post(client, "100000", "≥87.5").status_code == 403
    assert not Target.objects.filter(indicator__plan__jurisdiction__code="100000").exists()
    client.logout()
    assert client.post("/plans/set-target/", {}).status_code == 302  # to the login page
