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


def loop_through(node: str, edges: Iterable[tuple[str, str]]) -> list[str]:
    """The things that wait on each other in a loop through ``node`` (``node`` included), by name; empty if none.

    Things that only wait on a loop, without being in it, are not named: they are not the ones to change.
    """
    after: dict[str, set[str]] = {}
    for before, later in edges:
        after.setdefault(before, set()).add(later)
    reached = _reach(node, after)
    if node not in reached:
        return []
    return sorted(other for other in reached if other == node or node in _reach(other, after))


def _reach(start: str, after: dict[str, set[str]]) -> set[str]:
    """Everything that comes after ``start``, through one edge or more."""
    seen: set[str] = set()
    stack = list(after.get(start, ()))
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(after.get(name, ()))
    return seen
