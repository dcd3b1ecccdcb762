"""Run independent pieces of work on every core, in forked workers that start with what this process holds.

Workers are forked, so the work may be any function (a closure over the registry, compiled
schemas): nothing but each item and each result crosses between processes. Results come back
in the order of the items, so the output does not depend on which worker finished first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_work: Callable[[Any], Any] | None = None  # in a worker: the work its pool was started for


def workers() -> int:
    """How many workers are worth starting here: one per core, at most four; 1 where fork is missing."""
    import multiprocessing  # only when there is work to share: a warm run does without it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def _start(work: Callable[[Any], Any]) -> None:
    global _work
    _work = work  # forked: the function itself is inherited, never pickled


def _run(item: Any) -> Any:
    assert _work is not None
    return _work(item)


def fork_map(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[work(item) for item in items]``, on every core when there are several (safe to call from several threads)."""
    if len(items) < 2 or workers() < 2:
        return [work(item) for item in items]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(min(workers(), len(items)), initializer=_start, initargs=(work,)) as pool:
        return pool.map(_run, items, chunksize=1)
