"""Bad values in real excerpt data: excluded, counted per kind, and the same in both readers.

The excerpt files are perturbed here (one kind of fault per line), then read by the Python
reference readers and by the DuckDB-native ingest; tables and flag reports must agree.
"""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import pytest

from ecotrack.core.air.csv_duckdb import ingest_csv
from ecotrack.core.air.errors import AirDataError
from ecotrack.core.air.evaluate import evaluate_files
from ecotrack.core.air.hourly import HourlyTable, read_parquet
from ecotrack.core.air.readers import read_files

from .conftest import FIXTURES
from .test_readers import CNEMC_HEADER

EXCERPT = sorted(FIXTURES.glob("PRSA_Data_*.csv.gz"))
DONGSI = FIXTURES / "PRSA_Data_Dongsi_2015-01_2015-04.csv.gz"


def _rows(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _perturbed_prsa(tmp_path: Path) -> Path:
    """Dongsi Jan–Apr 2015 with one fault per kind; lines are 1-based with the header."""
    rows = _rows(DONGSI)
    col = {name: i for i, name in enumerate(rows[0])}
    rows[10 - 1][col["PM2.5"]] = "-3"  # negative
    rows[20 - 1][col["CO"]] = "200000"  # 200 mg/m³: implausible (CO 1-h table tops at 150)
    rows[21 - 1][col["O3"]] = "inf"  # implausible
    rows[30 - 1][col["SO2"]] = "1,5"  # unparseable number
    rows[40 - 1][col["hour"]] = "25"  # no such hour
    rows[50 - 1][col["month"]] = "13"  # no such date
    rows[55 - 1][col["station"]] = " "  # no station
    rows.append(list(rows[60 - 1]))  # line 60 again at the end: a duplicate hour
    del rows[100 - 1:124 - 1]  # 24 hours missing (lines 100…123)
    return _write(tmp_path / "PRSA_Data_Dongsi_perturbed.csv", rows)


def _key(table: HourlyTable) -> list[tuple[object, ...]]:
    return sorted(zip(table.station, table.date, table.hour,
                      *(table.values[p] for p in table.values), strict=True))


def _both(fmt: str, paths: list[Path], tmp_path: Path) -> tuple[HourlyTable, HourlyTable,
                                                                 dict[str, object],
                                                                 dict[str, object]]:
    python = read_files(fmt, paths)
    ingested = ingest_csv(fmt, paths, tmp_path / "ingested.parquet")
    duck = read_parquet([ingested.parquet])
    return python, duck, python.flags.to_json(), ingested.flags.to_json()


def test_excerpt_same_table_in_both_readers_and_nothing_flagged(tmp_path):
    python, duck, py_flags, duck_flags = _both("prsa", EXCERPT, tmp_path)
    assert len(python) == 3 * 120 * 24
    assert _key(python) == _key(duck)
    assert py_flags == duck_flags == {}


def test_perturbed_excerpt_flags_each_kind_once_in_both_readers(tmp_path):
    path = _perturbed_prsa(tmp_path)
    python, duck, py_flags, duck_flags = _both("prsa", [path, *EXCERPT[1:]], tmp_path)
    assert _key(python) == _key(duck)
    assert py_flags == duck_flags
    counts = {k: v["count"] for k, v in py_flags.items()}  # type: ignore[index]
    assert counts == {"negative": 1, "implausible": 2, "unparseable_number": 1,
                      "unparseable_time": 2, "missing_station": 1, "duplicate_hour": 2}
    by_field = {k: v["by_field"] for k, v in py_flags.items()}  # type: ignore[index]
    assert by_field == {"negative": {"PM2.5": 1}, "implausible": {"CO": 1, "O3": 1},
                        "unparseable_number": {"SO2": 1},
                        "unparseable_time": {"hour": 1, "year/month/day": 1},
                        "missing_station": {"station": 1},
                        "duplicate_hour": {"station/time": 2}}
    source = str(path)
    examples = {k: v["examples"] for k, v in py_flags.items()}  # type: ignore[index]
    assert examples["negative"] == [{"file": source, "row": 10, "field": "PM2.5", "value": "-3"}]
    assert [e["row"] for e in examples["implausible"]] == [20, 21]
    assert examples["unparseable_time"] == [
        {"file": source, "row": 40, "field": "hour", "value": "25"},
        {"file": source, "row": 50, "field": "year/month/day", "value": "2015-13-3"},
    ]
    # Both copies of the duplicated hour: line 60 and the appended last line.
    assert [e["row"] for e in examples["duplicate_hour"]] == [60, 2880 - 24 + 2]


# (line, column, text): 7 negative values (6 PM2.5, 1 SO2) and 3 implausible ones (2 CO,
# 1 O3): counts that differ per field, more than the 5 examples of a kind.
UNEVEN = [*((line, "PM2.5", "-1") for line in (10, 11, 12, 13, 14, 300)), (9, "SO2", "-2"),
          (20, "CO", "200000"), (400, "CO", "inf"), (21, "O3", "99999")]


def _uneven_prsa(tmp_path: Path) -> Path:
    """Dongsi Jan–Apr 2015 with the faults of UNEVEN."""
    rows = _rows(DONGSI)
    col = {name: i for i, name in enumerate(rows[0])}
    for line, column, text in UNEVEN:
        rows[line - 1][col[column]] = text
    return _write(tmp_path / "PRSA_Data_Dongsi_uneven.csv", rows)


def test_counts_by_field_differ_per_field_and_agree_in_both_readers(tmp_path):
    path = _uneven_prsa(tmp_path)
    python, duck, py_flags, duck_flags = _both("prsa", [path], tmp_path)
    assert _key(python) == _key(duck)
    assert py_flags == duck_flags  # by_field included
    assert {k: (v["count"], v["by_field"]) for k, v in py_flags.items()} == {  # type: ignore[union-attr]
        "negative": (7, {"PM2.5": 6, "SO2": 1}),
        "implausible": (3, {"CO": 2, "O3": 1}),
    }
    negative = py_flags["negative"]
    assert list(negative["by_field"]) == ["PM2.5", "SO2"]  # type: ignore[index]  # most first
    # The examples are still the first 5 rows; the counts cover all 7.
    assert [(e["row"], e["field"]) for e in negative["examples"]] == [  # type: ignore[index]
        (9, "SO2"), (10, "PM2.5"), (11, "PM2.5"), (12, "PM2.5"), (13, "PM2.5")]
    lines = python.flags.lines()
    assert "flagged negative (负值): 7 excluded (PM2.5 6, SO2 1)" in lines
    # Merging two reports (files read one by one) adds the counts per field.
    twice = read_files("prsa", [path]).flags
    twice.merge(python.flags)
    assert twice.to_json()["negative"]["by_field"] == {"PM2.5": 12, "SO2": 2}
    assert twice.to_json()["negative"]["count"] == 14


def test_flagged_values_are_excluded_not_used(tmp_path):
    path = _perturbed_prsa(tmp_path)
    table = read_files("prsa", [path])
    rows = _rows(DONGSI)
    # Line 10 is 2015-01-01 08h: its PM2.5 is missing (not -3), its other values kept.
    at = {(d.isoformat(), h): i for i, (d, h) in enumerate(zip(table.date, table.hour,
                                                              strict=True))}
    i = at[("2015-01-01", 8)]
    assert table.values["pm25"][i] is None
    assert table.values["pm10"][i] == float(rows[10 - 1][6])
    # The duplicated hour (line 60 = 2015-01-03 10h) is absent altogether.
    assert ("2015-01-03", 10) not in at
    assert len(table) == 2880 - 24 - 3 - 1  # missing day, 3 bad rows, one hour duplicated


def test_evaluation_reports_flags_and_missing_hours(tmp_path):
    path = _perturbed_prsa(tmp_path)
    table = read_files("prsa", [path])
    # Hours with at least one value: the file's rows minus the real all-NA hours (12).
    usable = sum(any(table.values[p][i] is not None for p in table.values)
                 for i in range(len(table)))
    assert usable == 2880 - 24 - 3 - 1 - 12
    for engine in ("duckdb", "python"):
        result = evaluate_files("prsa", [path], year=2015, engine=engine).result.to_json()
        assert result["flagged"]["negative"]["count"] == 1
        assert result["flagged"]["duplicate_hour"]["count"] == 2
        assert result["missing_hours"] == {"Dongsi": 8760 - usable}


def _cnemc_files(tmp_path: Path) -> list[Path]:
    """Two days of Dongsi and Guanyuan as CNEMC hourly releases (CO converted to mg/m³)."""
    by_hour: dict[str, list[list[str]]] = {}
    for code, source in (("1001A", EXCERPT[0]), ("1002A", EXCERPT[1])):
        rows = _rows(source)
        col = {name: i for i, name in enumerate(rows[0])}
        for r in rows[1:49]:
            stamp = f"{r[1]}-{int(r[2]):02d}-{int(r[3]):02d} {int(r[4]):02d}:00:00"
            co = "" if r[col["CO"]] == "NA" else str(float(r[col["CO"]]) / 1000)
            by_hour.setdefault(stamp, []).append([
                stamp, code, "116.4", "39.9", "北京", r[col["station"]], "", "", r[col["PM10"]],
                "", r[col["PM2.5"]], "", r[col["O3"]], "", "", "", r[col["NO2"]], "",
                r[col["SO2"]], "", co, ""])
    header = CNEMC_HEADER.split(",")
    paths = []
    for stamp, rows in sorted(by_hour.items()):
        name = "china_sites_" + stamp[:13].replace("-", "").replace(" ", "") + ".csv"
        paths.append(_write(tmp_path / name, [header, *rows]))
    return paths


def test_cnemc_perturbed_same_in_both_readers(tmp_path):
    paths = _cnemc_files(tmp_path)
    clean_py, clean_duck, py_flags, duck_flags = _both("cnemc", paths, tmp_path)
    assert _key(clean_py) == _key(clean_duck) and py_flags == duck_flags == {}
    assert clean_py.city_of_station == {"1001A": "北京", "1002A": "北京"}
    rows = _rows_csv(paths[3])
    rows[1][0] = "2015-01-01 03:30:00"  # not a whole hour
    rows[2][20] = "1200"  # CO in µg/m³ in a mg/m³ column
    _write(paths[3], rows)
    rows = _rows_csv(paths[5])
    rows[1][10] = "-1"
    rows.append(list(rows[2]))
    _write(paths[5], rows)
    python, duck, py_flags, duck_flags = _both("cnemc", paths, tmp_path)
    assert _key(python) == _key(duck)
    assert py_flags == duck_flags
    counts = {k: v["count"] for k, v in py_flags.items()}  # type: ignore[index]
    assert counts == {"negative": 1, "implausible": 1, "unparseable_time": 1,
                      "duplicate_hour": 2}


def _rows_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("fmt", ["prsa", "cnemc"])
def test_missing_column_stops_both_readers(tmp_path, fmt):
    header = ("year,month,day,hour,PM2.5,PM10,SO2,NO2,O3,station" if fmt == "prsa"
              else CNEMC_HEADER.replace(",co,", ",carbon,"))
    path = tmp_path / "bad.csv"
    path.write_text(header + "\n", encoding="utf-8")
    for read in (lambda: read_files(fmt, [path]),
                 lambda: ingest_csv(fmt, [path], tmp_path / "x.parquet")):
        with pytest.raises(AirDataError, match="missing column") as caught:
            read()
        assert (caught.value.file, caught.value.row) == (str(path), 1)
        assert caught.value.field in ("CO", "co")


LONG_HEADER = ["station", "time", "pollutant", "value", "unit"]
LONG_NAMES = {"so2": "SO2", "no2": "NO2", "pm10": "PM10", "co": "CO", "o3": "O3",
              "pm25": "PM2.5"}


def _long_files(tmp_path: Path) -> list[Path]:
    """The three excerpt stations in the long format, one file per station, with the
    spellings and units varied: CO in µg/m³ (as PRSA) for Dongsi and in mg/m³ for the
    others, SO2 of one station in mg/m3, pollutant names in several spellings."""
    paths = []
    for n, source in enumerate(EXCERPT):
        rows = _rows(source)
        col = {name: i for i, name in enumerate(rows[0])}
        out = [LONG_HEADER]
        for r in rows[1:]:
            stamp = f"{r[1]}-{int(r[2]):02d}-{int(r[3]):02d} {int(r[4]):02d}:00"
            if n == 2:
                stamp = stamp.replace("-", "/") + ":00"
            for p, name in LONG_NAMES.items():
                text, unit = r[col[name]], "µg/m³"
                if p == "co" and n > 0 and text != "NA":
                    text, unit = repr(float(text) / 1000), "mg/m³" if n == 1 else "mg/m3"
                elif p == "so2" and n == 1 and text != "NA":
                    text, unit = repr(float(text) / 1000), "mg/m3"
                spelled = {"pm25": ["PM2.5", "pm25", "PM2_5"][n]}.get(p, name)
                out.append([r[col["station"]], stamp, spelled, text, unit])
        paths.append(_write(tmp_path / f"long-{n}.csv", out))
    return paths


def _perturbed_long(tmp_path: Path) -> list[Path]:
    """Each kind of fault of the long format, at known lines (the header is line 1)."""
    paths = _long_files(tmp_path)
    rows = _rows_csv(paths[0])
    rows[10 - 1][3] = "-3"  # negative
    rows[20 - 1][3], rows[20 - 1][4] = "300", "mg/m³"  # 300 mg/m³ of anything: implausible
    rows[21 - 1][3] = "inf"  # implausible
    rows[30 - 1][3] = "1,5"  # unparseable number
    rows[40 - 1][1] = "2015-01-01 25:00"  # no such hour
    rows[41 - 1][1] = "2015-01-01 06:30"  # not a whole hour
    rows[42 - 1][1] = "2015-01-01 07:00+08:00"  # a time zone: not local time
    rows[50 - 1][0] = " "  # no station
    rows[60 - 1][2] = "PM1"  # unknown pollutant
    rows[70 - 1][4] = "ppb"  # unknown unit
    rows[80 - 1][3] = "NA"  # missing, not flagged
    rows.append(list(rows[90 - 1]))  # a duplicate value in the same file
    negative_twin = list(rows[95 - 1])
    negative_twin[3] = "-1"
    rows.append(negative_twin)  # a duplicate that is also negative
    _write(paths[0], rows)
    # Line 100 of file 0 again in file 1: hours may span files, so this is a duplicate too.
    other = _rows_csv(paths[1])
    other.append(list(rows[100 - 1]))
    _write(paths[1], other)
    return paths


def test_long_excerpt_same_table_in_both_readers_and_nothing_flagged(tmp_path):
    paths = _long_files(tmp_path)
    python, duck, py_flags, duck_flags = _both("long", paths, tmp_path)
    assert len(python) == 3 * 120 * 24
    assert _key(python) == _key(duck)
    assert py_flags == duck_flags == {}
    # Units converted, not assumed: the same table as the PRSA files (CO µg/m³ → mg/m³).
    prsa = read_files("prsa", EXCERPT)
    assert [k[:3] for k in _key(python)] == [k[:3] for k in _key(prsa)]
    for got, want in zip(_key(python), _key(prsa), strict=True):
        assert [g is None for g in got[3:]] == [w is None for w in want[3:]]
        assert [g for g in got[3:] if g is not None] == pytest.approx(
            [w for w in want[3:] if w is not None], rel=1e-12)


def test_long_perturbed_same_table_and_flags_in_both_readers(tmp_path):
    paths = _perturbed_long(tmp_path)
    python, duck, py_flags, duck_flags = _both("long", paths, tmp_path)
    assert _key(python) == _key(duck)
    assert py_flags == duck_flags
    counts = {k: v["count"] for k, v in py_flags.items()}  # type: ignore[index]
    assert counts == {"negative": 2, "implausible": 2, "unparseable_number": 1,
                      "unparseable_time": 3, "missing_station": 1, "unknown_pollutant": 1,
                      "unknown_unit": 1, "duplicate_hour": 6}
    # `value` is the same column for every pollutant: its flags are counted under the row's
    # pollutant (line 10 is PM10, the negative twin of line 95 CO, line 20 SO2, 21 NO2, …).
    by_field = {k: v["by_field"] for k, v in py_flags.items()}  # type: ignore[index]
    assert by_field == {
        "negative": {"PM10": 1, "CO": 1}, "implausible": {"SO2": 1, "NO2": 1},
        "unparseable_number": {"O3": 1}, "unparseable_time": {"time": 3},
        "missing_station": {"station": 1}, "unknown_pollutant": {"pollutant": 1},
        "unknown_unit": {"unit": 1}, "duplicate_hour": {"O3": 2, "CO": 2, "PM10": 2}}
    first = str(paths[0])  # the 6th duplicate, in paths[1], is past the 5 examples
    examples = {k: v["examples"] for k, v in py_flags.items()}  # type: ignore[index]
    assert examples["unknown_unit"] == [{"file": first, "row": 70, "field": "unit",
                                         "value": "ppb"}]
    assert examples["unparseable_time"][2] == {"file": first, "row": 42, "field": "time",
                                               "value": "2015-01-01 07:00+08:00"}
    last = len(_rows_csv(paths[0]))
    assert [(e["file"], e["row"]) for e in examples["duplicate_hour"]] == [
        (first, 90), (first, 95), (first, 100), (first, last - 1), (first, last)]
    # Nothing flagged is used: the negative PM10 of line 10 (2015-01-01 01h) is missing.
    at = {(s, d.isoformat(), h): i for i, (s, d, h) in
          enumerate(zip(duck.station, duck.date, duck.hour, strict=True))}
    assert duck.values["pm10"][at[("Dongsi", "2015-01-01", 1)]] is None


def test_long_evaluation_same_in_duckdb_and_python(tmp_path):
    paths = _perturbed_long(tmp_path)
    results = [evaluate_files("long", paths, year=2015, engine=engine).result.to_json()
               for engine in ("duckdb", "python")]
    assert results[0]["flagged"] == results[1]["flagged"]
    assert results[0]["missing_hours"] == results[1]["missing_hours"]
    assert results[0]["annual"] == results[1]["annual"]
