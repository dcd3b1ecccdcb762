"""An order that respects what must come first, the same whatever order things were written in."""

from __future__ import annotations

import heapq
from collections.abc import Iterable


class Cycle(Exception):
    """Things that each wait for another of them: no order exists."""

    def __init__(self, members: list[str]) -> None:
        super().__init__(", ".join(members))
        self.members = members


def ordered(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[str]:
    """``nodes`` so that for each edge (before, after) ``before`` comes first; among those free to come next, by name.

    Raises Cycle with the nodes caught in a loop. Edges naming unknown nodes are ignored.
    """
    names = set(nodes)
    after: dict[str, set[str]] = {name: set() for name in names}
    waiting: dict[str, int] = dict.fromkeys(names, 0)
    for before, later in edges:
        if before in names and later in names and later not in after[before]:
            after[before].add(later)
            waiting[later] += 1
    ready = [name for name in names if waiting[name] == 0]
    heapq.heapify(ready)
    found: list[str] = []
    while ready:
        name = heapq.heappop(ready)
        found.append(name)
        for later in after[name]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(ready, later)
    if len(found) < len(names):
        raise Cycle(sorted(name for name in names if waiting[name] > 0))
    return found
