from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ecotrack.places.models import Jurisdiction


@dataclass
class TreeNode:
    place: Jurisdiction
    children: list[TreeNode] = field(default_factory=list)


def build_tree(places: Iterable[Jurisdiction]) -> list[TreeNode]:
    """Nest jurisdictions by parent in one pass; parents must come first (order by path)."""
    nodes: dict[int, TreeNode] = {}
    roots: list[TreeNode] = []
    for place in places:
        node = nodes[place.pk] = TreeNode(place)
        parent = nodes.get(place.parent_id) if place.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots
