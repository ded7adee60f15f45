"""Which hour a source's time label names, and the slot of the normalized layout it fills.

Slot h of day D in the normalized layout (hourly.py) is the hour D h:00–(h+1):00. Sources
label an hourly mean either by that hour's start or by its end:

- `end`: the CNEMC release. Its publication notes say "16时的小时均值为15:00—16:00的算术平均
  值", so the row labelled 2022-01-02 00:00 is the last hour of 2022-01-01 (its 24时), and a
  natural day is the rows labelled 01:00 … 24:00. HJ 663's O3 daily maximum 8-h runs over the
  windows ending 8时 … 24时 of the day, i.e. slots 7 … 23 here.
- `start`: a label names the hour that begins then. The default of the Beijing PRSA files
  (hours 0–23 of each date; their README does not say which) and of the long format (its
  documented meaning).

The labels are shifted when the CSV is read, by the Python readers and by the DuckDB ingest
alike (`shift_sql` is the SQL twin of `slot_start`), so every engine sees the same slots.
"""

from __future__ import annotations

from datetime import datetime, timedelta

START = "start"
END = "end"
HOUR_LABELS: tuple[str, ...] = (START, END)
DEFAULT_HOUR_LABEL = {"prsa": START, "cnemc": END, "long": START}


def check_hour_label(label: str) -> str:
    if label not in HOUR_LABELS:
        raise ValueError(f"unknown hour label {label!r}; choose one of {', '.join(HOUR_LABELS)}")
    return label


def slot_start(moment: datetime, label: str) -> datetime:
    """The start of the hour a record labelled `moment` covers (its day and slot)."""
    return moment - timedelta(hours=1) if check_hour_label(label) == END else moment


def shift_sql(timestamp: str, label: str) -> str:
    """SQL twin of `slot_start` for a TIMESTAMP expression (NULL stays NULL)."""
    return f"({timestamp} - INTERVAL 1 HOUR)" if check_hour_label(label) == END else timestamp
