"""Parse many record files and run the fast schema pass on them, on every core when there are many.

Reading YAML is the largest part of a cold validation. Files are independent, so a large
tree is split into batches parsed by forked workers (they start with the schemas already
loaded); a small tree is parsed in this process.
"""

from __future__ import annotations

import marshal
from typing import Any

from . import loader
from .fastcheck import Checks
from .forking import fork_map
from .problems import Problem, RecordError

PARALLEL_FROM = 2000  # files: below this, starting workers costs more than it saves
BATCH = 400

Outcome = tuple[Any, bool, Problem | None]  # data, passed the fast pass, why it could not be read
Job = tuple[str, str, bytes]  # file name, kind, content


def _parse(checks: Checks, batch: list[Job]) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for name, kind, content in batch:
        try:
            data = loader.load(name, content).data
        except RecordError as exc:
            outcomes.append((None, False, exc.problem))
            continue
        outcomes.append((data, checks.passes(kind, data, content), None))
    return outcomes


def parse_all(schemas: dict[str, dict[str, Any]], jobs: list[Job]) -> list[Outcome]:
    """One outcome per job, in the same order."""
    checks = Checks(schemas)
    if len(jobs) < PARALLEL_FROM:
        return _parse(checks, jobs)
    starts = range(0, len(jobs), BATCH)  # workers inherit the jobs: only where each batch starts is sent
    found: list[Outcome] = []
    for data, verdicts in fork_map(lambda start: _sendable(_parse(checks, jobs[start:start + BATCH])), starts):
        found += [(value, passed, problem) for value, (passed, problem) in zip(marshal.loads(data), verdicts, strict=True)]
    return found


def _sendable(outcomes: list[Outcome]) -> tuple[bytes, list[tuple[bool, Problem | None]]]:
    """Outcomes as a worker sends them back: the data marshalled (twice as fast as pickle both ways), the rest apart."""
    return marshal.dumps([data for data, _, _ in outcomes]), [(passed, problem) for _, passed, problem in outcomes]
