"""Validate the records tree: layout, YAML, schema per record, then across records.

Every problem in every file is collected; nothing stops at the first error.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any

from ..problems import Problem
from ..speed.cache import Cache, Stat, code_key, file_stat
from ..speed.gcpause import paused_collection
from . import yaml_reader
from .crosscheck import check_across
from .layout import Kind, stem_of
from .reading import DENIED, HELD, LOST, Outcome, read_all
from .record import Record, Result
from .schemas import build_validators, load_schemas, schema_files
from .stored import StoredDocument
from .tree import list_records


@paused_collection()
def validate_tree(root: FsPath, schema_dir: FsPath | None = None, *, use_cache: bool = False) -> Result:
    """Load and check every record under ``root/records``; ``use_cache`` reads and keeps the cache (see cache.py)."""
    root = root.resolve()
    result = Result(root)
    schema_folder = schema_dir or root / "schemas"
    files = schema_files(schema_folder)
    store = Cache(root, code_key(files), enabled=use_cache)
    reader = _Reader(load_schemas(schema_folder, files, checked=store.trusted))
    listing = list_records(root)
    result.problems += listing.problems
    for problem, kind, scope in listing.unread:
        _not_a_record(result, problem, kind, scope)
    store.gone(listing.names)
    slots: list[Record | None] = []
    pending: list[tuple[int, str, Kind, str | None, Stat | None]] = []
    for entry in listing.entries:
        name, kind, scope = entry.name, entry.kind, entry.scope
        result.files += 1
        stat: Stat | None = None
        if store.enabled:  # without a cache nothing needs the file's times: the file is simply read
            try:
                stat = file_stat(f"{root}/{name}")
            except OSError as exc:
                _unreadable(result, name, kind, scope, isinstance(exc, PermissionError))
                continue
            digest = store.known(name, stat)
            if digest is not None:
                slots.append(Record(kind, StoredDocument(name, store.data, f"{root}/{name}"), scope))
                continue
        pending.append((len(slots), name, kind, scope, stat))
        slots.append(None)
    jobs = [(f"{root}/{name}", name, kind.name) for _, name, kind, _, _ in pending]
    outcomes = read_all(reader.schemas, jobs, digests=store.enabled, held=store.holds)
    for (slot, name, kind, scope, stat), outcome in zip(pending, outcomes, strict=True):
        if outcome.status in (DENIED, LOST):
            _unreadable(result, name, kind, scope, outcome.status == DENIED)
        elif outcome.status == HELD:
            assert stat is not None  # only a cache holds data
            store.stored(name, stat, outcome.digest)
            slots[slot] = Record(kind, StoredDocument(name, store.data, f"{root}/{name}"), scope)
        else:
            slots[slot] = reader.check(store, result, name, kind, scope, stat, outcome)
    result.records = [record for record in slots if record is not None]
    # Where the schema already reported a place, a cross-record problem at the same place is an echo.
    places = {(p.file, p.line, p.column) for p in result.problems}
    across = check_across(root, result.records, result.unreadable, store if store.enabled else None)
    result.problems.extend(p for p in across if (p.file, p.line, p.column) not in places)
    result.problems = sorted(set(result.problems))
    store.save(listing.names)
    return result


def _unreadable(result: Result, name: str, kind: Kind, scope: str | None, denied: bool) -> None:
    """A record file that exists but could not be read (no permission, or gone since the folder was listed)."""
    why = "không có quyền đọc" if denied else "tệp vừa bị xóa, đổi tên hoặc hỏng"
    _not_a_record(
        result, Problem(name, 1, 1, "unreadable-file", f"Không đọc được tệp ({why}); hãy kiểm tra tệp rồi chạy lại."), kind, scope
    )


def _not_a_record(result: Result, problem: Problem, kind: Kind, scope: str | None) -> None:
    """A record file that gave no record: its problem, under the record's label, and its id kept as existing but unread."""
    stem = stem_of(problem.file)
    result.problems.append(replace(problem, record=f"{kind.label} {stem}"))
    result.unreadable.add((kind.name, scope, stem))


class _Reader:
    """Checks a parsed record against its schema; the full validator runs only where the fast pass failed."""

    def __init__(self, schemas: dict[str, dict[str, Any]]) -> None:
        self.schemas = schemas
        self.validators: dict[str, Any] | None = None

    def check(
        self, store: Cache, result: Result, name: str, kind: Kind, scope: str | None, stat: Stat | None, outcome: Outcome
    ) -> Record | None:
        """The record a parsed file gives, with its schema problems; None if it could not be read."""
        if outcome.problem is not None:
            _not_a_record(result, outcome.problem, kind, scope)
            store.read(name, stat, outcome.digest, None)
            return None
        doc = yaml_reader.Document(name, outcome.data, yaml_reader.decode(name, outcome.content))
        record = Record(kind, doc, scope)
        errors = [] if outcome.passed else self.errors(kind.name, doc.data)
        if errors:
            from .schema_messages import describe

            for error in errors:
                for message in describe(error, doc.raw, kind.label):
                    problem = record.problem(message.path, message.code, message.text, at_key=message.at_key)
                    result.problems.append(_at_character(problem, doc.text, message.character))
        record.valid = not errors
        record.usable = all(_leaf(error) for error in errors)
        store.read(name, stat, outcome.digest, doc.data if record.valid else None)
        return record

    def errors(self, kind: str, data: Any) -> list[Any]:
        if self.validators is None:
            self.validators = build_validators(self.schemas)
        return list(self.validators[kind].iter_errors(data))


def _at_character(problem: Problem, text: str, character: str) -> Problem:
    """The problem moved onto ``character`` where the value holds it as written (not as an escape)."""
    if not character or character == "\n":  # a line feed in a value is written as an escape, or ends its line
        return problem
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: problem.line - 1]) + problem.column - 1
    found = text.find(character, start)
    if found < 0:
        return problem
    line = text.count("\n", 0, found) + 1
    return replace(problem, line=line, column=found - text.rfind("\n", 0, found))


# Errors about one value that leave the record's shape intact.
_LEAF_VALIDATORS = frozenset(
    {
        "format",
        "pattern",
        "enum",
        "const",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "uniqueItems",
    }
)


def _leaf(error: Any) -> bool:
    if error.validator in ("anyOf", "oneOf"):
        return (
            bool(error.context)
            and all(_leaf(inner) or inner.validator == "type" and inner.relative_path for inner in error.context)
            and any(_leaf(inner) for inner in error.context)
        )
    return error.validator in _LEAF_VALIDATORS
