"""Arrow arrays from buffers equal what pa.array() builds, and import no pandas."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import numpy as np
import pyarrow as pa
import pytest

from ecotrack.core.air import arrow_columns


def test_strings_hold_any_text():
    texts = ["1001A", "万寿西宫", "", "Xilinhot 锡林浩特", "a'b\"c"]
    assert arrow_columns.strings(texts).equals(pa.array(texts, pa.string()))
    assert arrow_columns.strings([]).equals(pa.array([], pa.string()))


def test_numbers_and_nulls():
    values = np.array([1.5, np.nan, 3.0])
    got = arrow_columns.numbers(values, pa.float64(), np.isnan(values))
    assert got.to_pylist() == [1.5, None, 3.0]
    assert arrow_columns.numbers(np.array([7, 8], np.int64), pa.int64()).to_pylist() == [7, 8]


def test_dates_and_labels():
    days = [dt.date(2016, 2, 29), dt.date(1969, 12, 31)]
    assert arrow_columns.dates(days).to_pylist() == days
    labelled = arrow_columns.labels(["通辽", "锡林浩特", "通辽"], np.array([2, 1, 0, 1]))
    assert labelled.to_pylist() == ["通辽", "锡林浩特", "通辽", "锡林浩特"]


@pytest.mark.parametrize("offset", [0, 3, 9])
def test_column_numpy_reads_nulls_offsets_chunks_and_casts(offset):
    raw = [None if i % 4 == 0 else float(i) for i in range(20)]
    array = pa.array(raw, pa.float64()).slice(offset)
    got = arrow_columns.column_numpy(array, pa.float64(), np.float64, np.nan)
    expected = [np.nan if v is None else v for v in raw[offset:]]
    np.testing.assert_array_equal(got, expected)
    chunked = pa.chunked_array([pa.array(raw[:5], pa.float32()), pa.array(raw[5:], pa.float32())])
    np.testing.assert_array_equal(
        arrow_columns.column_numpy(chunked, pa.float64(), np.float64, np.nan),
        [np.nan if v is None else v for v in raw])
    hours = pa.array([3, None, 23], pa.int8())
    assert arrow_columns.column_numpy(hours, pa.int32(), np.int32, -1).tolist() == [3, -1, 23]


def test_an_evaluation_does_not_import_pandas(tmp_path):
    """pandas is installed (benchmarks, Spark); importing it would cost a one-shot run ≈ 1 s."""
    from ecotrack.core.air.hourly import HourlyTable, write_parquet

    table = HourlyTable()
    for hour in range(24):
        table.append("S1", dt.date(2015, 1, 1), hour, [10.0, 20.0, 30.0, 0.5, 40.0, 25.0])
    path = write_parquet(table, tmp_path / "a.parquet")
    code = (
        "import sys, datetime as dt;"
        "from ecotrack.core.air.duckdb_engine import evaluate_cities_duckdb;"
        "from ecotrack.core.air.station_day_kernel import station_day_table;"
        f"r = evaluate_cities_duckdb([{str(path)!r}], {{'S1': 'c'}}, 2015,"
        " dust_days={dt.date(2015, 1, 1)}, station_days='sql');"
        f"station_day_table([{str(path)!r}], ['S1'], ['c'], 2015);"
        "print(r['c'].days[0].aqi, 'pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    assert out[1] == "False"
    assert int(out[0]) > 0
