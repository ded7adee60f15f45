"""Source places and import methods, stored in one canonical wording, shown in the reader's.

Imports store where a value came from as plain text (`PlanIndicator.source_location`,
`Observation.method`): "table 1 (caption), table 1 row 3", "plan table: 规划.docx, line 81",
"CSV import: 2024.csv". The stored text stays the same whatever the importer's language
(it is also in the open-data export); `place_text` and `method_text` word it for the page.
Text these functions do not recognise (a method typed by a user, an air-quality run's
method) is shown as it is.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from ecotrack.core.plandoc import places
from ecotrack.core.plandoc.places import Place

_PLAN_TABLE = "plan table: "
_CSV_IMPORT = "CSV import: "


def plan_table_method(filename: str, place: str) -> str:
    """The method of a baseline imported with a plan: the file and the row."""
    return f"{_PLAN_TABLE}{filename}, {place}"


def csv_import_method(filename: str) -> str:
    """The method of an observation imported from a CSV file that names none itself."""
    return f"{_CSV_IMPORT}{filename}"


def _one(place: Place) -> str:
    if place.kind == places.TABLE:
        if place.caption:
            return _("table %(number)s (%(caption)s)") % {
                "number": place.number, "caption": place.caption}
        return _("table %(number)s") % {"number": place.number}
    if place.kind == places.TABLE_ROW:
        return _("table %(table)s row %(row)s") % {"table": place.table, "row": place.number}
    if place.kind == places.SHEET_ROW:
        return _("sheet “%(sheet)s” row %(row)s") % {"sheet": place.sheet, "row": place.number}
    if place.kind == places.LINE:
        return _("text line %(number)s") % {"number": place.number}
    if place.kind == places.PARAGRAPH:
        return _("paragraph %(number)s") % {"number": place.number}
    return _("row %(number)s") % {"number": place.number}


def place_text(text: str) -> str:
    """A stored source place in the active language (as stored when not recognised)."""
    parts = places.parse_location(text)
    if parts is None:
        return text
    if len(parts) == 1:
        return _one(parts[0])
    return _("%(table)s, %(row)s") % {"table": _one(parts[0]), "row": _one(parts[1])}


def method_text(text: str) -> str:
    """A stored observation method in the active language (as stored when not ours)."""
    if text.startswith(_CSV_IMPORT):
        return _("CSV import: %(file)s") % {"file": text.removeprefix(_CSV_IMPORT)}
    if text.startswith(_PLAN_TABLE):
        rest = text.removeprefix(_PLAN_TABLE)
        # The file name may hold ", " too: the place is the longest tail that parses.
        for seam in (m.start() for m in re.finditer(", ", rest)):
            if places.parse_place(rest[seam + 2:]):
                return _("plan table: %(file)s, %(place)s") % {
                    "file": rest[:seam], "place": place_text(rest[seam + 2:])}
    return text
