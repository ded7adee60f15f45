"""`--format parquet`: a user's Parquet file is checked with the CSV ingest's value rules.

The expected table is computed here with the pure-Python rule (units.classify_value on the
value's text) and the readers' duplicate rule, so the DuckDB check is held to the same rules
as the CSV readers.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ecotrack.core.air.errors import AirDataError
from ecotrack.core.air.evaluate import evaluate_files
from ecotrack.core.air.hourly import LAYOUT_KEY, SCHEMA, HourlyTable, read_parquet, write_parquet
from ecotrack.core.air.parquet_duckdb import check_parquet, written_by_ecotrack
from ecotrack.core.air.readers import PRSA_COLUMNS, read_files
from ecotrack.core.air.standards import POLLUTANTS
from ecotrack.core.air.units import classify_value

from .conftest import FIXTURES
from .test_flags import UNEVEN, _both, _key, _uneven_prsa

EXCERPT = sorted(FIXTURES.glob("PRSA_Data_*.csv.gz"))


def _user_columns() -> dict[str, list[object]]:
    """The excerpt as plain columns (what a user's script would write), in file order."""
    table = read_files("prsa", EXCERPT[:2])
    return {"station": list(table.station), "date": list(table.date), "hour": list(table.hour),
            **{p: list(table.values[p]) for p in POLLUTANTS}}


def _save(columns: dict[str, list[object]], path: Path,
          types: dict[str, pa.DataType] | None = None) -> Path:
    """A Parquet file without ecotrack's layout key (a user's file)."""
    wanted = {f.name: f.type for f in SCHEMA}
    wanted.update(types or {})
    table = pa.table({name: pa.array(columns[name], wanted[name]) for name in columns})
    pq.write_table(table, path)
    assert not written_by_ecotrack(path)
    return path


# (row index 0-based, column, bad value, expected flag kind or None for missing)
FAULTS = [
    (9, "pm25", -3.0, "negative"),
    (19, "co", 600.0, "implausible"),  # CO in µg/m³ in a mg/m³ column
    (20, "o3", math.inf, "implausible"),
    (21, "no2", -math.inf, "implausible"),
    (29, "so2", math.nan, None),  # NaN is missing, as `NaN` in a CSV cell: not flagged
]


def _dirty(tmp_path: Path) -> tuple[Path, dict[str, list[object]]]:
    columns = _user_columns()
    for row, column, value, _kind in FAULTS:
        columns[column][row] = value
    columns["hour"][39] = 24  # no such hour: the row is flagged
    columns["date"][49] = None  # no date
    columns["station"][54] = " "  # no station
    columns["station"][55] = None
    for name in columns:  # row 60 again at the end: a duplicated hour
        columns[name].append(columns[name][59])
    return _save(columns, tmp_path / "user.parquet", {"hour": pa.int64()}), columns


def _expected(columns: dict[str, list[object]]) -> HourlyTable:
    """The pure-Python rules applied to the same cells: what may be used."""
    table = HourlyTable()
    seen: dict[tuple[object, ...], int] = {}
    rows = []
    for i in range(len(columns["station"])):
        station, day, hour = columns["station"][i], columns["date"][i], columns["hour"][i]
        if day is None or not 0 <= int(hour) <= 23 or not str(station or "").strip():  # type: ignore[call-overload]
            continue
        values = []
        for p in POLLUTANTS:
            cell = columns[p][i]
            values.append(None if cell is None else classify_value(str(cell), p, 1.0)[0])
        key = (station, day, hour)
        seen[key] = seen.get(key, 0) + 1
        rows.append((key, values))
    for key, values in rows:
        if seen[key] == 1:
            table.append(str(key[0]), key[1], int(key[2]), values)  # type: ignore[arg-type]
    return table


def test_dirty_user_parquet_is_flagged_and_the_rest_is_what_the_python_rules_keep(tmp_path):
    path, columns = _dirty(tmp_path)
    checked = check_parquet([path], tmp_path / "checked.parquet")
    assert checked.copied and written_by_ecotrack(checked.paths[0])
    assert _key(read_parquet(checked.paths)) == _key(_expected(columns))
    report = checked.flags.to_json()
    assert {k: v["count"] for k, v in report.items()} == {
        "negative": 1, "implausible": 3, "unparseable_time": 2, "missing_station": 2,
        "duplicate_hour": 2}
    assert {k: v["by_field"] for k, v in report.items()} == {
        "negative": {"pm25": 1}, "implausible": {"co": 1, "o3": 1, "no2": 1},
        "unparseable_time": {"hour": 1, "date": 1}, "missing_station": {"station": 2},
        "duplicate_hour": {"station/time": 2}}
    source = str(path)
    # Rows are 1-based record numbers in the file (Parquet has no header line).
    assert report["negative"]["examples"] == [
        {"file": source, "row": 10, "field": "pm25", "value": "-3.0"}]
    assert report["implausible"]["examples"] == [
        {"file": source, "row": 20, "field": "co", "value": "600.0"},
        {"file": source, "row": 21, "field": "o3", "value": "inf"},
        {"file": source, "row": 22, "field": "no2", "value": "-inf"}]
    assert report["unparseable_time"]["examples"] == [
        {"file": source, "row": 40, "field": "hour", "value": "24"},
        {"file": source, "row": 50, "field": "date", "value": ""}]
    assert [(e["row"], e["value"]) for e in report["missing_station"]["examples"]] == [
        (55, " "), (56, "")]
    assert [e["row"] for e in report["duplicate_hour"]["examples"]] == [60, len(columns["hour"])]


def test_counts_by_field_are_those_of_the_csv_readers(tmp_path):
    """The same faults as a PRSA file and as a user's Parquet file: the same counts per kind
    and per field in all three checks (Parquet names the layout's columns)."""
    _python, _duck, py_flags, duck_flags = _both("prsa", [_uneven_prsa(tmp_path)], tmp_path)
    column = {name: p for p, name in PRSA_COLUMNS.items()}
    columns = _user_columns()
    for line, name, text in UNEVEN:  # line n of Dongsi's file is record n - 1 (0-based n - 2)
        value = float(text) / 1000 if name == "CO" else float(text)  # CO: µg/m³ → mg/m³
        columns[column[name]][line - 2] = value
    checked = check_parquet([_save(columns, tmp_path / "uneven.parquet")],
                            tmp_path / "checked.parquet")
    report = checked.flags.to_json()
    assert py_flags == duck_flags
    assert {k: (v["count"], {PRSA_COLUMNS[f]: n for f, n in v["by_field"].items()})
            for k, v in report.items()} == {
        k: (v["count"], v["by_field"]) for k, v in py_flags.items()}  # type: ignore[index]


def test_evaluation_of_dirty_parquet_uses_only_what_the_rules_keep(tmp_path):
    path, columns = _dirty(tmp_path)
    clean = write_parquet(_expected(columns), tmp_path / "clean.parquet")
    assert written_by_ecotrack(clean)
    for engine in ("duckdb", "python"):
        dirty = evaluate_files("parquet", [path], year=2015, engine=engine).result.to_json()
        want = evaluate_files("parquet", [clean], year=2015, engine=engine).result.to_json()
        assert dirty["flagged"]["implausible"]["count"] == 3
        assert want["flagged"] == {}
        for key in ("annual", "days_by_category", "valid_days", "missing_hours"):
            assert dirty[key] == want[key], key


def test_clean_user_parquet_is_evaluated_as_it_is(tmp_path):
    path = _save(_user_columns(), tmp_path / "user.parquet")
    checked = check_parquet([path], tmp_path / "checked.parquet")
    assert (checked.paths, checked.flags.to_json(), checked.copied) == ([path], {}, False)
    # Another integer type for the hour: checked, then copied in the layout's types.
    other = _save(_user_columns(), tmp_path / "int64.parquet", {"hour": pa.int64()})
    checked = check_parquet([other], tmp_path / "checked.parquet")
    assert checked.copied and checked.flags.to_json() == {}
    assert _key(read_parquet(checked.paths)) == _key(read_parquet([path]))


def test_duplicates_across_files_are_flagged(tmp_path):
    columns = _user_columns()
    first = _save(columns, tmp_path / "a.parquet")
    second = _save({k: v[:3] for k, v in columns.items()}, tmp_path / "b.parquet")
    result = evaluate_files("parquet", [first, second], year=2015).result.to_json()
    examples = result["flagged"]["duplicate_hour"]["examples"]
    assert result["flagged"]["duplicate_hour"]["count"] == 6
    assert [(e["file"], e["row"]) for e in examples] == [
        (str(first), 1), (str(first), 2), (str(first), 3), (str(second), 1), (str(second), 2)]


def test_files_with_the_layout_key_are_checked_too(tmp_path):
    """The key comes with hourly.SCHEMA (any script can write it): it is not trusted."""
    table = _expected(_user_columns())
    table.values["pm25"][0] = -3.0  # cannot come from a reader
    path = write_parquet(table, tmp_path / "ours.parquet")
    assert pq.read_schema(path).metadata[LAYOUT_KEY] == b"1"
    result = evaluate_files("parquet", [path], year=2015).result.to_json()
    assert result["flagged"]["negative"] == {"count": 1, "by_field": {"pm25": 1}, "examples": [
        {"file": str(path), "row": 1, "field": "pm25", "value": "-3.0"}]}
    # A clean file with the key is evaluated in place.
    table.values["pm25"][0] = None
    clean = write_parquet(table, tmp_path / "clean.parquet")
    checked = check_parquet([clean], tmp_path / "checked.parquet")
    assert (checked.paths, checked.copied) == ([clean], False)


@pytest.mark.parametrize(
    ("field", "values", "type_", "message"),
    [
        ("co", None, None, "missing column"),
        ("pm25", ["1.0"], pa.string(), "type string"),
        ("date", ["2015-01-01"], pa.string(), "wants a date"),
        ("hour", [1.0], pa.float64(), "wants an integer"),
        ("station", [1001], pa.int32(), "wants text"),
    ],
)
def test_structural_problems_stop_naming_file_and_field(tmp_path, field, values, type_,
                                                        message):
    columns: dict[str, list[object]] = {"station": ["1001A"], "date": [date(2015, 1, 1)],
                                        "hour": [1], **{p: [1.0] for p in POLLUTANTS}}
    if values is None:
        del columns[field]
    else:
        columns[field] = values
    path = _save(columns, tmp_path / "bad.parquet", {field: type_} if type_ else None)
    for run in (lambda: check_parquet([path], tmp_path / "x.parquet"),
                lambda: evaluate_files("parquet", [path], year=2015)):
        with pytest.raises(AirDataError, match=message) as caught:
            run()
        assert (caught.value.file, caught.value.field) == (str(path), field)
        assert str(path) in str(caught.value)


def test_unreadable_parquet_names_the_file(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(AirDataError, match="not a readable Parquet file") as caught:
        evaluate_files("parquet", [path], year=2015)
    assert caught.value.file == str(path)


def test_nan_in_an_exactly_typed_file_is_missing_never_used(tmp_path):
    """NaN is left out of Parquet min/max statistics; the check must still see it (a DuckDB
    filter pruned on those statistics finds no NaN row), or the file would pass as clean
    and the engine would average NaN."""
    columns = _user_columns()
    columns["so2"][100] = math.nan
    path = _save(columns, tmp_path / "nan.parquet")
    checked = check_parquet([path], tmp_path / "checked.parquet")
    assert checked.copied and checked.flags.to_json() == {}
    back = read_parquet(checked.paths)
    assert _key(back) == _key(_expected(columns))
    assert not any(isinstance(v, float) and math.isnan(v) for v in back.values["so2"])
