"""Station days of large inputs, compiled with Numba: the columns of `sql.station_day_sql`.

Why: on a national year (17.5 M station-hours) the grouped SQL pass that turns hours into
station days is most of the DuckDB engine's time, and no SQL formulation measured was
fast enough (docs/air.md). Here the same statistics cost about a third of it: the hours
are added into dense arrays indexed by (station, day of year): no hashing, no sorting. The city days
and the annual statistics stay in DuckDB SQL (duckdb_engine.py); the result of this module
is registered as the `station_day` relation in place of the SQL's.

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
Compiled functions are cached on disk (`cache=True`): the first call after an install
compiles (≈ 5 s); a later process imports Numba and loads them (≈ 1.4 s together), which is
why `station_days="auto"` starts the kernel only for very large inputs and keeps using it
once started (duckdb_engine.COMPILED_FROM_ROWS_*).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numba
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import AirDataError
from .standards import DAILY_STATISTICS, VALIDITY

# The daily means, in the column order of sql.station_day_sql.
MEANS: tuple[str, ...] = tuple(s for s in DAILY_STATISTICS if s not in ("o3_1h", "o3_8h"))
DAYS = 366  # stride of the (station, day) index: every year fits
NULL_SLOT = -128  # an hour of null: counted as a row, in no slot (as SQL's NULL slot)
SLOTS = 24
_POLLUTANTS = (*(DAILY_STATISTICS[s] for s in MEANS), "o3")  # the order _accumulate reads
_COLUMNS = ["station", "date", "hour", *_POLLUTANTS]
if _POLLUTANTS[5:] != ("o3",) or len(_POLLUTANTS) != 6:
    # _accumulate reads the pollutants by position; a new daily statistic needs it changed.
    raise ImportError(f"station_day_kernel reads 5 means and o3, not {_POLLUTANTS}")
_READ_AHEAD = 4  # row groups decoded ahead of the accumulation (bounds memory)
_started = False  # whether this process has loaded the compiled code (see started())


def started() -> bool:
    """Whether a call in this process has already paid for loading the compiled code."""
    return _started


@numba.njit(cache=True)
def _valid(bits, offset, i):  # pragma: no cover (compiled)
    """Bit i of an Arrow validity bitmap; an empty bitmap means no nulls."""
    if bits.shape[0] == 0:
        return True
    j = offset + i
    return (bits[j >> 3] >> (j & 7)) & 1 == 1


@numba.njit(cache=True)
def _add_hour(values, bits, offset, i, sums, counts, k, cell):  # pragma: no cover
    """Add row i of one pollutant into its cell's running sum (null and NaN are missing)."""
    if _valid(bits, offset, i):
        v = values[i]
        if not np.isnan(v):
            sums[k, cell] += v
            counts[k, cell] += 1


@numba.njit(cache=True, nogil=True)
def _accumulate(station, sid_of_code, days, day_zero, slots,  # key columns of a batch
                values, bits, offsets,  # the pollutants in _POLLUTANTS order
                n_rows, slot_mask, min_slot, max_slot, sums, counts,  # per cell
                o3_count, o3_max, o3_mask, o3_slots):  # pragma: no cover (compiled)
    """Add one batch of hours (Arrow buffers, read in place) into the cells.

    Sums grow in arrival order, whatever the order of the rows. The tuples are indexed by
    constants (a loop over a tuple compiles to a switch per access). Keeping a run's
    totals in local variables instead of the arrays measured 7× slower.
    """
    for i in range(station.shape[0]):
        if not (_valid(bits[6], offsets[6], i) and _valid(bits[7], offsets[7], i)):
            continue  # no station or no date: in no station-day (the SQL's join and WHERE)
        sid = sid_of_code[station[i]]
        day = days[i] - day_zero
        if sid < 0 or day < 1 or day > DAYS:
            continue  # a station of no city, or a day of another year
        cell = sid * DAYS + day - 1
        h = slots[i] if _valid(bits[8], offsets[8], i) else NULL_SLOT
        n_rows[cell] += 1
        if h != NULL_SLOT:
            if 0 <= h < 64:
                slot_mask[cell] |= np.int64(1) << np.int64(h)
            min_slot[cell] = min(min_slot[cell], h)
            max_slot[cell] = max(max_slot[cell], h)
        _add_hour(values[0], bits[0], offsets[0], i, sums, counts, 0, cell)
        _add_hour(values[1], bits[1], offsets[1], i, sums, counts, 1, cell)
        _add_hour(values[2], bits[2], offsets[2], i, sums, counts, 2, cell)
        _add_hour(values[3], bits[3], offsets[3], i, sums, counts, 3, cell)
        _add_hour(values[4], bits[4], offsets[4], i, sums, counts, 4, cell)
        if _valid(bits[5], offsets[5], i):
            v = values[5][i]
            if not np.isnan(v):
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
        for k in range(sums.shape[0]):
            n = counts[k, cell]
            means_out[k, j] = sums[k, cell] / n if n >= hours_per_day else nan
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
            sums=np.zeros((len(MEANS), n), np.float64),
            counts=np.zeros((len(MEANS), n), np.int32),
            o3_count=np.zeros(n, np.int32),
            o3_max=np.zeros(n, np.float64),
            o3_mask=np.zeros(n, np.int64),
            o3_slots=np.zeros((n, SLOTS), np.float64),
        )


_NO_NULLS = np.empty(0, np.uint8)
_NO_NULLS.setflags(write=False)  # read-only like the Arrow buffers: one compiled signature


def _read_only(buffer: pa.Buffer, dtype: type) -> np.ndarray:
    # Arrow hands out some buffers mutable, some not: one type for Numba either way.
    view: np.ndarray = np.frombuffer(buffer, dtype)
    view.setflags(write=False)
    return view


def _fixed_width(array: pa.Array, dtype: type) -> tuple[np.ndarray, np.ndarray, int]:
    """Values and validity bitmap of an Arrow array, in place (no copy, no NaN filling)."""
    validity, data = array.buffers()[:2]
    values = _read_only(data, dtype)[array.offset:array.offset + len(array)]
    if validity is None or array.null_count == 0:
        return values, _NO_NULLS, 0
    return values, _read_only(validity, np.uint8), array.offset


@dataclass
class _Batch:
    """One record batch as the arguments of _accumulate."""

    station: np.ndarray  # dictionary indices
    sid_of_code: np.ndarray  # dictionary entry → station number (-1: no city)
    days: np.ndarray  # date32: days since 1970-01-01
    slots: np.ndarray
    values: tuple[np.ndarray, ...]  # MEANS…, then o3
    bits: tuple[np.ndarray, ...]  # validity of values…, station, date, hour
    offsets: np.ndarray


class _Decoder:
    """Row groups → _Batch: the Arrow buffers in place, types made the layout's."""

    def __init__(self, sid_of_station: dict[str, int]) -> None:
        self.sid_of_station = sid_of_station

    def __call__(self, table: pa.Table, path: Path) -> list[_Batch]:
        return [self.batch(b, path) for b in table.to_batches()]

    def batch(self, batch: pa.RecordBatch, path: Path) -> _Batch:
        station = batch.column("station")
        if not pa.types.is_dictionary(station.type):
            station = station.dictionary_encode()
        codes = station.dictionary.to_pylist()
        indices = station.indices.cast(pa.int32())
        hour = batch.column("hour")
        if hour.type != pa.int8():
            try:
                hour = hour.cast(pa.int8())
            except pa.ArrowInvalid:
                raise AirDataError("an hour outside 0…23", file=str(path), field="hour") from None
        columns = [
            _fixed_width(batch.column(p).cast(pa.float64()), np.float64) for p in _POLLUTANTS
        ]
        columns += [_fixed_width(indices, np.int32),
                    _fixed_width(batch.column("date").cast(pa.date32()), np.int32),
                    _fixed_width(hour, np.int8)]
        return _Batch(
            station=columns[-3][0],
            sid_of_code=np.array([self.sid_of_station.get(c, -1) for c in codes], np.int32),
            days=columns[-2][0],
            slots=columns[-1][0],
            values=tuple(c[0] for c in columns[:-3]),
            bits=tuple(c[1] for c in columns),
            offsets=np.array([c[2] for c in columns], np.int64),
        )


def _row_groups(paths: Sequence[Path]) -> Iterator[tuple[Path, pq.FileMetaData, int]]:
    for path in paths:
        metadata = pq.read_metadata(path)
        for group in range(metadata.num_row_groups):
            yield path, metadata, group


def _decoded(paths: Sequence[Path], decode: _Decoder, threads: int) -> Iterator[_Batch]:
    """Row groups decoded by `threads` Arrow threads, in order, a few ahead of the caller."""

    def read(job: tuple[Path, pq.FileMetaData, int]) -> list[_Batch]:
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
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


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
    decode = _Decoder({s: i for i, s in enumerate(stations)})
    day_zero = (dt.date(year, 1, 1) - dt.date(1970, 1, 1)).days - 1
    for b in _decoded(paths, decode, threads):
        _accumulate(b.station, b.sid_of_code, b.days, day_zero, b.slots,
                    b.values, b.bits, b.offsets,
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


def _nullable(values: np.ndarray) -> pa.Array:
    return pa.array(values, pa.float64(), from_pandas=True)  # NaN → null


def _as_table(present: np.ndarray, cells: _Cells, stations: Sequence[str],
              cities: Sequence[str], year: int, means: np.ndarray,
              o3_1h: np.ndarray, o3_8h: np.ndarray) -> pa.Table:
    sid = pa.array(present // DAYS)
    first_day = (dt.date(year, 1, 1) - dt.date(1970, 1, 1)).days
    obs_day = pa.array((present % DAYS + first_day).astype(np.int32)).cast(pa.date32())
    # SQL's MIN, MAX, bit_or over rows that all lack an hour are NULL
    no_slot = cells.min_slot[present] == np.iinfo(np.int32).max
    columns: dict[str, pa.Array] = {
        "city": pa.array(list(cities), pa.string()).take(sid),
        "station": pa.array(list(stations), pa.string()).take(sid),
        "obs_day": obs_day,
        "n_rows": pa.array(cells.n_rows[present]),
        "slot_mask": pa.array(cells.slot_mask[present], mask=no_slot),
        "min_slot": pa.array(cells.min_slot[present], mask=no_slot),
        "max_slot": pa.array(cells.max_slot[present], mask=no_slot),
    }
    for k, statistic in enumerate(MEANS):
        columns[statistic] = _nullable(means[k])
    columns["o3_1h"] = _nullable(o3_1h)
    columns["o3_8h"] = _nullable(o3_8h)
    # the SQL's column order: the daily statistics as listed, o3_8h last
    order = [*list(columns)[:7], *(s for s in DAILY_STATISTICS if s != "o3_8h"), "o3_8h"]
    return pa.table({name: columns[name] for name in order})
