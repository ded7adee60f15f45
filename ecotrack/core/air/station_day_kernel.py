"""Station days of large inputs, compiled with Numba: the columns of `sql.station_day_sql`.

Why: on a national year (17.5 M station-hours) the grouped SQL pass that turns hours into
station days is most of the DuckDB engine's time, and no SQL formulation measured was
fast enough (docs/air.md). Here the same statistics cost about a third of it: the hours
are added into dense arrays indexed by (station, day of year), with no hashing and no
sorting. The city days and the annual statistics stay in DuckDB SQL (duckdb_engine.py);
the result of this module is registered as the `station_day` relation in place of the
SQL's.

Same numbers as the SQL, not just close ones:
- a daily mean is the sum of the hours in the order the rows arrive, divided by their count
  (as DuckDB's AVG adds them on one thread; the Python reference adds them in hour order,
  which is the order of a sorted file);
- an O3 8-h window adds its 8 slots left to right with a missing hour as 0.0 (x + 0.0 is x),
  as the SQL and the reference do;
- `n_rows`, `slot_mask`, `min_slot`, `max_slot` are computed as in the SQL, so the engine's
  one-row-per-hour proof (duckdb_engine._check_one_row_per_hour) runs unchanged on them;
- null is missing; so is NaN (the checked inputs never hold NaN: parquet_duckdb turns it into
  null; DuckDB's COUNT would count a raw NaN as a value).

The validity numbers come from `standards.VALIDITY` as arguments: nothing is typed here.
Compiled functions are cached on disk (`cache=True`, next to this file or in
NUMBA_CACHE_DIR): the first call after an install compiles (≈ 5 s); a later process imports
Numba and loads them (≈ 0.35 s with the installed bytecode, `make install`), which is why
`station_days="auto"` starts the kernel only for large inputs and keeps using it once
started (duckdb_engine.COMPILED_FROM_ROWS_*).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numba
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .arrow_columns import buffers, column_numpy, epoch_day, labels, numbers
from .arrow_columns import table as arrow_table
from .errors import AirDataError
from .standards import DAILY_STATISTICS, VALIDITY

# The daily means, in the column order of sql.station_day_sql.
MEANS: tuple[str, ...] = tuple(s for s in DAILY_STATISTICS if s not in ("o3_1h", "o3_8h"))
DAYS = 366  # stride of the (station, day) index: every year fits
NULL_SLOT = np.iinfo(np.int32).min  # an hour of null: a row in no slot (SQL's NULL slot)
_NO_DATE = np.iinfo(np.int32).min // 2  # a date of null: in no year (and no overflow)
SLOTS = 24
_POLLUTANTS = (*(DAILY_STATISTICS[s] for s in MEANS), "o3")  # the order _accumulate reads
_COLUMNS = ["station", "date", "hour", *_POLLUTANTS]
if _POLLUTANTS[5:] != ("o3",) or len(_POLLUTANTS) != 6:
    # _accumulate reads the pollutants by position; a new daily statistic needs it changed.
    raise ImportError(f"station_day_kernel reads 5 means and o3, not {_POLLUTANTS}")
_READ_AHEAD = 4  # row groups decoded ahead of the accumulation (bounds memory)
_started = False  # whether this process has loaded the compiled code (see started())

if "NUMBA_THREADING_LAYER" not in os.environ:
    # OpenMP's workers spin after a parallel region and take the CPU from DuckDB's next
    # statement; Numba's own work queue does not (the evaluation measured 4–8 % faster).
    numba.config.THREADING_LAYER = "workqueue"  # type: ignore[attr-defined]


def started() -> bool:
    """Whether a call in this process has already paid for loading the compiled code."""
    return _started


@numba.njit(cache=True, nogil=True)
def _accumulate(sid, doy, slot,  # one batch of hours: keys, then each pollutant as its
                so2, so2_valid, so2_at, no2, no2_valid, no2_at,  # Arrow values buffer,
                pm10, pm10_valid, pm10_at, co, co_valid, co_at,  # validity bitmap and
                pm25, pm25_valid, pm25_at, o3, o3_valid, o3_at,  # offset, read in place
                n_rows, slot_mask, min_slot, max_slot, sums, counts,  # per cell
                o3_count, o3_max, o3_mask, o3_slots):  # pragma: no cover (compiled)
    """Add one batch of hours into the cells; sums grow in arrival order.

    Written out per pollutant on purpose (national year, this machine): indexing a tuple of
    arrays in the loop measured ≈ 1.7× slower, and a helper taking the arrays is called,
    not inlined, per row: 4–7× slower (with `inline="always"`: 8×). Reading Arrow's
    validity bits here, instead of filling NaN into copies with numpy first, saves
    ≈ 0.45 CPU-s.
    """
    for i in range(sid.shape[0]):
        s = sid[i]
        d = doy[i]
        if s < 0 or d < 1 or d > DAYS:
            continue  # no station, a station of no city, no date or another year
        cell = s * DAYS + d - 1
        h = slot[i]
        n_rows[cell] += 1
        if h != NULL_SLOT:
            if 0 <= h < 64:
                slot_mask[cell] |= np.int64(1) << np.int64(h)
            min_slot[cell] = min(min_slot[cell], h)
            max_slot[cell] = max(max_slot[cell], h)
        bit = so2_at + i
        if so2_valid.shape[0] == 0 or (so2_valid[bit >> 3] >> (bit & 7)) & 1:
            v = so2[i]
            if not np.isnan(v):
                sums[cell, 0] += v
                counts[cell, 0] += 1
        bit = no2_at + i
        if no2_valid.shape[0] == 0 or (no2_valid[bit >> 3] >> (bit & 7)) & 1:
            v = no2[i]
            if not np.isnan(v):
                sums[cell, 1] += v
                counts[cell, 1] += 1
        bit = pm10_at + i
        if pm10_valid.shape[0] == 0 or (pm10_valid[bit >> 3] >> (bit & 7)) & 1:
            v = pm10[i]
            if not np.isnan(v):
                sums[cell, 2] += v
                counts[cell, 2] += 1
        bit = co_at + i
        if co_valid.shape[0] == 0 or (co_valid[bit >> 3] >> (bit & 7)) & 1:
            v = co[i]
            if not np.isnan(v):
                sums[cell, 3] += v
                counts[cell, 3] += 1
        bit = pm25_at + i
        if pm25_valid.shape[0] == 0 or (pm25_valid[bit >> 3] >> (bit & 7)) & 1:
            v = pm25[i]
            if not np.isnan(v):
                sums[cell, 4] += v
                counts[cell, 4] += 1
        bit = o3_at + i
        v = o3[i]
        if (o3_valid.shape[0] == 0 or (o3_valid[bit >> 3] >> (bit & 7)) & 1) \
                and not np.isnan(v):
            o3_count[cell] += 1
            if o3_count[cell] == 1 or v > o3_max[cell]:
                o3_max[cell] = v
            if 0 <= h < SLOTS:
                o3_mask[cell] |= np.int64(1) << np.int64(h)
                o3_slots[cell, h] = v


@numba.njit(cache=True, parallel=True)
def _finalize(cells, sums, counts, o3_count, o3_max, o3_mask, o3_slots,
              hours_per_day, window_hours, hours_per_window, first_window_end,
              windows_per_day, o3_8h_limit,
              means_out, o3_1h_out, o3_8h_out):  # pragma: no cover (compiled)
    nan = np.nan
    for j in numba.prange(cells.shape[0]):
        cell = cells[j]
        for k in range(sums.shape[1]):
            n = counts[cell, k]
            means_out[k, j] = sums[cell, k] / n if n >= hours_per_day else nan
        o3_1h_out[j] = o3_max[cell] if o3_count[cell] >= hours_per_day else nan
        mask = o3_mask[cell]
        best = nan
        n_windows = 0
        for end in range(first_window_end, SLOTS):
            first = end - window_hours + 1
            n = 0
            for h in range(first, end + 1):
                n += (mask >> h) & 1
            if n < hours_per_window:
                continue
            total = o3_slots[cell, first]
            for h in range(first + 1, end + 1):
                total += o3_slots[cell, h]  # a missing hour is 0.0: adds nothing
            mean = total / n
            n_windows += 1
            if n_windows == 1 or mean > best:
                best = mean
        valid = n_windows > 0 and (n_windows >= windows_per_day or best > o3_8h_limit)
        o3_8h_out[j] = best if valid else nan


@dataclass
class _Cells:
    """Running totals of every (station, day of year) cell."""

    n_rows: np.ndarray
    slot_mask: np.ndarray
    min_slot: np.ndarray
    max_slot: np.ndarray
    sums: np.ndarray
    counts: np.ndarray
    o3_count: np.ndarray
    o3_max: np.ndarray
    o3_mask: np.ndarray
    o3_slots: np.ndarray

    @classmethod
    def empty(cls, stations: int) -> _Cells:
        n = stations * DAYS
        return cls(
            n_rows=np.zeros(n, np.int64),
            slot_mask=np.zeros(n, np.int64),
            min_slot=np.full(n, np.iinfo(np.int32).max, np.int32),
            max_slot=np.full(n, np.iinfo(np.int32).min, np.int32),
            sums=np.zeros((n, len(MEANS)), np.float64),  # a cell's sums share a cache line
            counts=np.zeros((n, len(MEANS)), np.int32),
            o3_count=np.zeros(n, np.int32),
            o3_max=np.zeros(n, np.float64),
            o3_mask=np.zeros(n, np.int64),
            o3_slots=np.zeros((n, SLOTS), np.float64),
        )


@dataclass
class _Batch:
    """One row group as the arguments of _accumulate."""

    sid: np.ndarray  # station number, -1: no station or a station of no city
    doy: np.ndarray  # day of the year asked for; out of 1…366 for other years and no date
    slot: np.ndarray  # hour, NULL_SLOT for null
    # per pollutant in _POLLUTANTS order, straight from the Arrow buffers: the values,
    # the validity bitmap (empty: no nulls) and its bit offset
    pollutants: list[tuple[np.ndarray, np.ndarray, int]]


class _Decoder:
    """A row group → _Batch, in a reader thread (Arrow releases the GIL meanwhile)."""

    def __init__(self, sid_of_station: dict[str, int], year: int) -> None:
        self.sid_of_station = sid_of_station
        self.day_zero = epoch_day(dt.date(year, 1, 1)) - 1  # day 1 of the year is 1

    def __call__(self, table: pa.Table, path: Path) -> _Batch:
        days = column_numpy(table.column("date").cast(pa.date32()), pa.int32(), np.int32,
                            _NO_DATE)
        return _Batch(
            sid=self._sids(table.column("station")),
            doy=days - np.int32(self.day_zero),
            slot=self._slots(table.column("hour"), path),
            pollutants=[buffers(table.column(p), pa.float64(), np.float64)
                        for p in _POLLUTANTS],
        )

    def _sids(self, column: pa.ChunkedArray) -> np.ndarray:
        parts = []
        for chunk in column.chunks:
            if not pa.types.is_dictionary(chunk.type):
                chunk = chunk.dictionary_encode()
            codes = chunk.dictionary.to_pylist()
            # the extra last entry answers for a null station
            lookup = np.array([self.sid_of_station.get(c, -1) for c in codes] + [-1], np.int32)
            parts.append(lookup[column_numpy(chunk.indices, pa.int32(), np.int32, len(codes))])
        return np.concatenate(parts) if parts else np.empty(0, np.int32)

    @staticmethod
    def _slots(column: pa.ChunkedArray, path: Path) -> np.ndarray:
        try:
            return column_numpy(column, pa.int32(), np.int32, NULL_SLOT)
        except pa.ArrowInvalid:
            raise AirDataError("an hour outside 0…23", file=str(path), field="hour") from None


def _row_groups(paths: Sequence[Path]) -> Iterator[tuple[Path, pq.FileMetaData, int]]:
    for path in paths:
        metadata = pq.read_metadata(path)
        for group in range(metadata.num_row_groups):
            yield path, metadata, group


def _decoded(paths: Sequence[Path], decode: _Decoder, threads: int) -> Iterator[_Batch]:
    """Row groups decoded by `threads` Arrow threads, in order, a few ahead of the caller."""

    def read(job: tuple[Path, pq.FileMetaData, int]) -> _Batch:
        path, metadata, group = job
        # A ParquetFile is not safe to share between threads: one reader per row group,
        # from the footer parsed once.
        file = pq.ParquetFile(path, metadata=metadata, read_dictionary=["station"])
        return decode(file.read_row_group(group, columns=_COLUMNS, use_threads=False), path)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        pending = []
        for job in _row_groups(paths):
            pending.append(pool.submit(read, job))
            if len(pending) > _READ_AHEAD:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def station_day_table(
    paths: Sequence[Path], stations: Sequence[str], cities: Sequence[str], year: int,
    *, threads: int | None = None,
) -> pa.Table:
    """Station days of `year` for the given stations (cities[i] is the city of stations[i]).

    Columns and types as the SQL's station_day relation: city, station, obs_day, n_rows,
    slot_mask, min_slot, max_slot, the daily means, o3_1h, o3_8h (NULL where not valid).
    Rows of other stations and other years are skipped; row order is not meaningful.
    """
    global _started
    before = numba.get_num_threads()  # Numba's pool: one thread per core unless set lower
    threads = max(1, min(threads or before, before))
    cells = _Cells.empty(len(stations))
    decode = _Decoder({s: i for i, s in enumerate(stations)}, year)
    for b in _decoded(paths, decode, threads):
        so2, no2, pm10, co, pm25, o3 = b.pollutants  # _POLLUTANTS order
        _accumulate(b.sid, b.doy, b.slot, *so2, *no2, *pm10, *co, *pm25, *o3,
                    cells.n_rows, cells.slot_mask, cells.min_slot, cells.max_slot,
                    cells.sums, cells.counts,
                    cells.o3_count, cells.o3_max, cells.o3_mask, cells.o3_slots)
    present = np.flatnonzero(cells.n_rows).astype(np.int64)
    means = np.empty((len(MEANS), len(present)), np.float64)
    o3_1h = np.empty(len(present), np.float64)
    o3_8h = np.empty(len(present), np.float64)
    v = VALIDITY
    numba.set_num_threads(threads)
    try:
        _finalize(present, cells.sums, cells.counts, cells.o3_count, cells.o3_max,
                  cells.o3_mask, cells.o3_slots,
                  v.hours_per_day, v.window_hours, v.hours_per_window,
                  v.first_window_end_slot, v.windows_per_day, float(v.o3_8h_limit),
                  means, o3_1h, o3_8h)
    finally:
        numba.set_num_threads(before)
    _started = True
    return _as_table(present, cells, stations, cities, year, means, o3_1h, o3_8h)


def _as_table(present: np.ndarray, cells: _Cells, stations: Sequence[str],
              cities: Sequence[str], year: int, means: np.ndarray,
              o3_1h: np.ndarray, o3_8h: np.ndarray) -> pa.Table:
    sid = present // DAYS
    first_day = epoch_day(dt.date(year, 1, 1))
    # SQL's MIN, MAX, bit_or over rows that all lack an hour are NULL
    no_slot = cells.min_slot[present] == np.iinfo(np.int32).max
    columns: dict[str, pa.Array] = {
        # dictionary-encoded: DuckDB groups the city days by it ≈ 20 % sooner (same values)
        "city": labels(cities, sid),
        "station": labels(stations, sid),
        "obs_day": numbers((present % DAYS + first_day).astype(np.int32), pa.date32()),
        "n_rows": numbers(cells.n_rows[present], pa.int64()),
        "slot_mask": numbers(cells.slot_mask[present], pa.int64(), no_slot),
        "min_slot": numbers(cells.min_slot[present], pa.int32(), no_slot),
        "max_slot": numbers(cells.max_slot[present], pa.int32(), no_slot),
    }
    for k, statistic in enumerate(MEANS):
        columns[statistic] = numbers(means[k], pa.float64(), np.isnan(means[k]))
    columns["o3_1h"] = numbers(o3_1h, pa.float64(), np.isnan(o3_1h))
    columns["o3_8h"] = numbers(o3_8h, pa.float64(), np.isnan(o3_8h))
    # the SQL's column order: the daily statistics as listed, o3_8h last
    order = [*list(columns)[:7], *(s for s in DAILY_STATISTICS if s != "o3_8h"), "o3_8h"]
    return arrow_table({name: columns[name] for name in order})
