from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_places_json_lists_inner_mongolia_with_its_prefecture_level_children(places):
    out = StringIO()
    call_command("places", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert {"code", "name_zh", "name_en", "level", "parent_code"} == set(rows[0])
    region = next(r for r in rows if r["code"] == "150000")
    assert region == {
        "code": "150000",
        "name_zh": "内蒙古自治区",
        "name_en": "Inner Mongolia Autonomous Region",
        "level": "province",
        "parent_code": "100000",
    }
    assert len([r for r in rows if r["parent_code"] == "150000"]) == 12


def test_places_under_a_code_and_an_unknown_code(places):
    out = StringIO()
    call_command("places", "--under", "152500", stdout=out)
    text = out.getvalue()
    assert "锡林浩特市" in text and "通辽市" not in text
    with pytest.raises(CommandError, match="999999"):
        call_command("places", "--under", "999999")
