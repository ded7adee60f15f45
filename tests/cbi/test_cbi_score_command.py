"""`ecotrack cbi-score`: scores a file, prints per indicator and totals, never touches the database.

No test here is marked `django_db`, so pytest-django fails any test that reaches the database.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ecotrack.cbi.management.commands.cbi_score import Command

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def run(*args: str) -> str:
    out = StringIO()
    call_command(Command(), *args, stdout=out)
    return out.getvalue()


def write(tmp_path: Path, data: Any, name: str = "input.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_text_output_lists_indicators_components_and_total() -> None:
    out = run(str(EXAMPLES / "cbi-input-2021.json"))
    # Indicator 1: 12% → "7.0%–13.9%" → 2 points, with the exact rule shown.
    assert "  1  Proportion of natural areas in the city" in out
    assert "12%  2/4   7.0%–13.9%  [7 ≤ value < 14]" in out
    # Indicator 2: meff 46 ha, coherence 46% → "40%–59.9%" → 2.
    assert "effective mesh size: 46 ha" in out
    assert "46%  2/4   40%–59.9%" in out
    # Provisional indicators carry a star: 17 LBSAP, aligned + 1–3 initiatives → 3.
    assert (
        "3/4*  LBSAP incorporates elements of the NBSAP and one to three CBD thematic initiatives"
        in out
    )
    assert "Native biodiversity in the city                     19 of 36" in out
    assert "Ecosystem services provided by biodiversity          9 of 20" in out
    assert "Governance and management of biodiversity           30 of 56" in out
    assert "Total: 58 of 112  (out of the 28 answered indicators: 58 of 112)" in out
    assert "* 42 of these points rest on provisional" in out


def test_partial_input_reports_both_maxima_and_what_is_missing() -> None:
    out = run(str(EXAMPLES / "cbi-input-2021-landcover.json"))
    assert "Total: 12 of 112  (out of the 5 answered indicators: 12 of 20)" in out
    assert "Not answered (23): birds_in_built_up," in out


def test_json_output_for_machines() -> None:
    payload = json.loads(run(str(EXAMPLES / "cbi-input-2021.json"), "--json"))
    assert payload["ok"] is True
    assert (
        payload["edition"],
        payload["total"],
        payload["max_points"],
        payload["answered_max"],
    ) == ("2021", 58, 112, 112)
    assert [(c["key"], c["score"], c["max_points"]) for c in payload["components"]] == [
        ("native_biodiversity", 19, 36),
        ("ecosystem_services", 9, 20),
        ("governance", 30, 56),
    ]
    first = payload["indicators"][0]
    assert (first["key"], first["value"], first["value_exact"], first["unit"], first["score"]) == (
        "natural_areas",
        12,
        "12",
        "%",
        2,
    )
    assert first["band"]["text"] == "7.0%–13.9%"
    assert first["band"]["provenance"]["status"] == "secondary"
    assert first["provisional"] is False
    assert payload["city"] == "Example City (fictional figures)"


def test_2014_example_scores_out_of_92() -> None:
    payload = json.loads(run(str(EXAMPLES / "cbi-input-2014.json"), "--edition", "2014", "--json"))
    # 1: 25% > 20.0 → 4; 2: meff 750 ha → 501–1000 → 2; 3: 30 species → 28–68 → 3; 6: +2 → 2;
    # 7: +3 → 3; 10: 1.0% → 1.0–11.0 → 3. Native biodiversity 4+2+3+2+3+3 = 17 of 40.
    # 13: 1 ha per 1,000 > 0.9 → 4; 14: 1.5 visits → "1 visit" band → 1. Services 5 of 16.
    # 17: not aligned → 1; 23: 150 events → 150–300 → 3. Governance 4 of 36. Total 26 of 92.
    assert [c["score"] for c in payload["components"]] == [17, 5, 4]
    assert (payload["total"], payload["max_points"], payload["answered_max"]) == (26, 92, 40)


def test_invalid_input_fails_naming_file_and_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        {
            "indicators": {
                "natural_areas": {"natural_area_ha": 120, "city_area_ha": 100},
                "lbsap": {"answer": "sort of"},
            }
        },
    )
    with pytest.raises(CommandError) as caught:
        run(str(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: 2 problem(s) in the CBI input:")
    assert (
        f"{path}: indicators.natural_areas.natural_area_ha: 120 is larger than city_area_ha (100)"
        in message
    )
    assert f"{path}: indicators.lbsap.answer: unknown answer 'sort of'" in message


def test_invalid_input_with_json_prints_the_problems_too(tmp_path: Path) -> None:
    path = write(
        tmp_path, {"indicators": {"tree_canopy": {"tree_canopy_ha": -1, "terrestrial_area_ha": 0}}}
    )
    out = StringIO()
    with pytest.raises(CommandError):
        call_command(Command(), str(path), "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["ok"] is False and payload["file"] == str(path)
    assert [(p["path"], p["code"]) for p in payload["problems"]] == [
        ("indicators.tree_canopy.tree_canopy_ha", "negative"),
    ]


def test_bad_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{"indicators": {"natural_areas": {"natural_area_ha": 12,}}}')
    with pytest.raises(
        CommandError, match=r"input\.json: not valid JSON: .*\(line 1, column \d+\)"
    ):
        run(str(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"nowhere\.json: cannot read the file"):
        run(str(tmp_path / "nowhere.json"))


def test_edition_flag_must_agree_with_the_file(tmp_path: Path) -> None:
    with pytest.raises(
        CommandError, match="edition: the file says 2021 but the 2014 edition was asked for"
    ):
        run(str(EXAMPLES / "cbi-input-2021.json"), "--edition", "2014")


def test_decimals_are_read_exactly_from_json(tmp_path: Path) -> None:
    # 6.9 ha of 100 ha must be 6.9% ("1.0%–6.9%" → 1), and 0.07 of 1 exactly 7.0% (→ 2).
    low = write(
        tmp_path,
        {"indicators": {"natural_areas": {"natural_area_ha": 6.9, "city_area_ha": 100}}},
        "a.json",
    )
    edge = write(
        tmp_path,
        {"indicators": {"natural_areas": {"natural_area_ha": 0.07, "city_area_ha": 1}}},
        "b.json",
    )
    assert json.loads(run(str(low), "--json"))["indicators"][0]["score"] == 1
    assert json.loads(run(str(edge), "--json"))["indicators"][0]["score"] == 2


def test_schema_option_prints_the_input_schema() -> None:
    schema = json.loads(run("--schema"))
    assert schema["title"] == "CBI assessment input, 2021 edition"
    assert "natural_areas" in schema["properties"]["indicators"]["properties"]


def test_the_command_is_found_by_name() -> None:
    out = StringIO()
    call_command("cbi_score", str(EXAMPLES / "cbi-input-2021.json"), stdout=out)
    assert "Total: 58 of 112" in out.getvalue()
