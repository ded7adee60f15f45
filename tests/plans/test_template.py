"""The demonstration-zone template: shipped data = what the parser reads from the Xilinhot
table today, and adopting it gives a plan that judges values against the standard."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ecotrack.accounts.models import Role
from ecotrack.core.plandoc import parse_plan
from ecotrack.plans.compliance import assess_plan
from ecotrack.plans.models import ObservationSource, Plan
from ecotrack.plans.observations import record_observation
from ecotrack.plans.template import SOURCE_DOCUMENT, build_template, load_template

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_template_equals_the_parsed_xilinhot_table():
    assert load_template() == build_template(parse_plan(ROOT / SOURCE_DOCUMENT))


def test_template_has_the_national_system_shape():
    rows = load_template()["indicators"]
    assert len(rows) == 44 and len({r["seq"] for r in rows}) == 35
    attributes = {r["seq"]: r["attribute"] for r in rows}
    assert sorted(attributes.values()).count("约束性") == 19  # 19 binding, 16 reference
    by_name = {r["sub_name"] or r["name"]: r["standard_value"] for r in rows}
    assert by_name["城镇污水处理率"] == "≥85"
    assert by_name["生态文明建设规划"] == "制定实施"


def test_adopt_by_command_then_self_assess(places, make_user):
    editor = make_user("horqin", Role.EDITOR, "150502")
    out = io.StringIO()
    call_command("adopt_demonstration_template", "150502", "--year", "2026", "--user",
                 "horqin", stdout=out)
    call_command("adopt_demonstration_template", "150502", "--year", "2026", "--user",
                 "horqin", stdout=out)
    assert "Created" in out.getvalue() and "unchanged" in out.getvalue()
    plan = Plan.objects.get()
    sewage = plan.indicators.get(name="城镇污水处理率")
    assert sewage.targets.get().is_standard_value
    record_observation(sewage, 2026, 80, ObservationSource.MANUAL, "", editor)
    rows = {r.indicator.name: r.status for r in assess_plan(plan, as_of=2026)}
    assert rows["城镇污水处理率"] == "not_met"  # 80 < 85
    assert rows["城镇新建绿色建筑比例"] == "no_data"


def test_adopt_for_someone_elses_place_is_refused(places, make_user):
    make_user("tongliao", Role.EDITOR, "150500")
    with pytest.raises(CommandError, match="may not change plans"):
        call_command("adopt_demonstration_template", "150502", "--year", "2026", "--user",
                     "tongliao", stdout=io.StringIO())
    assert not Plan.objects.exists()
