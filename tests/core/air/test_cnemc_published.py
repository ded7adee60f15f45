"""Station daily statistics against the ones CNEMC itself published, on real release files.

The fixture (tests/fixtures/air/cnemc, see its README) is the CNEMC hourly release from
2022-01-01 00:00 to 2022-01-03 00:00 for Beijing's 24 and Hohhot's 8 national stations. The
row labelled 00:00 of day D+1 carries CNEMC's own statistics of day D: the 24-h means (e.g.
`pm2_5_24h`), the day's highest 1-h O3 and its highest 8-h O3 (in this archive under `o3` and
`o3_8h`, the columns being swapped with `o3_24h` and `o3_8h_24h`). The engine computes the
same statistics from the 1-h values alone, so they must agree for every station-day whose 24
hours are all in the files (CNEMC's own means also use hours its release left out).
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ecotrack.core.air.csv_duckdb import ingest_csv
from ecotrack.core.air.duckdb_engine import evaluate_cities_duckdb
from ecotrack.core.air.hour_labels import END, START

from .conftest import FIXTURES

FILES = sorted((FIXTURES / "cnemc").glob("*.csv"))
DAYS = (date(2022, 1, 1), date(2022, 1, 2))
# Engine statistic → (published column at 00:00 of the next day, 1-h column it comes from).
PUBLISHED = {
    "pm25": ("pm2_5_24h", "pm2_5"), "pm10": ("pm10_24h", "pm10"), "so2": ("so2_24h", "so2"),
    "no2": ("no2_24h", "no2"), "co": ("co_24h", "co"),
    "o3_1h": ("o3", "o3_24h"), "o3_8h": ("o3_8h", "o3_24h"),
}
# CNEMC publishes integers (CO: one decimal), rounded from the same hourly values: ours must
# be within half a unit (the 1-h maximum exactly). EPSILON absorbs binary fractions (0.95).
TOLERANCE = {"co": 0.05, "o3_1h": 0.0}
EPSILON = 1e-9


def _releases() -> dict[str, dict[datetime, dict[str, str]]]:
    """station → label time → the release row."""
    out: dict[str, dict[datetime, dict[str, str]]] = {}
    for path in FILES:
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                out.setdefault(row["stationcode"], {})[
                    datetime.fromisoformat(row["timepoint"])] = row
    return out


def _complete(rows: dict[datetime, dict[str, str]], day: date, column: str) -> bool:
    """All 24 hours of the natural day (labels 01:00 … 24:00) have a value in `column`."""
    first = datetime.combine(day, datetime.min.time()) + timedelta(hours=1)
    labels = [first + timedelta(hours=h) for h in range(24)]
    return all(label in rows and rows[label][column] != "" for label in labels)


def _station_days(tmp_path: Path, hour_label: str) -> dict[tuple[str, date], object]:
    """Each station as its own 'city': the engine's daily values are the station's."""
    ingested = ingest_csv("cnemc", FILES, tmp_path / f"{hour_label}.parquet", year=2022,
                          hour_label=hour_label)
    stations = sorted(_releases())
    result = evaluate_cities_duckdb([ingested.parquet], {s: s for s in stations}, 2022)
    return {(s, d.day): d for s, one in result.items() for d in one.days}


def _compare(tmp_path: Path, hour_label: str) -> tuple[int, list[str]]:
    """(station-days compared, disagreements) over every statistic."""
    releases, ours = _releases(), _station_days(tmp_path, hour_label)
    compared, wrong = 0, []
    for station, rows in releases.items():
        for day in DAYS:
            published_row = rows.get(datetime.combine(day + timedelta(days=1),
                                                      datetime.min.time()))
            for statistic, (column, hourly_column) in PUBLISHED.items():
                if published_row is None or published_row[column] == "":
                    continue
                if not _complete(rows, day, hourly_column):
                    continue
                value = ours[(station, day)].raw[statistic]
                published = float(published_row[column])
                compared += 1
                allowed = TOLERANCE.get(statistic, 0.5) + EPSILON
                if value is None or abs(value - published) > allowed:
                    wrong.append(f"{station} {day} {statistic}: ours {value}, CNEMC {published}")
    return compared, wrong


def test_every_daily_statistic_agrees_with_cnemc(tmp_path):
    compared, wrong = _compare(tmp_path, END)
    assert wrong == []
    # 32 stations × 2 days × 7 statistics, less the days the release has hours missing.
    assert compared >= 350


def test_reading_labels_as_hour_starts_disagrees(tmp_path):
    # The same check fails when 00:00 is taken as the first hour of its date: the days and
    # the 8-h windows shift by an hour (mostly seen in the daily maximum 8-h O3).
    _compared, wrong = _compare(tmp_path, START)
    assert len(wrong) >= 10
    assert any("o3_8h" in w for w in wrong)


def test_release_at_midnight_is_the_last_hour_of_the_day_before(tmp_path):
    ingested = ingest_csv("cnemc", FILES[:1], tmp_path / "one.parquet")
    import pyarrow.parquet as pq

    table = pq.read_table(ingested.parquet)
    assert FILES[0].name == "2022-01-01T00.csv"
    assert set(table.column("date").to_pylist()) == {date(2021, 12, 31)}
    assert set(table.column("hour").to_pylist()) == {23}


@pytest.mark.parametrize("engine", ["duckdb", "python"])
def test_swapped_o3_columns_are_noticed_and_said(engine, tmp_path):
    from ecotrack.core.air.evaluate import evaluate_files

    evaluation = evaluate_files("cnemc", FILES, year=2022, city="呼和浩特市", engine=engine,
                                workdir=tmp_path)
    notes = evaluation.result.to_json()["input_notes"]
    assert [n["files"] for n in notes] == [len(FILES)]
    assert "o3_24h" in notes[0]["note"]
    assert evaluation.result.to_json()["hour_label"] == END


@pytest.mark.parametrize("reader", ["python", "duckdb"])
def test_o3_columns_that_contradict_each_other_stop_the_run(reader, tmp_path):
    from ecotrack.core.air.errors import AirDataError
    from ecotrack.core.air.readers import read_files

    with open(FILES[12], encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    o3, o3_max = rows[0].index("o3"), rows[0].index("o3_24h")
    rows[3][o3], rows[3][o3_max] = "1", "40"  # line 4: o3 now below its partner
    bad = tmp_path / FILES[12].name
    with open(bad, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "out.parquet"
    with pytest.raises(AirDataError) as caught:
        if reader == "python":
            read_files("cnemc", [FILES[0], bad])
        else:
            ingest_csv("cnemc", [FILES[0], bad], out)
    error = caught.value
    assert (Path(str(error.file)).name, error.row, error.field) == (bad.name, 2, "o3")
    assert "below it in row 4" in str(error)
    assert not out.exists()
