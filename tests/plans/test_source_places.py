"""Where a value came from reads in the page's language; the stored text stays as imported."""

from __future__ import annotations

from django.utils import translation

from ecotrack.accounts.models import Role
from ecotrack.plans.models import Observation
from ecotrack.plans.observation_csv import import_observations
from ecotrack.plans.places import method_text, place_text


def _page(client, indicator, language: str) -> str:
    response = client.get(f"/plans/indicators/{indicator.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_indicator_page_words_the_place_in_each_language(client, demo_plans):
    # The Tongliao plan is read from its text export: a row is a line of that text.
    ind = demo_plans["150500"].indicators.exclude(source_location="").order_by("pk").first()
    assert ind is not None
    caption, line = ind.source_location.removeprefix("table 1 (").split("), line ")
    zh = _page(client, ind, "zh-hans")
    assert f"表 1（{caption}），文本第 {line} 行" in zh
    assert f"line {line}" not in zh
    en = _page(client, ind, "en")
    assert f"table 1 ({caption}), text line {line}" in en
    ind.refresh_from_db()
    assert ind.source_location == f"table 1 ({caption}), line {line}"  # stored as imported


def test_imported_baseline_method_is_worded_per_language(client, demo_plans):
    # The Inner Mongolia plan is a CSV table: its baselines name the file and the row.
    obs = Observation.objects.filter(
        indicator__plan=demo_plans["150000"], method__startswith="plan table: "
    ).order_by("pk").first()
    assert obs is not None
    filename, row = obs.method.removeprefix("plan table: ").rsplit(", row ", 1)
    zh = _page(client, obs.indicator, "zh-hans")
    assert f"规划指标表：{filename}，第 {row} 行" in zh and "plan table:" not in zh
    assert f"plan table: {filename}, row {row}" in _page(client, obs.indicator, "en")


def test_csv_import_method_is_worded_and_typed_methods_are_kept(
    client, demo_plans, make_user
):
    editor = make_user("tongliao", Role.EDITOR, "150500")
    plan = demo_plans["150500"]
    forest = plan.indicators.get(number="15")
    data = "indicator,year,value,method\n15,2024,25.1,\n15,2025,25.4,统计公报\n".encode()
    assert import_observations(plan, data, "森林, 2025.csv", editor) == (2, 2)
    methods = list(
        Observation.objects.filter(indicator=forest, year__in=(2024, 2025))
        .order_by("year").values_list("method", flat=True)
    )
    assert methods == ["CSV import: 森林, 2025.csv", "统计公报"]
    zh = _page(client, forest, "zh-hans")
    assert "CSV 导入：森林, 2025.csv" in zh and "统计公报" in zh


def test_unrecognised_text_is_shown_as_stored():
    with translation.override("zh-hans"):
        assert place_text("生态环境保护规划（2021—2025年）") == "生态环境保护规划（2021—2025年）"
        assert method_text("HJ 633—2026 [duckdb; run 3]") == "HJ 633—2026 [duckdb; run 3]"
        # A file name holding ", " keeps it; the place is the tail that reads as one.
        assert method_text("plan table: a, b.csv, row 4") == "规划指标表：a, b.csv，第 4 行"
        assert method_text("plan table: odd") == "plan table: odd"
