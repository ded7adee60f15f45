"""Load jurisdictions from a CSV of codes and names (GB/T 2260).

Columns: code, name_zh, name_en, level, parent_code. The whole file is checked before anything
is written; any problem is reported with file, row and field, and nothing is stored.
Loading the same file twice changes nothing (rows are compared before they are saved).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from ecotrack.places.models import LEVEL_DEPTH, Jurisdiction, Level

REQUIRED_COLUMNS = ("code", "name_zh", "name_en", "level", "parent_code")
CODE_PATTERN = re.compile(r"^\d{6}(\d{6})?$")
BUNDLED_CSV = Path(__file__).parent / "data" / "jurisdictions-cn-innermongolia.csv"


class PlacesLoadError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class PlaceRow:
    line: int
    code: str
    name_zh: str
    name_en: str
    level: str
    parent_code: str


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int


def read_rows(text: str, source: str) -> list[PlaceRow]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PlacesLoadError([f"{source}: missing column(s): {', '.join(missing)}"])
    problems: list[str] = []
    rows: list[PlaceRow] = []
    seen: dict[str, int] = {}
    for line, record in enumerate(reader, start=2):
        row = PlaceRow(line, *(str(record.get(c) or "").strip() for c in REQUIRED_COLUMNS))
        where = f"{source}: row {line}"
        if not CODE_PATTERN.match(row.code):
            problems.append(f"{where}: field 'code': {row.code!r} is not a 6- or 12-digit code")
        elif row.code in seen:
            problems.append(f"{where}: field 'code': {row.code} repeats row {seen[row.code]}")
        seen.setdefault(row.code, line)
        if not row.name_zh:
            problems.append(f"{where}: field 'name_zh': empty")
        if row.level not in Level.values:
            problems.append(
                f"{where}: field 'level': {row.level!r} is not one of {', '.join(Level.values)}"
            )
        if row.parent_code and row.parent_code == row.code:
            problems.append(
                f"{where}: field 'parent_code': a jurisdiction cannot be its own parent"
            )
        rows.append(row)
    if problems:
        raise PlacesLoadError(problems)
    return rows


def _check_parents(rows: list[PlaceRow], source: str) -> None:
    in_file = {r.code: r for r in rows}
    known = set(
        Jurisdiction.objects.filter(code__in=[r.parent_code for r in rows]).values_list(
            "code", "level"
        )
    )
    known_levels = dict(known)
    problems = []
    for row in rows:
        if not row.parent_code:
            if row.level != Level.COUNTRY:
                problems.append(
                    f"{source}: row {row.line}: field 'parent_code': empty, "
                    "but only a country has no parent"
                )
            continue
        parent_level = (
            in_file[row.parent_code].level
            if row.parent_code in in_file
            else known_levels.get(row.parent_code)
        )
        if parent_level is None:
            problems.append(
                f"{source}: row {row.line}: field 'parent_code': {row.parent_code} "
                "is neither in the file nor in the database"
            )
        elif LEVEL_DEPTH[Level(parent_level)] >= LEVEL_DEPTH[Level(row.level)]:
            problems.append(
                f"{source}: row {row.line}: field 'level': a {row.level} "
                f"cannot lie below the {parent_level} {row.parent_code}"
            )
    if problems:
        raise PlacesLoadError(problems)


@transaction.atomic
def load_rows(rows: list[PlaceRow], source: str) -> LoadResult:
    _check_parents(rows, source)
    created = updated = unchanged = 0
    by_code = {j.code: j for j in Jurisdiction.objects.filter(code__in=[r.code for r in rows])}
    # Parents before children, so that each path can be computed from its saved parent.
    for row in sorted(rows, key=lambda r: LEVEL_DEPTH[Level(r.level)]):
        parent = None
        if row.parent_code:
            parent = by_code.get(row.parent_code) or Jurisdiction.objects.get(code=row.parent_code)
        existing = by_code.get(row.code)
        wanted = {
            "name_zh": row.name_zh,
            "name_en": row.name_en,
            "level": row.level,
            "parent": parent,
        }
        if existing is None:
            by_code[row.code] = Jurisdiction.objects.create(code=row.code, **wanted)
            created += 1
        elif any(getattr(existing, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(existing, key, value)
            existing.save()
            updated += 1
        else:
            unchanged += 1
    return LoadResult(created, updated, unchanged)


def load_csv(path: Path) -> LoadResult:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PlacesLoadError(
            [f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]
        ) from exc
    except OSError as exc:
        raise PlacesLoadError([f"{path}: cannot be read ({exc.strerror})"]) from exc
    return load_rows(read_rows(text, str(path)), str(path))


def load_bundled() -> LoadResult:
    return load_csv(BUNDLED_CSV)
