"""From parsed inputs to an indicator value: pick the answered alternative, check the rules
that span fields (part ≤ whole, non-zero denominators), and apply the formula."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ecotrack.core.cbi import measures
from ecotrack.core.cbi.edition import Indicator
from ecotrack.core.cbi.errors import Problem
from ecotrack.core.cbi.inputs import TaxonGroup
from ecotrack.core.cbi.numbers import format_number


@dataclass(frozen=True)
class Computation:
    value: Fraction | None  # None for ordinal answers
    answer: str | None = None
    details: tuple[
        tuple[str, str], ...
    ] = ()  # (label, text), e.g. ("effective mesh size", "46 ha")
    messages: tuple[str, ...] = ()


Outcome = tuple[Computation | None, list[Problem]]


@dataclass(frozen=True)
class _Call:
    indicator: Indicator
    roles: Mapping[str, Any]  # role → parsed value
    fields: Mapping[str, str]  # role → field name, for naming fields in problems
    parsed: Mapping[str, Any]  # every parsed field, for optional extras such as survey years

    def problem(self, role: str, code: str, message: str, message_zh: str) -> Problem:
        return Problem(self.indicator.key, self.fields.get(role, role), code, message, message_zh)

    def zero(self, role: str) -> Problem:
        return self.problem(
            role,
            "zero_denominator",
            "must be greater than 0 (it is a denominator)",
            "必须大于 0（它是分母）",
        )


def _fmt(value: Fraction | int) -> str:
    return format_number(Fraction(value))


def _percentage(c: _Call) -> Outcome:
    part, whole = c.roles["part"], c.roles["whole"]
    if whole == 0:
        return None, [c.zero("whole")]
    if part > whole:
        whole_field = c.fields["whole"]
        return None, [
            c.problem(
                "part",
                "part_exceeds_whole",
                f"{_fmt(part)} is larger than {whole_field} ({_fmt(whole)}); "
                "a part cannot exceed the whole",
                f"{_fmt(part)} 大于 {whole_field}（{_fmt(whole)}）；部分不能大于整体",
            )
        ]
    value = measures.percentage(part, whole)
    return Computation(value, details=(("formula", f"{_fmt(part)} ÷ {_fmt(whole)} × 100%"),)), []


def _per_thousand(c: _Call) -> Outcome:
    amount, population = c.roles["amount"], c.roles["population"]
    if population == 0:
        return None, [c.zero("population")]
    value = measures.per_thousand(amount, population)
    return Computation(value, details=(("formula", f"{_fmt(amount)} ÷ ({population} ÷ 1000)"),)), []


def _ratio(c: _Call) -> Outcome:
    numerator, denominator = c.roles["numerator"], c.roles["denominator"]
    if denominator == 0:
        return None, [c.zero("denominator")]
    value = Fraction(numerator) / denominator
    return Computation(
        value, details=(("formula", f"{_fmt(numerator)} ÷ {_fmt(denominator)}"),)
    ), []


def _count(c: _Call) -> Outcome:
    return Computation(Fraction(c.roles["count"])), []


def _answer(c: _Call) -> Outcome:
    return Computation(None, answer=c.roles["answer"]), []


def _species_change(c: _Call) -> Outcome:
    baseline, current = c.roles["baseline"], c.roles["current"]
    first, last = c.parsed.get("baseline_year"), c.parsed.get("survey_year")
    if first is not None and last is not None and last <= first:
        return None, [
            Problem(
                c.indicator.key,
                "survey_year",
                "survey_year_not_after_baseline",
                f"must be after baseline_year ({first}), got {last}",
                f"必须晚于基线年份（{first}），实际为 {last}",
            )
        ]
    change = current - baseline
    details = [("formula", f"{current} − {baseline} = {change:+d} species")]
    if first is not None and last is not None:
        details.append(("surveys", f"{first} → {last}"))
    group = c.parsed.get("taxonomic_group")
    if group:
        details.append(("taxonomic group", group))
    return Computation(Fraction(change), details=tuple(details)), []


def _mesh(c: _Call, *, as_coherence: bool) -> Outcome:
    areas: tuple[Fraction, ...] = c.roles["groups"]
    total = sum(areas, Fraction(0))
    meff = measures.effective_mesh_size(areas)
    details = [
        ("groups of connected patches", str(len(areas))),
        ("total natural area (A_total)", f"{_fmt(total)} ha"),
        ("effective mesh size", f"{_fmt(meff)} ha"),
    ]
    if not as_coherence:
        return Computation(meff, details=tuple(details)), []
    value = measures.coherence(areas)
    details.append(("coherence", f"{_fmt(meff)} ÷ {_fmt(total)} × 100% = {_fmt(value)}%"))
    return Computation(value, details=tuple(details)), []


def _same_taxon_ratio(c: _Call) -> Outcome:
    groups: tuple[TaxonGroup, ...] = c.roles["groups"]
    problems = [
        Problem(
            c.indicator.key,
            f"{c.fields['groups']}[{i}]",
            "zero_denominator",
            f"group {g.group!r} has no species at all (native + invasive = 0)",
            f"类群 {g.group!r} 的物种数为 0（本地 + 入侵 = 0）",
        )
        for i, g in enumerate(groups)
        if g.native_species + g.invasive_species == 0
    ]
    if problems:
        return None, problems
    shares = [measures.invasive_share(g.native_species, g.invasive_species) for g in groups]
    details = tuple(
        (
            g.group,
            f"{g.invasive_species} ÷ ({g.native_species} + {g.invasive_species}) × 100%"
            f" = {_fmt(s)}%",
        )
        for g, s in zip(groups, shares, strict=True)
    )
    messages: tuple[str, ...] = ()
    if len(groups) > 1:
        messages = (
            f"Value is the unweighted mean of {len(groups)} taxonomic groups' percentages "
            "(provisional rule: the sources do not say how groups combine).",
        )
    return Computation(measures.mean(shares), details=details, messages=messages), []


METHODS: dict[str, Callable[[_Call], Outcome]] = {
    "percentage": _percentage,
    "per_thousand": _per_thousand,
    "ratio": _ratio,
    "count": _count,
    "answer": _answer,
    "species_change": _species_change,
    "mesh_size": lambda c: _mesh(c, as_coherence=False),
    "mesh_coherence": lambda c: _mesh(c, as_coherence=True),
    "same_taxon_ratio": _same_taxon_ratio,
}


def _choose_alternative(
    indicator: Indicator, parsed: Mapping[str, Any]
) -> tuple[dict[str, str] | None, list[Problem]]:
    """The one alternative the input answers (e.g. restored area, or restored habitat types)."""
    alternatives = indicator.method.alternative_maps()
    touched = [alt for alt in alternatives if any(f in parsed for f in alt.values())]
    options = " or ".join("(" + " and ".join(sorted(alt.values())) + ")" for alt in alternatives)
    if len(touched) > 1:
        return None, [
            Problem(
                indicator.key,
                "",
                "ambiguous",
                f"give only one of {options}",
                f"只能填写其中一组：{options}",
            )
        ]
    chosen = touched[0] if touched else alternatives[0]
    missing = [f for f in sorted(chosen.values()) if f not in parsed]
    if not missing:
        return chosen, []
    if not touched and len(alternatives) > 1:
        return None, [
            Problem(indicator.key, "", "missing", f"give {options}", f"请填写：{options}")
        ]
    return None, [
        Problem(
            indicator.key,
            f,
            "missing",
            f"is required ({indicator.field(f).label})",
            f"为必填项（{indicator.field(f).label_zh}）",
        )
        for f in missing
    ]


def compute(indicator: Indicator, parsed: Mapping[str, Any]) -> Outcome:
    """The indicator's value from its parsed inputs, or the problems that prevent it."""
    chosen, problems = _choose_alternative(indicator, parsed)
    if chosen is None:
        return None, problems
    call = _Call(indicator, {role: parsed[f] for role, f in chosen.items()}, chosen, parsed)
    return METHODS[indicator.method.kind](call)
