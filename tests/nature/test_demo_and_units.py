"""The demo loader, description rendering and target progress."""

from __future__ import annotations

from decimal import Decimal

from auditlog.models import LogEntry

from ecotrack.audit.context import command_actor
from ecotrack.nature import demo
from ecotrack.nature.models import ActionEntry, Commitment
from ecotrack.nature.progress import progress_percent
from ecotrack.nature.richtext import render


def test_demo_imports_tongliao_published_and_a_second_run_changes_nothing(places):
    lines: list[str] = []
    with command_actor("demo"):
        demo.load(lines.append)
    assert Commitment.objects.filter(jurisdiction__code="150500", is_published=True).count() == 13
    assert ActionEntry.objects.filter(is_published=True).count() == 13
    entries = LogEntry.objects.count()
    with command_actor("demo"):
        demo.load(lines.append)
    assert LogEntry.objects.count() == entries
    assert lines[1].endswith(": 0 created, 0 updated, 37 unchanged")


def test_place_page_links_to_the_nature_profile(client, places):
    page = client.get("/places/150500/").content.decode()
    assert 'href="/nature/150500/"' in page


def test_descriptions_are_escaped_and_keep_their_structure():
    html = render('<script>alert("x")</script>\n第二行\n\n- 一\n- <b>二</b>')
    assert html == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>第二行</p>"
        "<ul><li>一</li><li>&lt;b&gt;二&lt;/b&gt;</li></ul>"
    )


def test_description_with_markup_is_shown_as_text_on_the_page(client, places):
    commitment = Commitment.objects.create(
        jurisdiction=places["150500"], commitment_key="control-pollution", is_published=True
    )
    ActionEntry.objects.create(
        jurisdiction=places["150500"],
        commitment=commitment,
        action_key="reduce-other-pollution",
        description='<img src=x onerror="alert(1)">',
        is_published=True,
    )
    page = client.get("/nature/150500/").content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page


def test_progress_in_both_directions_and_edges():
    d = Decimal
    assert progress_percent(d(30), d(25), d(28), "decrease") == 40
    assert progress_percent(d(100), d(200), d(150), "increase") == 50
    assert progress_percent(d(100), d(200), d(90), "increase") == 0  # went the wrong way
    assert progress_percent(d(100), d(200), d(250), "increase") == 100
    assert progress_percent(d(100), d(200), None, "increase") is None
    assert progress_percent(d(100), d(100), d(100), "increase") is None
    assert progress_percent(d(100), d(50), d(70), "increase") is None  # contradicts direction
