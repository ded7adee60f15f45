"""Publication of stored air runs, by the platform's rules (ecotrack.accounts.permissions): the
public sees published runs only, on the index, the ranking and the run pages alike; editors and
reviewers of the jurisdiction also see unpublished ones; publishing takes the right to edit the
jurisdiction, by `air-evaluate --publish` or by the button on the run page, and is audited.
Every run is stored by the real command on the real demo excerpt."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from ecotrack.monitoring import demo
from ecotrack.monitoring.models import AirEvaluationRun

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "air"
DEMO = sorted(ROOT.joinpath("ecotrack", "monitoring", "data").glob("PRSA_*.csv.gz"))
DISTRICTS = str(FIXTURES / "beijing-stations-districts.csv")
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
RANKING = reverse("monitoring:cities", args=["110000", 2015])
INDEX = reverse("monitoring:index")


def evaluate(*args: str, paths: list[Path] = DEMO) -> dict[str, Any]:
    out = StringIO()
    call_command("air_evaluate", "--format", "prsa", *map(str, paths), "--year", "2015",
                 "--stations", DISTRICTS, "--json", *args, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def beijing(places, make_user):
    call_command("load_places", str(FIXTURES / "beijing-districts-places.csv"),
                 stdout=StringIO())
    make_user("bj-admin", "administrator", "110000")
    make_user("xicheng-editor", "editor", "110102")
    make_user("dongcheng-editor", "editor", "110101")
    make_user("bj-reviewer", "reviewer", "110000")
    make_user("outsider", "editor", "150100")


@pytest.fixture
def runs(beijing) -> dict[str, AirEvaluationRun]:
    """Dongcheng stored published, Xicheng stored without --publish (unpublished)."""
    evaluate("--city", "东城区", "--jurisdiction", "110101", "--user", "dongcheng-editor",
             "--publish")
    evaluate("--city", "西城区", "--jurisdiction", "110102", "--user", "xicheng-editor")
    return {run.jurisdiction.code: run for run in AirEvaluationRun.objects.all()}


def ranked(client: Client) -> list[str]:
    tree = lxml.html.fromstring(client.get(RANKING, **EN).content.decode())
    return [" ".join(th.text_content().split())
            for th in tree.xpath('//table[@id="cities-ranking"]/tbody/tr/th')]


def login(client: Client, username: str) -> None:
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))


def test_new_runs_are_unpublished_and_the_public_does_not_see_them(client, runs):
    dongcheng, xicheng = runs["110101"], runs["110102"]
    assert dongcheng.is_published and not xicheng.is_published
    index = client.get(INDEX, **EN).content.decode()
    assert dongcheng.get_absolute_url() in index
    assert xicheng.get_absolute_url() not in index
    assert RANKING not in index  # one visible district is no ranking
    assert ranked(client) == ["Dongcheng District 110101"]
    assert client.get(xicheng.get_absolute_url()).status_code == 404
    assert client.get(reverse("monitoring:city-year", args=["110102", 2015])).status_code == 404
    assert client.get(dongcheng.get_absolute_url()).status_code == 200
    assert "Not published" not in client.get(dongcheng.get_absolute_url(), **EN).content.decode()


@pytest.mark.parametrize("username", ["xicheng-editor", "bj-reviewer", "bj-admin"])
def test_editor_and_reviewers_of_the_jurisdiction_see_the_unpublished_run(client, runs,
                                                                           username):
    xicheng = runs["110102"]
    login(client, username)
    page = client.get(xicheng.get_absolute_url(), **EN)
    assert page.status_code == 200
    assert 'id="run-unpublished"' in page.content.decode()
    index = client.get(INDEX, **EN).content.decode()
    assert xicheng.get_absolute_url() in index and RANKING in index
    assert ranked(client) == ["Dongcheng District 110101",
                              "Xicheng District 110102 Not published"]


@pytest.mark.parametrize("username", ["dongcheng-editor", "outsider"])
def test_others_do_not(client, runs, username):
    login(client, username)
    assert client.get(runs["110102"].get_absolute_url()).status_code == 404
    assert ranked(client) == ["Dongcheng District 110101"]


def test_publish_by_cli_needs_a_user_allowed_to_edit(beijing):
    with pytest.raises(CommandError, match="--publish needs --jurisdiction CODE and --user"):
        evaluate("--city", "西城区", "--jurisdiction", "110102", "--publish")
    with pytest.raises(CommandError, match="dongcheng-editor may not edit 110102"):
        evaluate("--city", "西城区", "--jurisdiction", "110102", "--publish",
                 "--user", "dongcheng-editor")
    with pytest.raises(CommandError, match="may not edit 1 of the cities' jurisdictions"):
        evaluate("--all-cities", "--jurisdiction", "110000", "--publish",
                 "--user", "dongcheng-editor")
    assert not AirEvaluationRun.objects.exists()
    every = evaluate("--all-cities", "--jurisdiction", "110000", "--publish", "--user",
                     "bj-admin")
    assert [c["run"]["published"] for c in every["cities"]] == [True, True]
    assert AirEvaluationRun.objects.filter(is_published=True).count() == 2


def test_publish_by_cli_publishes_the_stored_run_of_the_same_input(runs):
    xicheng = runs["110102"]
    again = evaluate("--city", "西城区", "--jurisdiction", "110102", "--user",
                     "xicheng-editor", "--publish")
    assert again["run"] == {"id": xicheng.pk, "created": False, "published": True,
                            "fingerprint": xicheng.input_fingerprint, "jurisdiction": "110102"}
    xicheng.refresh_from_db()
    assert xicheng.is_published
    entry = LogEntry.objects.get_for_object(xicheng).filter(
        action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict == {"is_published": [False, True]}
    assert entry.additional_data["via"] == "ecotrack air-evaluate"
    # Without --publish the same input again leaves a published run published.
    evaluate("--city", "西城区", "--jurisdiction", "110102", "--user", "xicheng-editor")
    xicheng.refresh_from_db()
    assert xicheng.is_published


def test_publish_button_publishes_withdraws_and_is_audited(client, runs):
    xicheng = runs["110102"]
    url = reverse("monitoring:publish", args=[xicheng.pk])
    login(client, "xicheng-editor")
    page = client.get(xicheng.get_absolute_url(), **EN).content.decode()
    form = lxml.html.fromstring(page).get_element_by_id("run-publication")
    assert form.get("method") == "post" and form.get("action") == url
    assert form.xpath('.//input[@name="csrfmiddlewaretoken"]')
    assert form.xpath('.//button[@type="submit"]')[0].text_content() == "Publish"
    response = client.post(url, {"publish": "1"}, **EN)
    assert response.status_code == 302 and response["Location"] == xicheng.get_absolute_url()
    xicheng.refresh_from_db()
    assert xicheng.is_published
    client.logout()
    assert ranked(client) == ["Dongcheng District 110101", "Xicheng District 110102"]
    login(client, "xicheng-editor")
    client.post(url, {"publish": "0"})
    xicheng.refresh_from_db()
    assert not xicheng.is_published
    updates = LogEntry.objects.get_for_object(xicheng).filter(action=LogEntry.Action.UPDATE)
    assert [(e.changes_dict, e.actor.username) for e in updates.order_by("timestamp", "pk")] == [
        ({"is_published": [False, True]}, "xicheng-editor"),
        ({"is_published": [True, False]}, "xicheng-editor"),
    ]
    # The object history on the run page shows both changes.
    page = client.get(xicheng.get_absolute_url(), **EN).content.decode()
    history = lxml.html.fromstring(page).xpath('//section[@aria-labelledby="history-heading"]')
    rows = [[c.text_content().strip() for c in r.xpath("./th|./td")]
            for r in history[0].xpath(".//tbody/tr")]
    assert rows[:2] == [["published", "True", "False"], ["published", "False", "True"]]


def test_publish_button_is_refused_without_the_right_to_edit(client, runs):
    dongcheng, xicheng = runs["110101"], runs["110102"]
    before = LogEntry.objects.count()
    # The public: not offered, and a POST is sent to the login page.
    assert 'id="run-publication"' not in client.get(dongcheng.get_absolute_url()).content.decode()
    response = client.post(reverse("monitoring:publish", args=[dongcheng.pk]), {"publish": "0"})
    assert response.status_code == 302 and "/login" in response["Location"]
    # A reviewer reads Xicheng's run but may not publish it; Xicheng's editor reads
    # Dongcheng's published run but may not withdraw it.
    for username, run, publish in (("bj-reviewer", xicheng, "1"),
                                   ("xicheng-editor", dongcheng, "0")):
        login(client, username)
        page = client.get(run.get_absolute_url())
        assert page.status_code == 200 and 'id="run-publication"' not in page.content.decode()
        url = reverse("monitoring:publish", args=[run.pk])
        assert client.post(url, {"publish": publish}).status_code == 403
        client.logout()
    login(client, "dongcheng-editor")  # Xicheng's unpublished run does not exist for her
    assert client.post(reverse("monitoring:publish", args=[xicheng.pk]),
                       {"publish": "1"}).status_code == 404
    assert client.get(reverse("monitoring:publish", args=[dongcheng.pk])).status_code == 405
    csrf = Client(enforce_csrf_checks=True)
    login(csrf, "xicheng-editor")
    assert csrf.post(reverse("monitoring:publish", args=[xicheng.pk]),
                     {"publish": "1"}).status_code == 403
    dongcheng.refresh_from_db()
    xicheng.refresh_from_db()
    assert dongcheng.is_published and not xicheng.is_published
    assert LogEntry.objects.count() == before


def test_demo_run_is_published_and_a_second_demo_changes_nothing(client, places):
    demo.load(lambda _message: None)
    run = AirEvaluationRun.objects.get(jurisdiction__code="110000", year=2015)
    assert run.is_published and len(run.input_hashes) == 2
    assert client.get(run.get_absolute_url()).status_code == 200
    snapshot = list(AirEvaluationRun.objects.values())
    entries = LogEntry.objects.count()
    messages: list[str] = []
    demo.load(messages.append)
    assert list(AirEvaluationRun.objects.values()) == snapshot
    assert LogEntry.objects.count() == entries
    assert messages == ["Air quality: Beijing 2015 demo run already stored"]


# --- the ranking's "different input files" note compares contents ---------------------------

def test_same_bytes_at_other_paths_and_names_are_the_same_input(client, beijing, tmp_path):
    evaluate("--all-cities", "--jurisdiction", "110000", "--user", "bj-admin", "--publish")
    copies = []
    for path in DEMO:
        copy = tmp_path / "elsewhere" / f"copy-{path.name}"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, copy)
        copies.append(copy)
    later = evaluate("--city", "西城区", "--jurisdiction", "110102", "--user", "bj-admin",
                     "--publish", "--standard", "auto", paths=copies)
    assert later["run"]["created"] is True  # other names: another fingerprint, another run
    run = AirEvaluationRun.objects.get(pk=later["run"]["id"])
    assert run.input_files == [p.name for p in copies]
    assert sorted(run.input_hashes) == sorted(
        AirEvaluationRun.objects.get(jurisdiction__code="110101").input_hashes)
    html = client.get(RANKING, **EN).content.decode()
    assert 'id="cities-ranking"' in html and "mixed-inputs" not in html
    # Runs stored before the hashes were kept fall back to the file names: these differ.
    AirEvaluationRun.objects.update(input_hashes=[])
    html = client.get(RANKING, **EN).content.decode()
    assert "computed from 2 different sets of input files" in html


def test_different_bytes_are_different_inputs(client, beijing, tmp_path):
    evaluate("--all-cities", "--jurisdiction", "110000", "--user", "bj-admin", "--publish")
    # The same names, other bytes: the four-month fixture excerpt of Guanyuan.
    other = tmp_path / DEMO[1].name
    shutil.copyfile(FIXTURES / "PRSA_Data_Guanyuan_2015-01_2015-04.csv.gz", other)
    evaluate("--city", "西城区", "--jurisdiction", "110102", "--user", "bj-admin",
             "--publish", paths=[other])
    html = client.get(RANKING, **EN).content.decode()
    assert "computed from 2 different sets of input files" in html
    # By file name alone (runs without hashes) the two would not be told apart.
    AirEvaluationRun.objects.update(input_hashes=[])
    assert "mixed-inputs" in client.get(RANKING, **EN).content.decode()


# --- the migration -------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_migration_keeps_existing_runs_published(places):
    executor = MigrationExecutor(connection)
    before = [("monitoring", "0001_initial")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("monitoring", "AirEvaluationRun")
    old.objects.create(jurisdiction_id=places["150500"].pk, year=2015, standard_choice="auto",
                       standard="HJ 633—2012 (auto)", engine="duckdb", method="m",
                       input_fingerprint="0" * 64, input_files=["a.csv"], annual={})
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("monitoring"))
    run = AirEvaluationRun.objects.get()
    assert run.is_published is True and run.input_hashes == []
    assert AirEvaluationRun._meta.get_field("is_published").default is False
