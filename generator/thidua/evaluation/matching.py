"""Evidence items that count under one requirement only ("mỗi minh chứng chỉ được kê khai ở một tiêu chí").

A nominee passes only if distinct items can be given to every requirement that needs them: an
assignment problem, solved exactly as a maximum flow (a bipartite b-matching). Requirements come
from the criteria's rules written as alternatives (any, at least k of n, fallback); ``joint`` chooses one
way of meeting each criterion and asks this module whether the demands can all be served; the plan's
rules are checked at validation so that the number of such choices stays small (``MAX_CHOICES``).

Complexity: one flow is found by at most F augmenting paths (F: the items demanded, a handful), each
a search over the demands and the items that may serve them: O(F · (D + I + E)). The search over
choices tries at most ``MAX_CHOICES`` combinations, each one flow.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Demand:
    """One requirement for items: ``count`` distinct items, each one of ``items``."""

    key: str  # which requirement: the criterion and the place of the rule in it
    count: int
    items: frozenset[str]


def assign(demands: Sequence[Demand]) -> dict[str, tuple[str, ...]] | None:
    """Each demand's own items (none given twice), or None when no assignment exists.

    Deterministic: demands are served in the order given, items tried in sorted order.
    """
    owner: dict[str, int] = {}  # item -> index of the demand it serves
    given: list[list[str]] = [[] for _ in demands]
    for index, demand in enumerate(demands):
        for _ in range(demand.count):
            if not _augment(index, demands, owner, given, set()):
                return None
    return {demand.key: tuple(sorted(given[index])) for index, demand in enumerate(demands)}


def _augment(index: int, demands: Sequence[Demand], owner: dict[str, int], given: list[list[str]], seen: set[str]) -> bool:
    """Find one more item for demand ``index``, moving items between demands along an augmenting path."""
    for item in sorted(demands[index].items):
        if item in seen or item in given[index]:
            continue
        seen.add(item)
        holder = owner.get(item)
        if holder is None or _augment(holder, demands, owner, given, seen):
            if holder is not None:
                given[holder].remove(item)
            owner[item] = index
            given[index].append(item)
            return True
    return False


def brute_force(demands: Sequence[Demand]) -> bool:
    """Whether an assignment exists, by trying every way of giving items: for tests on small instances only."""
    slots = [demand for demand in demands for _ in range(demand.count)]
    items = sorted(set().union(*(d.items for d in demands))) if demands else []
    if len(slots) > len(items):
        return False
    for chosen in itertools.permutations(items, len(slots)):
        if all(item in slot.items for item, slot in zip(chosen, slots, strict=True)):
            return True
    return not slots
