"""air-evaluate --all-cities: ranked table, JSON, files; storing one run per city below a
parent jurisdiction, all or nothing, with rights checked for every city."""

from __future__ import annotations

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ecotrack.monitoring.models import AirEvaluationRun
from ecotrack.places.matching import CityMatchError, match_names, without_level_suffix
from ecotrack.places.models import Jurisdiction
from ecotrack.plans.models import Observation

from .air_plans import air_plan

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "air"
EXCERPT = sorted(str(p) for p in FIXTURES.glob("PRSA_Data_*.csv.gz"))
DEMO = sorted(str(p) for p in (ROOT / "ecotrack" / "monitoring" / "data").glob("PRSA_*.csv.gz"))
DISTRICTS = str(FIXTURES / "beijing-stations-districts.csv")
PLACES = FIXTURES / "beijing-districts-places.csv"
CNEMC_HEADER = (
    "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,"
    "pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h"
)
SHARED = sorted(Path("/work/shared/data/beijing-prsa").glob("PRSA_Data_*.csv.gz"))


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("air_evaluate", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def excerpt(*args: str) -> tuple[str, str]:
    return run("--format", "prsa", *EXCERPT, "--year", "2015", "--stations", DISTRICTS,
               "--all-cities", *args)


def test_all_cities_and_city_exclude_each_other():
    with pytest.raises(CommandError, match="--all-cities and --city exclude each other"):
        excerpt("--city", "东城区")


def test_all_cities_needs_station_cities():
    with pytest.raises(CommandError, match="--stations FILE"):
        run("--format", "prsa", *EXCERPT, "--year", "2015", "--all-cities")


def test_json_lists_each_city_as_its_single_city_json():
    result = json.loads(excerpt("--json")[0])
    assert list(result)[:3] == ["year", "standard", "engine"]
    assert {"cities", "flagged", "missing_hours", "input_notes", "hour_label"} <= set(result)
    assert result["year"] == 2015 and result["engine"] == "duckdb"
    assert [c["city"] for c in result["cities"]] == ["东城区", "西城区"]  # 47.1 % > 46.1 %
    for city in result["cities"]:
        alone = json.loads(run("--format", "prsa", *EXCERPT, "--year", "2015", "--stations",
                               DISTRICTS, "--city", city["city"], "--json")[0])
        assert alone.pop("flagged") == result["flagged"]
        assert alone.pop("input_notes") == result["input_notes"]
        # Jan–Apr excerpt: 1 January starts at 00:00, 31 December has no data.
        assert alone.pop("year_edge_gaps") == result["year_edge_gaps"] == []
        assert alone.pop("missing_hours") == {s: result["missing_hours"][s]
                                              for s in city["stations"]}
        assert city == alone
    assert set(result["missing_hours"]) == {"Dongsi", "Guanyuan", "Tiantan"}


def test_text_is_a_ranked_table_with_invalid_cities_marked():
    text = excerpt("--engine", "python")[0]
    lines = text.splitlines()
    assert lines[0].startswith("2 cities 2015 — HJ 633—2012 (auto) (python)")
    assert lines[1].split() == ["rank", "city", "stations", "valid_days", "good_days",
                                "good_ratio", "heavy_days", "PM2.5", "PM10", "O3_8h_p90",
                                "CO_p95", "valid"]
    assert lines[2].split() == ["1", "东城区", "2", "119", "56", "47.1", "22", "92", "127",
                                "139", "3.3", "no"]
    assert lines[3].split()[:2] == ["2", "西城区"] and lines[3].split()[-1] == "no"
    assert "not valid: 东城区: PM2.5: 119 valid days in 2015 < 324" in text


def test_out_writes_the_table_and_the_daily_table_of_every_city(tmp_path):
    excerpt("--out", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "air-2015-cities-daily.csv", "air-2015-cities-daily.parquet", "air-2015-cities.csv",
        "air-2015-cities.json"]
    with open(tmp_path / "air-2015-cities.csv", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert [(r["rank"], r["city"], r["stations"], r["valid"]) for r in table] == [
        ("1", "东城区", "2", "no"), ("2", "西城区", "1", "no")]
    assert table[0]["station_names"] == "Dongsi Tiantan" and table[0]["good_ratio"] == "47.1"
    with open(tmp_path / "air-2015-cities-daily.csv", encoding="utf-8") as handle:
        daily = list(csv.DictReader(handle))
    assert list(daily[0])[:3] == ["city", "date", "standard"]
    assert len(daily) == 240 and {r["city"] for r in daily} == {"东城区", "西城区"}


@pytest.mark.skipif(not SHARED, reason="needs ../shared/data/beijing-prsa")
def test_beijing_2015_every_district():
    out = run("--format", "prsa", *map(str, SHARED), "--year", "2015", "--stations", DISTRICTS,
              "--all-cities", "--json")[0]
    result = json.loads(out)
    assert len(result["cities"]) == 8
    assert sum(len(c["stations"]) for c in result["cities"]) == 12
    ratios = [c["good_ratio"] for c in result["cities"]]
    assert ratios == sorted(ratios, reverse=True)


# --- storing and recording -----------------------------------------------------------------


@pytest.fixture
def beijing(places):
    call_command("load_places", str(PLACES), stdout=StringIO())
    return {j.code: j for j in Jurisdiction.objects.filter(code__startswith="11")}


def _plan(place):
    return air_plan(place, f"{place.name_zh}规划", 2011, 2015)


def demo(*args: str) -> tuple[dict, str]:
    out, err = run("--format", "prsa", *DEMO, "--year", "2015", "--stations", DISTRICTS,
                   "--all-cities", "--json", *args)
    return json.loads(out), err


def _snapshot(*, without_recorded: bool = False) -> list[dict]:
    """Every row of the monitoring, plans and places apps."""
    out = StringIO()
    call_command("dumpdata", "monitoring", "plans", "places", stdout=out)
    rows = json.loads(out.getvalue())
    if without_recorded:  # a re-run rewrites what record_run said (new_revision: false)
        for row in rows:
            row["fields"].pop("recorded", None)
    return rows


def test_store_and_record_every_district_once(beijing, make_user):
    for code in ("110101", "110102"):
        _plan(beijing[code])
    make_user("bureau", "administrator", "110000")
    result, err = demo("--jurisdiction", "110000", "--record", "--user", "bureau")
    by_city = {c["city"]: c for c in result["cities"]}
    assert set(by_city) == {"东城区", "西城区"}  # Dongsi, Guanyuan of the demo data
    for city, code in (("东城区", "110101"), ("西城区", "110102")):
        run_info = by_city[city]["run"]
        assert run_info["created"] is True and run_info["jurisdiction"] == code
        stored = AirEvaluationRun.objects.get(pk=run_info["id"])
        assert stored.jurisdiction.code == code and stored.stations == by_city[city]["stations"]
        assert stored.annual["good_ratio"] == by_city[city]["good_ratio"]
        values = {r["key"]: r["value"] for r in by_city[city]["recorded"]}
        assert values == {"air.good_day_ratio": by_city[city]["good_ratio"],
                          "air.pm25_annual_mean": by_city[city]["annual"]["PM2.5"]}
    assert Observation.objects.count() == 4 and "recorded air.good_day_ratio 2015" in err
    before = _snapshot(without_recorded=True)
    again, _ = demo("--jurisdiction", "110000", "--record", "--user", "bureau")
    assert all(c["run"]["created"] is False for c in again["cities"])
    assert all(not r["new_revision"] for c in again["cities"] for r in c["recorded"])
    assert _snapshot(without_recorded=True) == before
    # The same city alone, same input: the same fingerprint, so the stored run is found.
    out, _ = run("--format", "prsa", *DEMO, "--year", "2015", "--stations", DISTRICTS,
                 "--city", "东城区", "--jurisdiction", "110101", "--json")
    assert json.loads(out)["run"] == {**by_city["东城区"]["run"], "created": False}


def test_unmatched_cities_are_all_listed_and_nothing_is_stored(beijing, tmp_path):
    stations = tmp_path / "stations.csv"
    stations.write_text("station,city\nDongsi,东城区\nGuanyuan,西城\nTiantan,南城区\n",
                        encoding="utf-8")
    _plan(beijing["110101"])
    before = _snapshot()
    with pytest.raises(CommandError) as caught:
        run("--format", "prsa", *EXCERPT, "--year", "2015", "--stations", str(stations),
            "--all-cities", "--jurisdiction", "110000")
    message = str(caught.value)
    assert message.startswith("nothing stored: 1 of 3 cities cannot be matched")
    assert f"{stations}, field 'city': '南城区' matches no jurisdiction below 110000" in message
    assert "西城" not in message  # 西城 = 西城区 without its level suffix: unambiguous
    assert _snapshot() == before


def test_a_city_record_failure_rolls_back_every_city(beijing, make_user):
    _plan(beijing["110101"])  # 西城区 has no plan indicator: recording it fails
    before = _snapshot()
    with pytest.raises(CommandError, match=r"110102 西城区 has no plan indicator.*nothing stored"):
        demo("--jurisdiction", "110000", "--record")
    assert _snapshot() == before and AirEvaluationRun.objects.count() == 0


def test_user_without_rights_on_a_district_is_refused(beijing, make_user):
    for code in ("110101", "110102"):
        _plan(beijing[code])
    make_user("dongcheng", "editor", "110101")
    before = _snapshot()
    with pytest.raises(CommandError,
                       match=r"dongcheng may not edit 1 of the cities' jurisdictions: 110102"):
        demo("--jurisdiction", "110000", "--record", "--user", "dongcheng")
    assert _snapshot() == before


def test_matching_rules(beijing, tmp_path):
    china = Jurisdiction.objects.get(code="100000")
    found = match_names(beijing["110000"], ["东城区", "110102", "Chaoyang District",
                                             " 海淀 ", "Huairou"], "x")
    assert {c: j.code for c, j in found.items()} == {
        "东城区": "110101", "110102": "110102", "Chaoyang District": "110105",
        " 海淀 ": "110108", "Huairou": "110116"}
    # Bundled Inner Mongolia: CNEMC writes 呼和浩特 for 呼和浩特市.
    assert match_names(china, ["呼和浩特", "兴安盟"], "x")["呼和浩特"].code == "150100"
    # A real second 朝阳区 (长春市, Jilin): by name it is ambiguous below China.
    jilin = tmp_path / "jilin.csv"
    jilin.write_text("code,name_zh,name_en,level,parent_code\n"
                     "220000,吉林省,Jilin,province,100000\n"
                     "220100,长春市,Changchun,prefecture,220000\n"
                     "220104,朝阳区,Chaoyang District,county,220100\n", encoding="utf-8")
    call_command("load_places", str(jilin), stdout=StringIO())
    with pytest.raises(CityMatchError) as caught:
        match_names(china, ["朝阳区", "朝阳", "东城", "西城区", "西城"], "f.csv, field 'city'")
    problems = caught.value.problems
    assert problems[0] == ("f.csv, field 'city': '朝阳区' matches 2 jurisdictions below 100000 "
                           "中华人民共和国: 110105 朝阳区, 220104 朝阳区")
    assert "'朝阳' matches 2 jurisdictions without its level suffix" in problems[1]
    assert problems[2] == "f.csv, field 'city': '西城区', '西城' all match 110102 西城区; " \
        "one city per jurisdiction"
    assert len(problems) == 3  # 东城 is fine
    assert without_level_suffix("鄂托克前旗") == "鄂托克前" and without_level_suffix("和县") is None


def _cnemc_two_cities(tmp_path: Path, areas: tuple[str, str]) -> list[str]:
    """Two days of Dongsi and Guanyuan as CNEMC hourly releases, each station in its own
    `area` (CO converted to mg/m³), one file per hour as CNEMC publishes them."""
    import gzip

    header = next(csv.reader([CNEMC_HEADER]))
    by_hour: dict[str, list[list[str]]] = {}
    sources = [p for p in EXCERPT if "Dongsi" in p or "Guanyuan" in p]
    for code, source, area in zip(("1001A", "1002A"), sources, areas, strict=True):
        with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        col = {name: i for i, name in enumerate(rows[0])}
        for r in rows[1:49]:
            stamp = f"{r[1]}-{int(r[2]):02d}-{int(r[3]):02d} {int(r[4]):02d}:00:00"
            co = "" if r[col["CO"]] == "NA" else str(float(r[col["CO"]]) / 1000)
            by_hour.setdefault(stamp, []).append([
                stamp, code, "111.7", "40.8", area, r[col["station"]], "", "", r[col["PM10"]],
                "", r[col["PM2.5"]], "", r[col["O3"]], "", "", "", r[col["NO2"]], "",
                r[col["SO2"]], "", co, ""])
    paths = []
    for stamp, rows in sorted(by_hour.items()):
        path = tmp_path / ("china_sites_" + stamp[:13].replace("-", "").replace(" ", "") + ".csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([header, *rows])
        paths.append(str(path))
    return paths


def test_cnemc_areas_stored_for_inner_mongolia_cities(places, make_user, tmp_path):
    paths = _cnemc_two_cities(tmp_path, ("呼和浩特", "包头"))
    make_user("region", "administrator", "150000")
    out, _ = run("--format", "cnemc", *paths, "--year", "2015", "--all-cities", "--json",
                 "--jurisdiction", "150000", "--user", "region")
    result = json.loads(out)
    assert {c["city"]: (c["stations"], c["run"]["jurisdiction"]) for c in result["cities"]} == {
        "呼和浩特": (["1001A"], "150100"), "包头": (["1002A"], "150200")}
    assert AirEvaluationRun.objects.count() == 2
    # An area the parent does not hold: named with its source, nothing more stored.
    (tmp_path / "other").mkdir()
    other = _cnemc_two_cities(tmp_path / "other", ("呼和浩特", "北京"))
    with pytest.raises(CommandError, match=r"cnemc data, field 'area': '北京' matches no"):
        run("--format", "cnemc", *other, "--year", "2015", "--all-cities",
            "--jurisdiction", "150000", "--user", "region")
    assert AirEvaluationRun.objects.count() == 2


def test_average_of_the_cities_as_plans_define_it(tmp_path):
    dust = tmp_path / "dust.txt"
    dust.write_text("2015-04-15\n")  # the dust storm over Beijing that day
    result = json.loads(excerpt("--json", "--dust-days", str(dust))[0])
    cities = result["cities"]
    for block, part in ((result["average"], lambda c: c),
                        (result["average"]["excluding_dust"], lambda c: c["excluding_dust"])):
        assert block["cities"] == 2
        # Means of the per-city values (the ratio and PM2.5 from the unrounded ones).
        assert block["good_days"] == sum(part(c)["good_days"] for c in cities) / 2
        ratios = [part(c)["good_ratio"] for c in cities]
        assert abs(block["good_ratio"] - sum(ratios) / 2) <= 0.05 + 1e-9
        pm25 = [part(c)["annual"]["PM2.5"] for c in cities]
        assert isinstance(block["PM2.5"], int) and abs(block["PM2.5"] - sum(pm25) / 2) <= 0.5
    assert result["average"]["valid_cities"] == 0  # four months only
    text = excerpt("--dust-days", str(dust))[0]
    average = result["average"]
    assert (f"average of 2 cities (all days): good days {average['good_days']}, good ratio "
            f"{average['good_ratio']} %, PM2.5 {average['PM2.5']} µg/m³") in text
