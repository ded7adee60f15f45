"""`ecotrack air-evaluate`: JSON output, files, refusals — without any database."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "air"
EXCERPT = sorted(str(p) for p in FIXTURES.glob("PRSA_Data_*.csv.gz"))


def run(*args: str) -> str:
    out = StringIO()
    call_command("air_evaluate", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_json_output_has_the_documented_fields(tmp_path):
    dust = tmp_path / "dust.txt"
    dust.write_text("2015-04-15\n")
    result = json.loads(run("--format", "prsa", *EXCERPT, "--year", "2015", "--city", "Beijing",
                            "--dust-days", str(dust), "--json"))
    # The keys, exactly; extra keys (city, engine, method, …) are allowed.
    for key in ("year", "standard", "stations", "valid_days", "good_days", "good_ratio",
                "days_by_category", "heavy_days", "primary_pollutants", "annual",
                "annual_valid", "excluding_dust", "valid", "validity_notes", "method",
                "engine", "city"):
        assert key in result
    annual_keys = ["PM2.5", "PM10", "SO2", "NO2", "CO_p95", "O3_8h_p90"]
    assert list(result["annual"]) == annual_keys
    assert list(result["annual_valid"]) == annual_keys
    assert all(v is False for v in result["annual_valid"].values())  # 4 months < 324 days
    assert isinstance(result["annual"]["PM2.5"], int)
    assert isinstance(result["annual"]["CO_p95"], float)  # mg/m³, one decimal
    assert result["primary_pollutants"]["PM2.5"] > 0
    assert not any(k.endswith("_mean") for k in result)
    assert list(result["days_by_category"]) == ["优", "良", "轻度污染", "中度污染", "重度污染",
                                                "严重污染"]
    assert result["stations"] == ["Dongsi", "Guanyuan", "Tiantan"]
    assert result["standard"].startswith("HJ 633—2012")
    assert result["valid"] is False  # four months only: fewer than 324 days
    assert result["dust_days"] == 1
    assert result["excluding_dust"]["valid_days"] == result["valid_days"] - 1
    assert sum(result["days_by_category"].values()) == result["valid_days"]


def test_out_writes_daily_table_and_json(tmp_path):
    run("--format", "prsa", *EXCERPT, "--year", "2015", "--standard", "hj633-2026",
        "--engine", "python", "--out", str(tmp_path))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["air-2015-annual.json", "air-2015-daily.csv", "air-2015-daily.parquet"]
    lines = (tmp_path / "air-2015-daily.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 121 and lines[0].startswith("date,standard,n_stations")
    assert json.loads((tmp_path / "air-2015-annual.json").read_text())["standard"] == (
        "HJ 633—2026"
    )


def test_structural_error_is_a_command_error_naming_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("station,time,pollutant,value\nS1,2015-01-01 00:00,PM2.5,5\n")
    with pytest.raises(CommandError, match=r"bad\.csv, row 1, field 'unit': missing column"):
        run("--format", "long", str(bad), "--year", "2015")


def test_city_chosen_from_station_metadata(tmp_path):
    stations = tmp_path / "stations.csv"
    stations.write_text("station,city\nDongsi,北京\nTiantan,北京\nGuanyuan,其他\n")
    result = json.loads(run("--format", "prsa", *EXCERPT, "--year", "2015", "--stations",
                            str(stations), "--city", "北京", "--json"))
    assert result["stations"] == ["Dongsi", "Tiantan"] and result["city"] == "北京"
    with pytest.raises(CommandError, match="several cities"):
        run("--format", "prsa", *EXCERPT, "--year", "2015", "--stations", str(stations))


def test_flagged_values_are_reported_in_text_and_json(tmp_path):
    import gzip

    with gzip.open(EXCERPT[0], "rt", encoding="utf-8") as handle:
        rows = handle.read().splitlines()
    fields = rows[9].split(",")
    fields[5] = "-3"  # PM2.5 of line 10
    rows[9] = ",".join(fields)
    bad = tmp_path / "PRSA_bad.csv"
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = run("--format", "prsa", str(bad), "--year", "2015")
    assert "flagged values excluded: 1" in text and "negative: 1 (PM2.5 1)" in text
    assert f"{bad}, row 10, field 'PM2.5': '-3'" in text
    assert "hours without any value: " in text
    result = json.loads(run("--format", "prsa", str(bad), "--year", "2015", "--json"))
    assert result["flagged"] == {"negative": {"count": 1, "by_field": {"PM2.5": 1}, "examples": [
        {"file": str(bad), "row": 10, "field": "PM2.5", "value": "-3"}]}}
    assert result["missing_hours"][result["stations"][0]] > 8760 - 2880


def test_parquet_input_is_checked_and_structural_errors_name_file_and_field(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ecotrack.core.air.readers import read_files

    table = read_files("prsa", [Path(EXCERPT[0])]).to_arrow()
    pm25 = table.column("pm25").to_pylist()
    pm25[9] = -3.0  # record 10
    user = table.set_column(table.schema.get_field_index("pm25"), "pm25",
                            pa.array(pm25, pa.float64())).replace_schema_metadata(None)
    path = tmp_path / "user.parquet"
    pq.write_table(user, path)
    result = json.loads(run("--format", "parquet", str(path), "--year", "2015", "--json"))
    assert result["flagged"] == {"negative": {"count": 1, "by_field": {"pm25": 1}, "examples": [
        {"file": str(path), "row": 10, "field": "pm25", "value": "-3.0"}]}}
    text = run("--format", "parquet", str(path), "--year", "2015")
    assert f"{path}, row 10, field 'pm25': '-3.0'" in text
    wrong = tmp_path / "wrong.parquet"
    pq.write_table(user.set_column(user.schema.get_field_index("hour"), "hour",
                                   pa.array([str(h) for h in user.column("hour").to_pylist()])),
                   wrong)
    with pytest.raises(CommandError, match=r"wrong\.parquet, field 'hour': column hour has type"):
        run("--format", "parquet", str(wrong), "--year", "2015")


CNEMC = sorted(str(p) for p in (FIXTURES / "cnemc").glob("*.csv"))


def test_cnemc_labels_are_hour_ends_and_the_reading_is_said(tmp_path):
    args = ("--format", "cnemc", *CNEMC, "--year", "2022", "--city", "呼和浩特市")
    text = run(*args)
    assert "hours: a time label names the hour it ends" in text
    assert "input: O3 1-h values read from column o3_24h" in text
    ends = json.loads(run(*args, "--json", "--out", str(tmp_path / "end")))
    starts = json.loads(run(*args, "--hour-label", "start", "--json",
                            "--out", str(tmp_path / "start")))
    assert (ends["hour_label"], starts["hour_label"]) == ("end", "start")
    # Read as hour ends, the files hold 2021-12-31 24时 … 2022-01-02 24时: two 2022 days.
    # Read as starts, 2022-01-03 00:00 opens a third day (with one hour: not valid).
    days = {label: (tmp_path / label / "air-2022-daily.csv").read_text().splitlines()[1:]
            for label in ("end", "start")}
    assert [line[:10] for line in days["end"]] == ["2022-01-01", "2022-01-02"]
    assert [line[:10] for line in days["start"]] == ["2022-01-01", "2022-01-02", "2022-01-03"]
    assert days["end"][0] != days["start"][0]  # the same date, other hours


def test_hour_label_is_refused_for_parquet(tmp_path):
    with pytest.raises(CommandError, match="--hour-label applies to CSV input"):
        run("--format", "parquet", str(tmp_path / "x.parquet"), "--year", "2022",
            "--hour-label", "end")


def test_city_without_station_metadata_is_said_to_be_only_a_label():
    text = run("--format", "prsa", *EXCERPT, "--year", "2015", "--city", "Beijnig")
    assert ("note: no station metadata (CNEMC area or --stations): the city name 'Beijnig' "
            "only labels the result; all 3 stations in the data were used") in text
    # With metadata the name selects stations, and a wrong one is refused instead.
    with pytest.raises(CommandError, match="no station of city 'Beijnig' in the data"):
        run("--format", "cnemc", *CNEMC, "--year", "2022", "--city", "Beijnig")
    result = json.loads(run("--format", "cnemc", *CNEMC, "--year", "2022", "--city",
                            "北京市", "--json"))
    assert "city_note" not in result and len(result["stations"]) == 24
