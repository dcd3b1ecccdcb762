"""Read, parse and run the fast schema pass on many record files, on up to four cores when there are many.

Reading YAML is the largest part of a cold validation. Files are independent, so a large
tree is split into batches that forked workers read and parse (they start with the schemas
already loaded); a small tree is read in this process.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from typing import Any, NamedTuple

from ..problems import Problem, RecordError
from ..speed.cache import content_digest
from ..speed.parallel import fork_map
from . import yaml_reader
from .fastcheck import Checks

PARALLEL_FROM = 2000  # files: below this, starting workers costs more than it saves
BATCH = 400

PARSED, HELD, DENIED, LOST = "parsed", "held", "denied", "lost"

Job = tuple[str, str, str]  # file path, file name (relative to the root), kind
Held = Callable[[str, bytes], bool]  # whether the cache holds the data of this name with this content digest


class Outcome(NamedTuple):
    """What reading one file gave."""

    status: str  # PARSED; HELD: unchanged content whose data the cache holds (not parsed); DENIED, LOST: not read
    data: Any = None
    passed: bool = False  # passed the fast schema pass
    problem: Problem | None = None  # why the text could not be read as a record
    content: bytes = b""
    digest: bytes = b""  # of the content, when the cache is in use


def _read(checks: Checks, jobs: list[Job], digests: bool, held: Held) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for path, name, kind in jobs:
        try:
            with open(path, "rb") as stream:
                content = stream.read()
        except OSError as exc:  # no permission, or gone since the folder was listed
            outcomes.append(Outcome(DENIED if isinstance(exc, PermissionError) else LOST))
            continue
        digest = content_digest(content) if digests else b""
        if digests and held(name, digest):
            outcomes.append(Outcome(HELD, content=content, digest=digest))
            continue
        try:
            data = yaml_reader.load(name, content).data
        except RecordError as exc:
            outcomes.append(Outcome(PARSED, problem=exc.problem, content=content, digest=digest))
            continue
        outcomes.append(Outcome(PARSED, data, checks.passes(kind, data), None, content, digest))
    return outcomes


def read_all(
    schemas: dict[str, dict[str, Any]],
    jobs: list[Job],
    *,
    digests: bool,
    held: Held,
    parallel_from: int = PARALLEL_FROM,
    batch: int = BATCH,
) -> list[Outcome]:
    """One outcome per job, in the same order; ``digests`` computes each content's digest and asks ``held``.
    From ``parallel_from`` files on, batches are read by forked workers (the outcomes are the same either way)."""
    checks = Checks(schemas)
    if len(jobs) < parallel_from:
        return _read(checks, jobs, digests, held)
    starts = range(0, len(jobs), batch)  # workers inherit the jobs: only where each batch starts is sent
    found: list[Outcome] = []
    for blob, rest in fork_map(lambda start: _sendable(_read(checks, jobs[start : start + batch], digests, held)), starts):
        found += [
            Outcome(status, data, passed, problem, content, digest)
            for (data, content), (status, passed, problem, digest) in zip(marshal.loads(blob), rest, strict=True)
        ]
    return found


def _sendable(outcomes: list[Outcome]) -> tuple[bytes, list[tuple[str, bool, Problem | None, bytes]]]:
    """Outcomes as a worker sends them back: data and content marshalled (plain data only; on the sample records a
    little quicker than pickle to write and as quick to read), the rest apart."""
    return (marshal.dumps([(o.data, o.content) for o in outcomes]), [(o.status, o.passed, o.problem, o.digest) for o in outcomes])
