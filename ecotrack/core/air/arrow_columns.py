"""Arrow arrays built from their buffers: numbers, dates and text, without `pa.array()`.

`pa.array()`, `pa.table()` and Arrow's `to_numpy()`/`fill_null()` import pandas the first
time they run (to recognise Series and NA scalars) when pandas is installed: ≈ 1 s in a new
process, more than a one-city evaluation takes. Built from buffers they import nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
import pyarrow as pa

_EPOCH = dt.date(1970, 1, 1)


def numbers(values: np.ndarray, arrow_type: pa.DataType,
            null: np.ndarray | None = None) -> pa.Array:
    """A numpy array as an Arrow array of `arrow_type` (same width); null where `null`."""
    values = np.ascontiguousarray(values)
    validity = None
    if null is not None and null.any():
        validity = pa.py_buffer(np.packbits(~null, bitorder="little"))
    return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(values)])


def epoch_day(day: dt.date) -> int:
    """The day's date32 value: days since 1970-01-01."""
    return (day - _EPOCH).days


def dates(days: Iterable[dt.date]) -> pa.Array:
    """Calendar days as date32."""
    return numbers(np.array([epoch_day(d) for d in days], np.int32), pa.date32())


def strings(texts: Sequence[str]) -> pa.Array:
    """Text as an Arrow string array (UTF-8 bytes and their offsets)."""
    encoded = [t.encode() for t in texts]
    offsets = np.zeros(len(encoded) + 1, np.int32)
    np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return pa.Array.from_buffers(
        pa.string(), len(encoded), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    )


def labels(names: Sequence[str], index: np.ndarray) -> pa.DictionaryArray:
    """names[index] for every position, dictionary-encoded."""
    distinct = sorted(set(names))
    number = {name: i for i, name in enumerate(distinct)}
    codes = np.array([number[name] for name in names], np.int32)
    return pa.DictionaryArray.from_arrays(numbers(codes[index], pa.int32()), strings(distinct))


def table(columns: dict[str, pa.Array]) -> pa.Table:
    return pa.Table.from_arrays(list(columns.values()), names=list(columns))


_NO_NULLS = np.empty(0, np.uint8)
_NO_NULLS.setflags(write=False)


def _read_only(buffer: pa.Buffer | None, dtype: type) -> np.ndarray:
    # Arrow hands out some buffers writable, some not: always read-only, so that compiled
    # code (station_day_kernel) sees one array type.
    view: np.ndarray = np.frombuffer(buffer, dtype) if buffer is not None else np.empty(0, dtype)
    view.setflags(write=False)
    return view


def buffers(column: pa.Array | pa.ChunkedArray, arrow_type: pa.DataType, dtype: type,
            ) -> tuple[np.ndarray, np.ndarray, int]:
    """A column's values, validity bitmap (empty: no nulls) and the bitmap's bit offset,
    read-only and without copying (after a cast to `arrow_type` where needed)."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if array.type != arrow_type:
        array = array.cast(arrow_type)
    validity, data = array.buffers()[:2]
    values = _read_only(data, dtype)[array.offset:array.offset + len(array)]
    if array.null_count == 0:
        return values, _NO_NULLS, 0
    return values, _read_only(validity, np.uint8), array.offset


def column_numpy(column: pa.Array | pa.ChunkedArray, arrow_type: pa.DataType, dtype: type,
                 null: float) -> np.ndarray:
    """A column as a read-only numpy array of `dtype`, `null` where it is null."""
    values, validity, offset = buffers(column, arrow_type, dtype)
    if validity.size == 0:
        return values
    valid = np.unpackbits(validity, bitorder="little")[offset:offset + len(values)]
    filled: np.ndarray = np.where(valid.view(bool), values, dtype(null))
    filled.setflags(write=False)
    return filled
