"""Resolve targets that point up the hierarchy (达到自治区考核目标 …).

A reference names a level (national, region, prefecture, county) or the
direct parent (上级). Resolution walks the jurisdiction chain to that level,
asks the resolver for *that* jurisdiction's target for the same indicator
and year, and repeats while the answer is itself a reference. When no answer
comes, the target is pending (待下达) and the level that owes it is named.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ecotrack.core.compliance.model import Jurisdiction, TargetResolver
from ecotrack.core.targets.model import GovLevel, ParsedTarget, TargetKind


@dataclass(frozen=True)
class Step:
    """One hop: ``jurisdiction`` holds ``target`` (verbatim in ``target.raw``)."""

    jurisdiction: Jurisdiction
    target: ParsedTarget


@dataclass(frozen=True)
class Pending:
    """The level (and jurisdiction, when it is on the chain) that owes a target."""

    level: GovLevel
    jurisdiction: Jurisdiction | None
    asked_by: Jurisdiction

    def owner_zh(self) -> str:
        return self.jurisdiction.name_zh if self.jurisdiction else f"{self.level.zh}层级"

    def owner_en(self) -> str:
        return self.jurisdiction.name_en if self.jurisdiction else f"the {self.level.value} level"


@dataclass(frozen=True)
class Resolution:
    """The target to judge by, how it was reached, and what is still owed.

    ``target`` is ``None`` only when nothing can be judged (pure reference,
    unresolved). ``fallback`` is True when an unresolved reference was dropped
    from a compound target and the remaining clauses are judged alone — what
    the Xilinhot plan does with “完成上级规定的考核任务；保持稳定或持续改善” when
    no task came down (“无上级考核任务，持续改善”).
    """

    target: ParsedTarget | None
    set_by: Jurisdiction
    steps: tuple[Step, ...]
    pending: tuple[Pending, ...] = ()
    fallback: bool = False


def _ancestor_index(chain: tuple[Jurisdiction, ...], start: int, level: GovLevel) -> int | None:
    if level is GovLevel.PARENT:
        return start + 1 if start + 1 < len(chain) else None
    for index in range(start + 1, len(chain)):
        if chain[index].level is level:
            return index
    return None


def resolve(
    target: ParsedTarget,
    chain: tuple[Jurisdiction, ...],
    indicator_key: str,
    year: int,
    resolver: TargetResolver,
    start: int = 0,
) -> Resolution:
    holder = chain[start]
    if target.kind is TargetKind.REFERENCE:
        return _follow(target, chain, indicator_key, year, resolver, start)
    if target.kind is not TargetKind.COMPOUND or not any(
        part.kind is TargetKind.REFERENCE for part in target.parts
    ):
        return Resolution(target=target, set_by=holder, steps=(Step(holder, target),))

    kept: list[ParsedTarget] = []
    steps: list[Step] = [Step(holder, target)]
    pending: list[Pending] = []
    set_by = holder
    for part in target.parts:
        if part.kind is not TargetKind.REFERENCE:
            kept.append(part)
            continue
        sub = _follow(part, chain, indicator_key, year, resolver, start)
        steps.extend(sub.steps[1:])
        pending.extend(sub.pending)
        if sub.target is not None:
            kept.append(sub.target)
            set_by = sub.set_by
    if not kept:
        return Resolution(None, holder, tuple(steps), tuple(pending))
    effective = kept[0] if len(kept) == 1 else replace(target, parts=tuple(kept))
    return Resolution(effective, set_by, tuple(steps), tuple(pending), fallback=bool(pending))


def _follow(
    reference: ParsedTarget,
    chain: tuple[Jurisdiction, ...],
    indicator_key: str,
    year: int,
    resolver: TargetResolver,
    start: int,
) -> Resolution:
    holder = chain[start]
    here = Step(holder, reference)
    assert reference.level is not None
    index = _ancestor_index(chain, start, reference.level)
    if index is None:
        owed = Pending(reference.level, None, holder)
        return Resolution(None, holder, (here,), (owed,))
    owner = chain[index]
    found = resolver(owner, indicator_key, year)
    if found is None or found.kind in (TargetKind.NO_DATA, TargetKind.UNKNOWN):
        owed = Pending(reference.level, owner, holder)
        return Resolution(None, holder, (here,), (owed,))
    above = resolve(found, chain, indicator_key, year, resolver, start=index)
    return replace(above, steps=(here, *above.steps))
