"""The ranking page /monitoring/<parent>/<year>/cities/: the Beijing districts stored by the real
`air-evaluate --all-cities --jurisdiction 110000` on the demo excerpt, ranked as the command
ranks them, every figure read from the stored runs."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.core.management import call_command
from django.urls import reverse

from ecotrack.core.air.cities import rank_results
from ecotrack.monitoring import demo as beijing_demo
from ecotrack.monitoring.models import AirEvaluationRun

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "air"
DEMO = sorted(str(p) for p in (ROOT / "ecotrack" / "monitoring" / "data").glob("PRSA_*.csv.gz"))
EXCERPT = sorted(str(p) for p in FIXTURES.glob("PRSA_Data_*.csv.gz"))
DISTRICTS = str(FIXTURES / "beijing-stations-districts.csv")
PLACES = FIXTURES / "beijing-districts-places.csv"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
URL = reverse("monitoring:cities", args=["110000", 2015])


def evaluate(*args: str, paths: list[str] = DEMO, publish: bool = True) -> dict[str, Any]:
    """The real command, storing as Beijing's administrator (published unless told not to)."""
    out = StringIO()
    call_command("air_evaluate", "--format", "prsa", *paths, "--year", "2015", "--stations",
                 DISTRICTS, "--json", *args, "--user", "bj-admin",
                 *(["--publish"] if publish else []), stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def beijing(places, make_user):
    call_command("load_places", str(PLACES), stdout=StringIO())
    make_user("bj-admin", "administrator", "110000")


@pytest.fixture
def districts(beijing) -> dict[str, Any]:
    """Both districts of the demo excerpt stored, one run each, by the real command."""
    return evaluate("--all-cities", "--jurisdiction", "110000")


def table(html: str) -> list[list[str]]:
    tree = lxml.html.fromstring(html)
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
            for row in tree.xpath('//table[@id="cities-ranking"]/tbody/tr')]


def cell(value: Any) -> str:
    return "—" if value is None else str(value)


def expected_row(rank: int, run: AirEvaluationRun) -> list[str]:
    a = run.annual
    valid = "yes" if a["valid"] else f"no: {a['validity_notes'][0]}"
    more = len(a.get("validity_notes", [])) - 1
    if not a["valid"] and more > 0:
        valid += f" (and {more} more reason{'s' if more > 1 else ''})"
    return [str(rank), f"{run.jurisdiction.name_en} {run.jurisdiction.code}",
            str(len(run.stations)), cell(a["valid_days"]), cell(a["good_days"]),
            cell(a["good_ratio"]), cell(a["heavy_days"]), cell(a["annual"]["PM2.5"]),
            cell(a["annual"]["PM10"]), cell(a["annual"]["O3_8h_p90"]),
            cell(a["annual"]["CO_p95"]), valid, run.standard]


def test_order_and_figures_are_the_stored_runs_ranked_as_the_command_ranks(client, districts):
    response = client.get(URL, **EN)
    assert response.status_code == 200
    html = response.content.decode()
    rows = table(html)
    runs = {r.pk: r for r in AirEvaluationRun.objects.all()}
    # The command printed its cities in ranking order, each with the run it stored.
    stored = [runs[c["run"]["id"]] for c in districts["cities"]]
    assert [r.jurisdiction.code for r in stored] == ["110101", "110102"]
    assert rows == [expected_row(rank, run) for rank, run in enumerate(stored, start=1)]
    for city, run in zip(districts["cities"], stored, strict=True):
        assert run.annual["good_ratio"] == city["good_ratio"]
        assert f'href="{run.get_absolute_url()}"' in html
    # The good-day ratio bar: 1 px per percentage point, drawn by the server.
    bars = lxml.html.fromstring(html).xpath('//svg[@class="air-ratio-bar"]/rect[2]/@width')
    assert bars == [str(round(r.annual["good_ratio"], 1)) for r in stored]
    tree = lxml.html.fromstring(html)
    assert tree.xpath('//table[@id="cities-ranking"]/caption')
    assert len(tree.xpath('//table[@id="cities-ranking"]//th[@scope]')) == 13 + len(rows)
    assert "mixed-standards" not in html and "mixed-inputs" not in html
    assert not re.search(r"\sstyle=", html) and "<script" not in html  # strict CSP


def test_latest_run_of_each_jurisdiction_and_the_mixed_standards_note(client, districts):
    later = evaluate("--city", "东城区", "--jurisdiction", "110101", "--standard", "hj633-2026")
    assert later["run"]["created"] is True
    html = client.get(URL, **EN).content.decode()
    latest = [AirEvaluationRun.objects.get(pk=later["run"]["id"]),
              AirEvaluationRun.objects.get(pk=districts["cities"][1]["run"]["id"])]
    ranked = rank_results(latest, lambda r: r.annual, lambda r: r.jurisdiction.code)
    assert table(html) == [expected_row(rank, run) for rank, run in ranked]
    assert len(table(html)) == 2  # one row per jurisdiction, not one per run
    note = lxml.html.fromstring(html).get_element_by_id("mixed-standards").text_content()
    assert "different standards (HJ 633—2012; HJ 633—2026)" in note
    assert "mixed-inputs" not in html  # same input files


def test_runs_of_different_inputs_are_flagged(client, districts):
    partial = evaluate("--city", "西城区", "--jurisdiction", "110102", paths=EXCERPT)
    html = client.get(URL, **EN).content.decode()
    latest = [AirEvaluationRun.objects.get(pk=districts["cities"][0]["run"]["id"]),
              AirEvaluationRun.objects.get(pk=partial["run"]["id"])]
    assert partial["valid"] is False  # four months: not valid, and the page says why
    ranked = rank_results(latest, lambda r: r.annual, lambda r: r.jurisdiction.code)
    rows = table(html)
    assert rows == [expected_row(rank, run) for rank, run in ranked]
    assert any(row[11].startswith("no: PM2.5: ") for row in rows)
    note = lxml.html.fromstring(html).get_element_by_id("mixed-inputs").text_content()
    assert "computed from 2 different sets of input files" in note
    assert "mixed-standards" not in html
    assert "/work/" not in html and "tests/fixtures" not in html  # paths compared, not shown


def test_empty_state_names_the_command(client, beijing):
    response = client.get(URL, **EN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No stored evaluations below Beijing Municipality for 2015." in html
    assert "--year 2015 [--stations FILE] --all-cities --jurisdiction 110000" in html
    assert 'id="cities-ranking"' not in html
    assert client.get(reverse("monitoring:cities", args=["999999", 2015])).status_code == 404


def test_linked_from_the_index_and_from_a_district_run_page(client, beijing):
    index = reverse("monitoring:index")
    beijing_demo.load(lambda _message: None)  # 110000 itself: below 100000, alone there
    one = evaluate("--city", "东城区", "--jurisdiction", "110101")
    assert URL not in client.get(index, **EN).content.decode()  # one district is no ranking
    run_page = reverse("monitoring:run", args=[one["run"]["id"]])
    assert URL not in client.get(run_page, **EN).content.decode()
    evaluate("--all-cities", "--jurisdiction", "110000")
    html = client.get(index, **EN).content.decode()
    assert html.count(f'href="{URL}"') == 1
    assert "Beijing Municipality 2015: 2 jurisdictions below, ranked" in html
    assert reverse("monitoring:cities", args=["100000", 2015]) not in html
    assert f'href="{URL}"' in client.get(run_page, **EN).content.decode()
    city_page = client.get(reverse("monitoring:city-year", args=["110000", 2015]), **EN)
    assert "/cities/" not in city_page.content.decode()  # China has one province's run


def test_chinese_page(client, districts):
    html = client.get(URL, **ZH).content.decode()
    tree = lxml.html.fromstring(html)
    assert tree.xpath("//h1")[0].text_content() == "北京市以下各行政区 2015年空气质量排名"
    rows = table(html)
    assert [row[1] for row in rows] == ["东城区 110101", "西城区 110102"]
    for row, city in zip(rows, districts["cities"], strict=True):
        assert row[11] == "是" if city["valid"] else row[11].startswith("否：")
    headers = [th.text_content() for th in tree.xpath('//table[@id="cities-ranking"]//thead//th')]
    assert headers[:3] == ["排名", "行政区", "监测站点"]
