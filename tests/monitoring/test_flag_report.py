"""The run page reports what the evaluation left out: flagged values per reason (with the
stored examples) and missing hours per station, from the report stored with the run.

The flagged run is made the way a user makes one: a copy of the real Dongsi 2015 file with
bad values and a duplicate hour injected, evaluated and recorded by the real CLI.
"""

from __future__ import annotations

import csv
import gzip
import html as htmllib
import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from ecotrack.core.air.flags import KINDS
from ecotrack.monitoring import demo
from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.monitoring.quality import REASONS
from ecotrack.places.loading import load_csv
from ecotrack.places.models import Jurisdiction

from .air_plans import air_plan

BEIJING = "110000"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
POLLUTANTS = ("PM2.5", "PM10", "SO2", "NO2", "CO", "O3")


def _bad_copy(folder: Path) -> tuple[Path, dict[str, int], int]:
    """Dongsi 2015 with 7 negative values (PM2.5 and SO2), one unreadable NO2 and one hour
    twice; returns the file, the injected counts per kind, and the duplicated row's line."""
    source = demo.DATA / "PRSA_Data_Dongsi_2015.csv.gz"
    with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    col = {name: header.index(name) for name in POLLUTANTS}
    complete = [i for i, r in enumerate(body) if all(r[col[p]] for p in POLLUTANTS)]
    so2_row, *pm25_rows = complete[100:107]
    body[so2_row][col["SO2"]] = "-" + body[so2_row][col["SO2"]]
    for i in pm25_rows:
        body[i][col["PM2.5"]] = "-" + body[i][col["PM2.5"]]
    body[complete[200]][col["NO2"]] = "12O"  # letter O for zero
    duplicated = complete[300]
    body.insert(duplicated + 1, list(body[duplicated]))
    path = folder / "PRSA_Data_Dongsi_2015_checked.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *body])
    injected = {"negative": 1 + len(pm25_rows), "unparseable_number": 1, "duplicate_hour": 2}
    return path, injected, duplicated + 2  # +1 for the header line, +1 for 1-based lines


@pytest.fixture
def beijing_plan(places, make_user):
    load_csv(demo.DATA / "beijing.csv")
    plan = air_plan(Jurisdiction.objects.get(code=BEIJING), "北京测试规划", 2011, 2015)
    make_user("editor", "editor", BEIJING)
    return plan


@pytest.fixture
def flagged_run(beijing_plan, tmp_path):
    path, injected, duplicated_line = _bad_copy(tmp_path)
    out = StringIO()
    call_command("air_evaluate", "--format", "prsa", str(path), "--year", "2015",
                 "--jurisdiction", BEIJING, "--record", "--user", "editor", "--publish",
                 "--json", stdout=out, stderr=StringIO())
    result = json.loads(out.getvalue())
    assert len(result["recorded"]) == 2  # recorded, not only stored
    run = AirEvaluationRun.objects.get(pk=result["run"]["id"])
    return run, path, injected, duplicated_line


def _table(page: str, table_id: str) -> list[list[str]]:
    """The body and foot rows of one table as lists of cell texts (tags stripped)."""
    table = page.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("</thead>", 1)[1], re.S)
    return [[htmllib.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in rows]


def test_stored_report_is_the_injected_one(flagged_run):
    run, _path, injected, duplicated_line = flagged_run
    flagged = run.annual["flagged"]
    assert {kind: report["count"] for kind, report in flagged.items()} == injected
    assert [e["row"] for e in flagged["duplicate_hour"]["examples"]] == [
        duplicated_line, duplicated_line + 1]
    assert len(flagged["negative"]["examples"]) == 5  # 7 counted, the first 5 kept
    # Exact counts per field, not only the fields of the 5 examples.
    assert {kind: report["by_field"] for kind, report in flagged.items()} == {
        "negative": {"PM2.5": 6, "SO2": 1}, "unparseable_number": {"NO2": 1},
        "duplicate_hour": {"station/time": 2}}


def test_page_shows_counts_reasons_and_examples_from_the_stored_report(client, flagged_run):
    run, path, _injected, _line = flagged_run
    flagged = run.annual["flagged"]
    total = sum(report["count"] for report in flagged.values())
    page = client.get(reverse("monitoring:city-year", args=[BEIJING, 2015]), **EN).content.decode()

    missing = sum(run.annual["missing_hours"].values())
    assert missing > 0
    summary = f"{total} flagged values or rows excluded · {missing} station-hours missing"
    assert page.count(summary) == 2  # in the facts at the top and heading the section

    rows = _table(page, "flagged-table")
    by_kind = {row[0].rsplit(" ", 1)[1]: row for row in rows[:-1]}
    # Every kind, in the engine's report order (PostgreSQL's jsonb does not keep key order).
    order = [kind for kind in KINDS if kind in flagged]
    assert list(by_kind) == order
    assert "<th scope=\"col\">By field</th>" in page
    assert "Fields in the examples" not in page
    for kind, report in flagged.items():
        reason, _excludes, count, by_field = by_kind[kind]
        assert reason == f"{REASONS[kind]} {kind}" and count == str(report["count"])
        stored = sorted(report["by_field"].items(), key=lambda item: (-item[1], item[0]))
        assert by_field == " · ".join(f"{name} {n}" for name, n in stored)
    assert rows[-1] == ["Total", "", str(total), ""]
    # How many values of each pollutant: 6 PM2.5, 1 SO2 (the examples hold 4 and 1).
    assert by_kind["negative"][3] == "PM2.5 6 · SO2 1"

    examples = _table(page, "flagged-examples")
    stored = [(str(REASONS[kind]), path.name, str(e["row"]), e["field"], e["value"])
              for kind in order for e in flagged[kind]["examples"]]
    assert [tuple(row) for row in examples] == stored
    assert str(path.parent) not in page  # file names only, not the server's directories

    worst = _table(page, "missing-hours")
    assert worst == [["Dongsi", str(run.annual["missing_hours"]["Dongsi"]),
                      f"{round(100 * missing / 8760, 1)} %"]]


def test_page_in_chinese(client, flagged_run):
    run, *_ = flagged_run
    total = sum(report["count"] for report in run.annual["flagged"].values())
    missing = sum(run.annual["missing_hours"].values())
    page = client.get(reverse("monitoring:run", args=[run.pk]), **ZH).content.decode()
    assert f"已排除 {total} 个被标记的数值或记录行 · 缺失 {missing} 个站点小时" in page
    assert "浓度为负值" in page and "站点小时重复" in page and "排除原因" in page
    assert "按字段计数" in page and "PM2.5 6 · SO2 1" in page


def test_run_stored_before_counts_by_field_shows_the_fields_of_the_examples(client,
                                                                          flagged_run):
    run, *_ = flagged_run
    run.annual["flagged"] = {
        kind: {k: v for k, v in report.items() if k != "by_field"}
        for kind, report in run.annual["flagged"].items()}
    run.save(update_fields=["annual"])
    page = client.get(run.get_absolute_url(), **EN).content.decode()
    rows = _table(page, "flagged-table")
    by_kind = {row[0].rsplit(" ", 1)[1]: row for row in rows[:-1]}
    assert "Fields in the examples" in page and "By field" not in page
    assert by_kind["negative"][2:] == ["7", "SO2, PM2.5"]  # the fields the examples name
    assert by_kind["duplicate_hour"][3] == "station/time"


def test_demo_run_reports_no_exclusions_and_its_missing_hours(client, places):
    demo.load(lambda _msg: None)
    run = AirEvaluationRun.objects.get(jurisdiction__code=BEIJING, year=2015)
    assert run.annual["flagged"] == {}
    gaps = run.annual["missing_hours"]
    page = client.get(reverse("monitoring:city-year", args=[BEIJING, 2015]), **EN).content.decode()
    assert f"no values were excluded · {sum(gaps.values())} station-hours missing" in page
    assert "No values were excluded: no value in the input failed the checks." in page
    assert 'id="flagged-table"' not in page
    worst = sorted(gaps.items(), key=lambda item: (-item[1], item[0]))
    assert [row[:2] for row in _table(page, "missing-hours")] == [[s, str(n)] for s, n in worst]
    assert not re.search(r"\sstyle=", page) and "<script>" not in page  # strict CSP


def test_run_stored_before_the_report_says_so(client, places):
    demo.load(lambda _msg: None)
    run = AirEvaluationRun.objects.get(jurisdiction__code=BEIJING, year=2015)
    run.annual = {k: v for k, v in run.annual.items() if k not in ("flagged", "missing_hours")}
    run.save(update_fields=["annual"])
    page = client.get(run.get_absolute_url(), **EN).content.decode()
    assert "excluded values not reported for this run · missing hours not reported" in page
    assert "no values were excluded" not in page.lower()
