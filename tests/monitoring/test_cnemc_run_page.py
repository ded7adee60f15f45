"""A run stored from real CNEMC release files says how its hours and its O3 column were read."""

from __future__ import annotations

import html
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from ecotrack.monitoring.models import AirEvaluationRun

CNEMC = sorted(str(p) for p in (Path(__file__).resolve().parents[1] / "fixtures" / "air"
                                / "cnemc").glob("*.csv"))
HOHHOT = "150100"


@pytest.fixture
def hohhot_run(places, make_user):
    make_user("editor", "editor", HOHHOT)
    out = StringIO()
    call_command("air_evaluate", "--format", "cnemc", *CNEMC, "--year", "2022", "--city",
                 "呼和浩特市", "--jurisdiction", HOHHOT, "--user", "editor", "--publish",
                 "--json", stdout=out, stderr=StringIO())
    return AirEvaluationRun.objects.get(pk=json.loads(out.getvalue())["run"]["id"])


def test_run_page_names_the_hour_labels_and_the_o3_column(client, hohhot_run):
    assert hohhot_run.annual["hour_label"] == "end"
    url = reverse("monitoring:run", args=[hohhot_run.pk])
    page = html.unescape(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert "Hour labels" in page
    assert "a time label names the hour it ends (08:00 = 07:00–08:00" in page
    assert ("O3 1-h values were read from column o3_24h: in these files o3 holds the 24-hour "
            "maximum, the two columns are swapped (49 files, the first 2022-01-01T00.csv)") in page
    page = html.unescape(client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode())
    assert "时间标记" in page and "一天为 01:00—24:00" in page
    assert "两列互换 (49 个文件，首个为 2022-01-01T00.csv)" in page


def test_a_second_run_of_the_same_files_finds_the_stored_one(hohhot_run):
    out = StringIO()
    call_command("air_evaluate", "--format", "cnemc", *CNEMC, "--year", "2022", "--city",
                 "呼和浩特市", "--jurisdiction", HOHHOT, "--user", "editor", "--json",
                 stdout=out, stderr=StringIO())
    assert json.loads(out.getvalue())["run"] == {
        "id": hohhot_run.pk, "created": False, "fingerprint": hohhot_run.input_fingerprint,
        "jurisdiction": HOHHOT, "published": True}
    # Read as hour starts it is another evaluation of the same files: a run of its own.
    out = StringIO()
    call_command("air_evaluate", "--format", "cnemc", *CNEMC, "--year", "2022", "--city",
                 "呼和浩特市", "--jurisdiction", HOHHOT, "--user", "editor", "--json",
                 "--hour-label", "start", stdout=out, stderr=StringIO())
    assert json.loads(out.getvalue())["run"]["created"] is True


def test_run_page_names_a_left_out_first_release(client, places, make_user):
    make_user("editor", "editor", HOHHOT)
    without_first = [p for p in CNEMC if not p.endswith("2022-01-01T01.csv")]
    out = StringIO()
    call_command("air_evaluate", "--format", "cnemc", *without_first, "--year", "2022",
                 "--city", "呼和浩特市", "--jurisdiction", HOHHOT, "--user", "editor",
                 "--publish", "--json", stdout=out, stderr=StringIO())
    url = reverse("monitoring:run", args=[json.loads(out.getvalue())["run"]["id"]])
    page = html.unescape(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    assert ("No station has a value for the year's first hour (2022-01-01 00:00–01:00), "
            "which this input labels 2022-01-01 01:00, although that day has data") in page
    page = html.unescape(client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode())
    assert ("所有站点在本年第一个小时（2022-01-01 00:00–01:00，"
            "本输入中的时间标记为 2022-01-01 01:00）") in page


def test_run_page_of_complete_releases_names_no_edge_gap(client, hohhot_run):
    page = client.get(reverse("monitoring:run", args=[hohhot_run.pk]),
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "air-edge-gap" not in page
