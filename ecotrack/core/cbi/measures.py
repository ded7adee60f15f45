"""The formulas behind CBI indicator values, in exact arithmetic and free of input checking.

Callers (methods.py) check the inputs first; these functions assume positive denominators.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

HUNDRED = Fraction(100)


def percentage(part: Fraction | int, whole: Fraction | int) -> Fraction:
    """part ÷ whole × 100%. Counts arrive as ints; Fraction keeps int ÷ int exact, not float."""
    return Fraction(part) / Fraction(whole) * HUNDRED


def per_thousand(amount: Fraction | int, population: int) -> Fraction:
    """amount ÷ (population ÷ 1,000), e.g. hectares of park per 1,000 persons."""
    return Fraction(amount) * 1000 / population


def effective_mesh_size(group_areas: Sequence[Fraction]) -> Fraction:
    """meff = (A_G1² + … + A_Gn²) ÷ A_total, in the unit of the areas (hectares).

    A_total is the total natural area, i.e. the sum of the groups of connected patches: every
    natural patch belongs to exactly one group, an isolated patch forming a group of its own.
    """
    total = sum(group_areas, Fraction(0))
    return sum((a * a for a in group_areas), Fraction(0)) / total


def coherence(group_areas: Sequence[Fraction]) -> Fraction:
    """meff ÷ A_total × 100%: 100% when all natural area is one connected group, falling towards
    100/n% as it splits into n equal groups. This removes city size from the 2014 measure."""
    total = sum(group_areas, Fraction(0))
    return effective_mesh_size(group_areas) / total * HUNDRED


def invasive_share(native_species: int, invasive_species: int) -> Fraction:
    """Invasive alien species as a share of their taxonomic group: IAS ÷ (native + IAS) × 100%."""
    return Fraction(invasive_species * 100, native_species + invasive_species)


def mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)
