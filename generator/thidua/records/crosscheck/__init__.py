"""Checks across records: identity, references, membership, dates and files, one check per kind of record.

``check_across`` runs each record's check (registered by kind in ``common.CHECKS``) through a
Lookup. With a cache, a record whose check read nothing that changed since the last run keeps
its stored problems; the others are checked again, and the cache learns what they read.
"""

from __future__ import annotations

from dataclasses import astuple
from pathlib import Path as FsPath

from ...problems import Problem
from ...speed.cache import Cache, dep_key
from ..layout import place, stem_of
from ..record import Record
from . import campaign, commune, council, nomination, posting, register, report, story  # noqa: F401  (each registers its checks)
from .common import CHECKS
from .identity import check_file_names, check_identity
from .lookup import Key, Lookup


def check_across(root: FsPath, records: list[Record], unreadable: set[Key], store: Cache | None = None) -> list[Problem]:
    """Problems across records; references to files that exist but could not be read stay silent."""
    lookup = Lookup(root, records, unreadable)
    check_file_names(lookup)
    again = _to_check_again(lookup, store)
    stored = store.problems() if store is not None and store.trusted else {}
    for record in records:
        name = record.doc.path
        if store is not None and record.valid and name not in again and store.reusable(name):
            lookup.problems.extend(Problem(*fields) for fields in stored.get(name, ()))
            continue
        before = len(lookup.problems)
        if store is not None:
            lookup.track()
        check_identity(lookup, record)
        if record.usable:
            CHECKS[record.kind.name](lookup, record)
        if store is not None and record.valid:
            found = [astuple(problem) for problem in lookup.problems[before:]] if lookup.stable else None
            store.checked(name, found, sorted(dep_key(*read) for read in lookup.reads or ()))
        lookup.reads = None
    if store is not None:
        store.plain_files_now = lookup.plain_files()
    return lookup.problems


def _to_check_again(lookup: Lookup, store: Cache | None) -> set[str]:
    """Records whose stored problems may be out of date: something their checks read has changed."""
    if store is None or not store.trusted:
        return set()
    changed: set[str] = set()
    for name in store.changed:
        kind, scope, _ = place(name)
        if kind is not None:
            changed |= {
                dep_key("record", kind.name, scope, stem_of(name)),
                dep_key("ids", kind.name, scope),
                dep_key("records", kind.name, scope),
            }
    changed |= {dep_key("file", path) for path in lookup.plain_files() ^ store.plain_files()}
    return store.dependents(changed)
