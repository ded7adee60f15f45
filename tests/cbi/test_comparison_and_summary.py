"""The first assessment is the baseline; later ones show change against it and against the one
before, per indicator, per component and in total. Other apps read a published summary."""

from __future__ import annotations

from ecotrack.cbi.models import Assessment
from ecotrack.cbi.summary import latest_published_summary


def _natural(part: str) -> dict[str, dict[str, str]]:
    return {"natural_areas": {"natural_area_ha": part, "city_area_ha": "100"}}


def _water(part: str) -> dict[str, dict[str, str]]:
    return {"water_regulation": {"permeable_area_ha": part, "terrestrial_area_ha": "100"}}


def _three_assessments(client, tongliao_editor, start_assessment, enter) -> list[Assessment]:
    client.force_login(tongliao_editor)
    made = []
    # natural areas: 5% → 1 point, 12% → 2, 25% → 4 ("> 20.0%")
    # water: 35% → 1 point ("30%–39.9%"), 35% → 1, 45% → 2 ("40%–49.9%")
    for year, natural, water in ((2018, "5", "35"), (2021, "12", "35"), (2024, "25", "45")):
        assessment = start_assessment("150500", year)
        enter(assessment, "native_biodiversity", _natural(natural))
        enter(assessment, "ecosystem_services", _water(water))
        made.append(Assessment.objects.get(pk=assessment.pk))
    return made


def test_latest_compares_with_baseline_and_previous(
    client, tongliao_editor, start_assessment, enter
):
    first, middle, last = _three_assessments(client, tongliao_editor, start_assessment, enter)
    assert [a.total for a in (first, middle, last)] == [2, 3, 6]

    response = client.get("/cbi/150500/2024/", HTTP_ACCEPT_LANGUAGE="en")
    ctx = response.context
    assert ctx["baseline"].year == 2018 and ctx["previous"].year == 2021
    assert (ctx["vs_baseline_total"], ctx["vs_previous_total"]) == (4, 3)
    native, services, governance = ctx["components"]
    assert (native.vs_baseline.change, native.vs_previous.change) == (3, 2)
    assert (services.vs_baseline.change, services.vs_previous.change) == (1, 1)
    assert governance.vs_baseline.change == 0
    natural_row = next(r for r in native.rows if r.indicator.key == "natural_areas")
    assert (natural_row.vs_baseline.change, natural_row.vs_previous.change) == (3, 2)
    page = response.content.decode()
    assert "Change since baseline" in page and "Change since previous" in page

    # The baseline itself says so; the second one has only the baseline to compare with.
    page = client.get("/cbi/150500/2018/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This is the baseline assessment" in page
    ctx = client.get("/cbi/150500/2021/").context
    assert ctx["baseline"].year == 2018 and ctx["previous"] is None
    assert ctx["vs_baseline_total"] == 1


def test_jurisdiction_page_shows_components_chart_and_table(
    client, tongliao_editor, start_assessment, enter
):
    _three_assessments(client, tongliao_editor, start_assessment, enter)
    page = client.get("/cbi/150500/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Latest assessment: 2024" in page
    assert "4 of 36" in page and "2 of 20" in page and "0 of 56" in page and "6 of 112" in page
    assert "<svg" in page and 'role="img"' in page and "style=" not in page
    assert 'id="cbi-trend-table"' in page
    # The table alternative holds every year's component scores and total.
    table = page.split('id="cbi-trend-table"')[1].split("</table>")[0]
    for year in ("2018", "2021", "2024"):
        assert year in table


def test_summary_for_other_apps_reads_published_only(
    client, tongliao_editor, start_assessment, enter, places
):
    first, middle, _last = _three_assessments(client, tongliao_editor, start_assessment, enter)
    assert latest_published_summary(places["150500"]) is None
    Assessment.objects.filter(pk__in=[first.pk, middle.pk]).update(is_published=True)
    summary = latest_published_summary(places["150500"])
    assert summary is not None
    assert (summary["year"], summary["total"], summary["max_points"]) == (2021, 3, 112)
    assert [(c["key"], c["score"], c["max_points"]) for c in summary["components"]] == [
        ("native_biodiversity", 2, 36),
        ("ecosystem_services", 1, 20),
        ("governance", 0, 56),
    ]
    assert (summary["baseline_year"], summary["change_from_baseline"]) == (2018, 1)
    assert summary["url"] == "/cbi/150500/2021/"
    assert latest_published_summary(places["152500"]) is None


def _change_cells(page: str, key: str) -> list[str]:
    """The change cells (last two columns) of one indicator row, as text."""
    import re

    row = page.split(f'id="indicator-{key}"')[1].split("</tr>")[0]
    cells = re.findall(r"<td>(.*?)</td>", row, flags=re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells[-2:]]


def test_indicator_answered_in_neither_shows_no_change_not_zero(
    client, tongliao_editor, start_assessment, enter
):
    _three_assessments(client, tongliao_editor, start_assessment, enter)
    page = client.get("/cbi/150500/2024/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # natural areas: 4 points now, 1 at the baseline (2018) and 2 the time before (2021).
    assert _change_cells(page, "natural_areas") == ["+3", "+2"]
    # Tree canopy was never answered: there is nothing to compare, which is not "±0".
    assert _change_cells(page, "tree_canopy") == ["—", "—"]
