"""GB/T 8170 rounding, the IAQI ceiling, and the HJ 663 percentile (hand-worked examples)."""

from __future__ import annotations

import duckdb
import pytest

from ecotrack.core.air.percentile import hj663_percentile
from ecotrack.core.air.rounding import ceil_index, gbt8170_round
from ecotrack.core.air.sql import round_gbt8170


def test_percentile_example_of_hj663_annex_a():
    # standards.md §2.3: {3,4,8,2,5,4}, p=90 → sorted 2,3,4,4,5,8; k = 1+5×0.9 = 5.5;
    # s = 5; 5 + (8−5)×0.5 = 6.5.
    assert hj663_percentile([3, 4, 8, 2, 5, 4], 90) == 6.5


def test_percentile_by_hand():
    # n = 5, p = 95: k = 1+4×0.95 = 4.8 → X(4)+(X(5)−X(4))×0.8 = 40+10×0.8 = 48.
    assert hj663_percentile([10, 50, 20, 40, 30], 95) == pytest.approx(48)
    assert hj663_percentile([7.0], 90) == 7.0
    assert hj663_percentile([1, 2, None, 3], 100) == 3
    assert hj663_percentile([None], 50) is None
    with pytest.raises(ValueError):
        hj663_percentile([1], 101)


def test_duckdb_quantile_cont_is_the_hj663_percentile():
    values = [3, 4, 8, 2, 5, 4]
    got = duckdb.connect().execute(
        "SELECT quantile_cont(x, 0.9) FROM (SELECT unnest(?) AS x)", [values]
    ).fetchone()
    assert got is not None and got[0] == 6.5


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        # 四舍六入五成双: a 5 with nothing after rounds to the even neighbour.
        (45.5, 0, 46.0),
        (44.5, 0, 44.0),
        (44.51, 0, 45.0),
        (44.49, 0, 44.0),
        (0.35, 1, 0.4),  # 0.35 is 0.34999… in binary: still a tie in decimal
        (0.25, 1, 0.2),
        (0.45, 1, 0.4),
        (2.449, 1, 2.4),
        (2.46, 1, 2.5),
        (74.5, 0, 74.0),  # PM2.5 74.5 → 74 (良 under 2012), not 75
        (0.0, 0, 0.0),
    ],
)
def test_gbt8170_round(value, decimals, expected):
    assert gbt8170_round(value, decimals) == expected


def test_summation_noise_does_not_change_a_tie():
    noisy = sum([0.1] * 35) / 10  # 0.35000000000000003 or similar
    assert gbt8170_round(noisy, 1) == 0.4


def test_sql_rounding_equals_python_on_a_grid():
    values = [i / 200 for i in range(0, 2000)] + [i + 0.5 for i in range(60)]
    for decimals in (0, 1):
        expr = round_gbt8170("x", decimals)
        rows = duckdb.sql(
            f"SELECT x, {expr} FROM (SELECT unnest(?) AS x)", params=[values]  # noqa: S608
        ).fetchall()
        for x, got in rows:
            assert got == gbt8170_round(x, decimals), (x, decimals)


def test_ceiling_ignores_float_artefacts():
    assert ceil_index(50.0000000000001) == 50
    assert ceil_index(50.01) == 51
    assert ceil_index(51.25) == 52
