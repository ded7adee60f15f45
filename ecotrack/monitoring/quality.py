"""What a run left out: flagged input values (per reason, with examples) and missing hours.

Reads the report the engine stores in the run's annual JSON (`"flagged"`, see
ecotrack/core/air/flags.py `FlagReport.to_json`, and `"missing_hours"` per station) and shapes
it for the run page. Nothing here re-counts: the page shows exactly what was stored. Runs
stored before the report existed have neither key; the page says so instead of showing zero.
Each reason's exact counts per field (`by_field`: how many PM2.5 values, how many SO2 values…)
are shown when stored; runs stored before `by_field` existed show the fields their examples
name instead (`by_field_known` False).
"""

from __future__ import annotations

import calendar
import os
from datetime import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ecotrack.core.air.flags import KINDS
from ecotrack.core.air.readers import O3_SWAPPED_NOTE

WORST_STATIONS = 10  # stations listed in the missing-hours table, most missing first

REASONS: dict[str, Promise] = {
    "negative": _("Negative concentration"),
    "implausible": _("Implausible magnitude (infinite, or too large: usually a unit mistake)"),
    "unparseable_number": _("Number that cannot be read"),
    "unparseable_time": _("Time that cannot be read"),
    "missing_station": _("No station given"),
    "unknown_pollutant": _("Unknown pollutant"),
    "unknown_unit": _("Unknown unit"),
    "duplicate_hour": _("Duplicate station-hour"),
}
# What one counted case takes out of the evaluation (docs/air.md, "Bad input").
EXCLUDES: dict[str, Promise] = {
    "negative": _("the value"),
    "implausible": _("the value"),
    "unparseable_number": _("the value"),
    "unparseable_time": _("the row"),
    "missing_station": _("the row"),
    "unknown_pollutant": _("the row"),
    "unknown_unit": _("the row"),
    "duplicate_hour": _("every copy of the station-hour"),
}


# What the stored time labels were read as (ecotrack/core/air/hour_labels.py).
HOUR_LABELS: dict[str, Promise] = {
    "start": _("a time label names the hour it starts (08:00 = 08:00–09:00)"),
    "end": _("a time label names the hour it ends (08:00 = 07:00–08:00; a day is "
             "01:00–24:00, as CNEMC publishes)"),
}
# Notes the readers leave about whole files (FlagReport.notes), translated when known.
NOTES: dict[str, Promise] = {
    O3_SWAPPED_NOTE: _("O3 1-h values were read from column o3_24h: in these files o3 holds "
                       "the 24-hour maximum, the two columns are swapped"),
}


# The year's first or last hour missing at every station (ecotrack/core/air/year_edges.py).
EDGE_GAPS: dict[str, Promise] = {
    "first": _("No station has a value for the year's first hour (%(hour)s), which this "
               "input labels %(label)s, although that day has data: was that file, or were "
               "those rows, left out?"),
    "last": _("No station has a value for the year's last hour (%(hour)s), which this "
              "input labels %(label)s, although that day has data: was that file, or were "
              "those rows, left out?"),
}


def edge_gap_texts(annual: dict[str, Any]) -> list[str]:
    """One sentence per missing edge hour of a stored run (older runs: none)."""
    gaps = annual.get("year_edge_gaps")
    texts = []
    for gap in gaps if isinstance(gaps, list) else []:
        template = EDGE_GAPS.get(str(gap.get("edge"))) if isinstance(gap, dict) else None
        if template is None:
            continue
        start = datetime.fromisoformat(str(gap["hour_start"]))
        end = "24:00" if start.hour == 23 else f"{start.hour + 1:02d}:00"
        label = datetime.fromisoformat(str(gap["label"]))
        texts.append(str(template) % {"hour": f"{start:%Y-%m-%d %H:%M}–{end}",
                                      "label": f"{label:%Y-%m-%d %H:%M}"})
    return texts


def input_notes(annual: dict[str, Any]) -> list[dict[str, Any]]:
    """The readers' notes of a stored run, translated where known (older runs: none)."""
    notes = annual.get("input_notes")
    return [
        {"text": NOTES.get(n.get("note", ""), n.get("note", "")), "files": int(n.get("files", 0)),
         "first_file": _file_name(n.get("first_file"))}
        for n in notes if isinstance(n, dict)
    ] if isinstance(notes, list) else []


def _file_name(path: Any) -> str:
    """The file's name only: a public page does not show the server's directories."""
    return os.path.basename(str(path).replace("\\", "/")) if path else ""


def flag_rows(flagged: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per reason with a count, in the engine's report order (unknown kinds last)."""
    order = [k for k in KINDS if k in flagged] + sorted(k for k in flagged if k not in KINDS)
    rows = []
    for kind in order:
        report = flagged[kind] or {}
        examples = [
            {"file": _file_name(e.get("file")), "row": e.get("row"), "field": e.get("field", ""),
             "value": e.get("value", "")}
            for e in report.get("examples", [])
        ]
        fields = list(dict.fromkeys(e["field"] for e in examples if e["field"]))
        stored = report.get("by_field")
        # Most first, then by name (jsonb does not keep the stored order).
        by_field = [
            {"field": name, "count": n}
            for name, n in sorted(((str(k), int(v)) for k, v in stored.items()),
                                  key=lambda item: (-item[1], item[0]))
        ] if isinstance(stored, dict) else None
        rows.append({
            "kind": kind, "reason": REASONS.get(kind, kind), "excludes": EXCLUDES.get(kind, ""),
            "count": int(report.get("count", 0)), "fields": fields, "by_field": by_field,
            "examples": examples,
        })
    return rows


def summary(annual: dict[str, Any], year: int, stations: list[str]) -> dict[str, Any]:
    """Counts, rows and the worst stations for the page; `known` is False for old runs."""
    flagged = annual.get("flagged")
    missing = annual.get("missing_hours")
    rows = flag_rows(flagged) if isinstance(flagged, dict) else []
    gaps = missing if isinstance(missing, dict) else {}
    hours = 24 * (366 if calendar.isleap(year) else 365)
    with_gaps = sorted(((s, int(n)) for s, n in gaps.items() if n), key=lambda x: (-x[1], x[0]))
    station_hours = hours * len(gaps or stations)
    missing_total = sum(n for _s, n in with_gaps)
    return {
        "hour_label": HOUR_LABELS.get(str(annual.get("hour_label", ""))),
        "notes": input_notes(annual),
        "edge_gaps": edge_gap_texts(annual),
        "flags_known": isinstance(flagged, dict),
        "missing_known": isinstance(missing, dict),
        "rows": rows,
        # One run's reports are all of one kind: all with counts by field, or none.
        "by_field_known": bool(rows) and all(r["by_field"] is not None for r in rows),
        "examples": [dict(e, reason=r["reason"]) for r in rows for e in r["examples"]],
        "flagged_total": sum(r["count"] for r in rows),
        "missing_total": missing_total,
        "station_hours": station_hours,
        "missing_share": round(100 * missing_total / station_hours, 2) if station_hours else None,
        "stations_with_gaps": len(with_gaps),
        "stations_total": len(gaps),
        "hours_per_station": hours,
        "more_stations": max(0, len(with_gaps) - WORST_STATIONS),
        "worst": [
            {"station": s, "hours": n, "share": round(100 * n / hours, 1)}
            for s, n in with_gaps[:WORST_STATIONS]
        ],
    }
