"""Parse many record files and run the fast schema pass on them, on every core when there are many.

Reading YAML is the largest part of a cold validation. Files are independent, so a large
tree is split into batches parsed by worker processes (fork: they start with the schemas
already loaded); a small tree, or a machine without fork, is parsed in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from . import loader
from .fastcheck import Checks
from .problems import Problem, RecordError

PARALLEL_FROM = 2000  # files: below this, starting workers costs more than it saves
BATCH = 400

Outcome = tuple[Any, bool, Problem | None]  # data, passed the fast pass, why it could not be read
Job = tuple[str, str, bytes]  # file name, kind, content

_checks: Checks | None = None


def _start(schemas: dict[str, dict[str, Any]]) -> None:
    global _checks
    _checks = Checks(schemas)


def _parse(batch: list[Job]) -> list[Outcome]:
    assert _checks is not None
    outcomes: list[Outcome] = []
    for name, kind, content in batch:
        try:
            data = loader.load(name, content).data
        except RecordError as exc:
            outcomes.append((None, False, exc.problem))
            continue
        outcomes.append((data, _checks.passes(kind, data, content), None))
    return outcomes


def parse_all(schemas: dict[str, dict[str, Any]], jobs: list[Job]) -> list[Outcome]:
    """One outcome per job, in the same order."""
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        _start(schemas)
        return _parse(jobs)
    batches = [jobs[start:start + BATCH] for start in range(0, len(jobs), BATCH)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start, initargs=(schemas,)) as pool:
        return [outcome for outcomes in pool.imap(_parse, batches) for outcome in outcomes]
