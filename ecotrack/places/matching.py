"""Which jurisdiction a name in someone else's data means (a city column, a CNEMC area).

Used where a file names places by name rather than by GB/T 2260 code; the rule is strict
(exactly one match below a given parent) so that data never lands on the wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Jurisdiction

# Level suffixes a city name may leave out (CNEMC's `area` writes 呼和浩特 for 呼和浩特市).
# Longest first, so that 自治旗 is taken off before 旗 and 地区 before 区.
LEVEL_SUFFIXES: tuple[str, ...] = (
    "自治县", "自治旗", "自治州", "地区", "林区", "特区", "市", "区", "县", "旗", "盟",
    " Municipality", " Prefecture", " District", " County", " Banner", " League", " City",
)


class CityMatchError(Exception):
    """Some cities match no jurisdiction, or more than one; `problems` lists every one."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def without_level_suffix(name: str) -> str | None:
    """The name without its level suffix (None if it has none or too little is left)."""
    name = name.strip()
    for suffix in LEVEL_SUFFIXES:
        if name.endswith(suffix):
            short = name[: -len(suffix)].strip()
            return short if len(short) >= 2 else None
    return None


def _label(place: Jurisdiction) -> str:
    return f"{place.code} {place.name_zh}"


def match_names(parent: Jurisdiction, cities: Sequence[str], source: str
                 ) -> dict[str, Jurisdiction]:
    """City name → the one jurisdiction below `parent` it names.

    A city matches a jurisdiction (at any depth below `parent`) whose code, Chinese name or
    English name equals it after trimming; failing that, whose name without its level
    suffix (市, 区, 县, 旗, 盟, … / District, County, …) equals it. Either way exactly one
    jurisdiction must match, and no two cities may match the same one. Every problem is
    collected before raising, so one run of the command lists them all.
    """
    candidates = list(parent.descendants().order_by("code"))
    matched: dict[str, Jurisdiction] = {}
    problems: list[str] = []
    for city in cities:
        name = city.strip()
        found = [j for j in candidates
                 if name in (j.code, j.name_zh.strip(), j.name_en.strip())]
        how = ""
        if not found:
            found = [j for j in candidates
                     if name in (without_level_suffix(j.name_zh), without_level_suffix(j.name_en))]
            how = " without its level suffix"
        if len(found) == 1:
            matched[city] = found[0]
        elif not found:
            problems.append(f"{source}: {city!r} matches no jurisdiction below {_label(parent)} "
                            "(by code, Chinese or English name, or name without level suffix)")
        else:
            problems.append(f"{source}: {city!r} matches {len(found)} jurisdictions{how} below "
                            f"{_label(parent)}: {', '.join(_label(j) for j in found)}")
    by_place: dict[int, list[str]] = {}
    for city, place in matched.items():
        by_place.setdefault(place.pk, []).append(city)
    for names in by_place.values():
        if len(names) > 1:
            problems.append(f"{source}: {', '.join(repr(n) for n in names)} all match "
                            f"{_label(matched[names[0]])}; one city per jurisdiction")
    if problems:
        raise CityMatchError(problems)
    return matched
