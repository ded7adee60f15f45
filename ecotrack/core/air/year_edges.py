"""The year's first and last hour: missing at every station, they are a file left out.

With CNEMC's hour-end labels (hour_labels.py) the year's last hour, 31 December
23:00–24:00, is the release labelled 1 January 00:00 of the next year: it sits in the next
year's folder of an archive, while the year's own 1 January 00:00 release belongs to the
year before. A user who takes one year's folder gets 31 December an hour short at every
station. The day keeps ≥ 20 hours, so nothing turns invalid and the means quietly use 23
values; "hours without any value" shows one hour per station but not why. This names it.

Reported only when the edge day itself has data (a year of data that simply ends earlier
is not a left-out file) and no evaluated station has any value in the edge hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from . import arrow_columns
from .hour_labels import END, check_hour_label
from .standards import POLLUTANTS

FIRST = "first"
LAST = "last"


@dataclass(frozen=True)
class EdgeGap:
    edge: str  # FIRST or LAST
    start: datetime  # the hour's start (slot of the normalized layout)
    label: datetime  # what the input's time labels call that hour

    def to_json(self) -> dict[str, Any]:
        return {"edge": self.edge, "hour_start": self.start.isoformat(timespec="minutes"),
                "label": self.label.isoformat(timespec="minutes")}


def label_of(start: datetime, hour_label: str) -> datetime:
    """How a source with `hour_label` labels the hour beginning at `start` (the inverse of
    hour_labels.slot_start)."""
    return start + timedelta(hours=1) if check_hour_label(hour_label) == END else start


def edge_hours(year: int) -> dict[str, datetime]:
    return {FIRST: datetime(year, 1, 1, 0), LAST: datetime(year, 12, 31, 23)}


def year_edge_gaps(parquet_paths: Sequence[Path], stations: Sequence[str], year: int,
                   hour_label: str) -> list[EdgeGap]:
    """The edge hours of `year` that no station has a value for, on edge days with data."""
    import duckdb

    any_value = " OR ".join(f"{p} IS NOT NULL" for p in POLLUTANTS)  # fixed names only
    edges = edge_hours(year)
    con = duckdb.connect()
    try:
        con.register("wanted", arrow_columns.table({
            "station": arrow_columns.strings(list(stations)),
        }))
        rows = con.execute(
            f"""SELECT DISTINCT "date", "hour" FROM read_parquet(?)
                WHERE "date" IN (?, ?) AND ({any_value})
                  AND station IN (SELECT station FROM wanted)""",  # noqa: S608 - fixed names
            [[str(p) for p in parquet_paths], edges[FIRST].date(), edges[LAST].date()],
        ).fetchall()
    finally:
        con.close()
    hours_with_values = {(day, hour) for day, hour in rows}
    days_with_values = {day for day, _hour in hours_with_values}
    return [
        EdgeGap(edge, start, label_of(start, hour_label))
        for edge, start in edges.items()
        if start.date() in days_with_values
        and (start.date(), start.hour) not in hours_with_values
    ]
