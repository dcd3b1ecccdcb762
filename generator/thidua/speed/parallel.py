"""Run independent pieces of work on up to four cores, in forked workers that start with what this process holds.

Workers are forked, so the work may be any function (a closure over the registry, compiled
schemas): nothing but each item and each result crosses between processes. Results come back
in the order of the items, so the output does not depend on which worker finished first.
"""

from __future__ import annotations

import os
import threading
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
    """``[work(item) for item in items]``, in forked workers when there are several items and cores.

    Only the main thread forks: a thread that forks while others run could leave a worker waiting forever on a lock
    another thread held, so from any other thread the work is done in turn, here (``thidua serve`` regenerates in a
    process of its own, forked before its threads start, for this reason).
    """
    if len(items) < 2 or workers() < 2 or threading.current_thread() is not threading.main_thread():
        return [work(item) for item in items]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(min(workers(), len(items)), initializer=_start, initargs=(work,)) as pool:
        return pool.map(_run, items, chunksize=1)
