"""The engine's normalized hourly table, in memory and as Parquet.

Parquet layout (one row per station and hour; version 1):

    station  string    station code, unique across the data set
    date     date32    calendar day in local time (China Standard Time, UTC+8)
    hour     int8      the hour's slot in that day, 0…23, as labelled by the source
    so2, no2, pm10, o3, pm25   float64  µg/m³ (hourly means; null = missing)
    co       float64   mg/m³

The file's key-value metadata carries `ecotrack.air.layout = 1` (it comes with SCHEMA).
`--format parquet` input is checked whether or not it carries the key (parquet_duckdb.py,
evaluate._checked_parquet): the key says which layout, not that the values were checked.
Station → city assignment is kept apart (station metadata CSV), because one station list
serves many years of data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import AirDataError
from .flags import DUPLICATE, FlagReport
from .standards import POLLUTANTS

LAYOUT_KEY = b"ecotrack.air.layout"
LAYOUT_VERSION = b"1"

SCHEMA = pa.schema(
    [
        pa.field("station", pa.string(), nullable=False),
        pa.field("date", pa.date32(), nullable=False),
        pa.field("hour", pa.int8(), nullable=False),
        *(pa.field(p, pa.float64()) for p in POLLUTANTS),
    ],
    metadata={LAYOUT_KEY: LAYOUT_VERSION},
)


@dataclass
class HourlyTable:
    """Columns of hourly values in canonical units, plus what the source said about cities."""

    station: list[str] = field(default_factory=list)
    date: list[dt.date] = field(default_factory=list)
    hour: list[int] = field(default_factory=list)
    values: dict[str, list[float | None]] = field(
        default_factory=lambda: {p: [] for p in POLLUTANTS}
    )
    city_of_station: dict[str, str] = field(default_factory=dict)
    # (file, row) of each record, where a reader knows it: names duplicates in the report.
    origin: list[tuple[str, int]] = field(default_factory=list)
    flags: FlagReport = field(default_factory=FlagReport)

    def __len__(self) -> int:
        return len(self.station)

    def append(
        self, station: str, day: dt.date, hour: int, row: Sequence[float | None],
        origin: tuple[str, int] | None = None,
    ) -> None:
        """Add one hour; `row` holds the values in POLLUTANTS order."""
        if origin is not None:
            self.origin.append(origin)
        self.station.append(station)
        self.date.append(day)
        self.hour.append(hour)
        for pollutant, value in zip(POLLUTANTS, row, strict=True):
            self.values[pollutant].append(value)

    def extend(self, other: HourlyTable) -> None:
        self.station += other.station
        self.date += other.date
        self.hour += other.hour
        for p in POLLUTANTS:
            self.values[p] += other.values[p]
        for station, city in other.city_of_station.items():
            self.city_of_station.setdefault(station, city)  # the first file that names it
        self.origin += other.origin
        self.flags.merge(other.flags)

    def only_year(self, year: int) -> HourlyTable:
        """The rows of one calendar year (the engines never look across a year's end)."""
        return self.select([i for i, d in enumerate(self.date) if d.year == year])

    def select(self, keep: Sequence[int]) -> HourlyTable:
        """The rows at `keep`, with the same cities and flags."""
        out = HourlyTable(city_of_station=dict(self.city_of_station), flags=self.flags)
        if len(self.origin) == len(self.station):
            out.origin = [self.origin[i] for i in keep]
        out.station = [self.station[i] for i in keep]
        out.date = [self.date[i] for i in keep]
        out.hour = [self.hour[i] for i in keep]
        out.values = {p: [self.values[p][i] for i in keep] for p in POLLUTANTS}
        return out

    def to_arrow(self) -> pa.Table:
        return pa.table(
            {
                "station": pa.array(self.station, pa.string()),
                "date": pa.array(self.date, pa.date32()),
                "hour": pa.array(self.hour, pa.int8()),
                **{p: pa.array(self.values[p], pa.float64()) for p in POLLUTANTS},
            },
            schema=SCHEMA,
        )


def drop_duplicate_hours(table: HourlyTable) -> HourlyTable:
    """One value per station and hour: every record of a duplicated hour is left out and flagged.

    Which copy is right cannot be known, so none is used (never silently averaged)."""
    rows: dict[tuple[str, dt.date, int], list[int]] = {}
    for i, key in enumerate(zip(table.station, table.date, table.hour, strict=True)):
        rows.setdefault(key, []).append(i)
    dropped = {i for idx in rows.values() if len(idx) > 1 for i in idx}
    if not dropped:
        return table
    known = len(table.origin) == len(table.station)
    for i in sorted(dropped):
        file, row = table.origin[i] if known else ("", i + 1)
        text = f"{table.station[i]} {table.date[i]} {table.hour[i]:02d}h"
        table.flags.flag(DUPLICATE, file, row, "station/time", text)
    return table.select([i for i in range(len(table)) if i not in dropped])


def write_parquet(table: HourlyTable, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table.to_arrow(), path, compression="zstd")
    return path


def read_parquet(paths: Iterable[Path]) -> HourlyTable:
    """Read normalized Parquet files (checking the layout) into an HourlyTable."""
    out = HourlyTable()
    for path in paths:
        data = pq.read_table(path)
        missing = [f.name for f in SCHEMA if f.name not in data.column_names]
        if missing:
            raise AirDataError(
                f"not the normalized air layout: missing column(s) {', '.join(missing)}",
                file=str(path), field=missing[0],
            )
        data = data.select(SCHEMA.names).cast(SCHEMA)
        out.station += data.column("station").to_pylist()
        out.date += data.column("date").to_pylist()
        out.hour += data.column("hour").to_pylist()
        for p in POLLUTANTS:
            out.values[p] += data.column(p).to_pylist()
    return out
