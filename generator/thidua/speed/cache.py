"""What earlier validations learnt, kept between runs outside the repository.

The cache lives in ``$THIDUA_CACHE_DIR`` (else ``$XDG_CACHE_HOME/thidua``, else ``~/.cache/thidua``),
one SQLite file per records tree, so that a run never adds a file to the tree it checks.

For each record file the cache keeps what reading it gave (its data, when it passed its
schema) and what the checks across records found in it, with what those checks read of
other records and of the files folder. A later run uses an entry again only while nothing
it depends on changed:

- the file: the same size, times and inode as when it was read (as git's index does), or,
  if those changed or were too close to the run that wrote the entry, the same content;
- what its checks read: no record they looked up, no kind whose ids they listed, no scanned
  file they found, was added, removed or changed since;
- everything else: the same thidua code, Python, PyYAML and schemas (else the cache starts empty).

A cache that cannot be read (damaged, a table missing, a folder in its place) is dropped with one
warning and the run gives the answer of a run without a cache; nothing in it is ever needed for a
correct answer.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

FILE = "validate.sqlite"
FORMAT = 2
RACY_NS = 2_000_000_000  # a file changed this close to a reading is compared by content next time

Stat = tuple[int, int, int, int]  # size, mtime, ctime (nanoseconds), inode
ProblemFields = tuple[Any, ...]

_TABLES = """
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS records(name TEXT PRIMARY KEY, size INT, mtime INT, ctime INT, inode INT,
                                   digest BLOB, stored INT, reusable INT);
CREATE TABLE IF NOT EXISTS data(name TEXT PRIMARY KEY, data BLOB);
CREATE TABLE IF NOT EXISTS problems(name TEXT PRIMARY KEY, problems BLOB);
CREATE TABLE IF NOT EXISTS deps(dep TEXT, name TEXT);
CREATE INDEX IF NOT EXISTS deps_by_dep ON deps(dep);
CREATE INDEX IF NOT EXISTS deps_by_name ON deps(name);
CREATE TABLE IF NOT EXISTS plain_files(path TEXT PRIMARY KEY);
"""


_EXPECTED_TABLES = frozenset({"meta", "records", "data", "problems", "deps", "plain_files"})
# What reading a damaged cache raises: SQLite's errors, and marshal's on a damaged blob.
DAMAGE = (sqlite3.Error, OSError, ValueError, EOFError, TypeError, KeyError, IndexError)
_WARNING = (
    "thidua: bộ nhớ đệm ở {path} bị hỏng ({reason}) nên đã bị bỏ; lần này mọi hồ sơ được đọc lại "
    "(kết quả như khi chạy với --no-cache), lần sau bộ nhớ đệm được tạo lại.\n"
)


class CacheBroken(Exception):
    """The cache file is not one thidua wrote."""


def content_digest(content: bytes) -> bytes:
    """The digest git gives the same bytes (a blob)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).digest()


def file_stat(path: str) -> Stat:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def code_key(schema_files: list[tuple[str, bytes]]) -> bytes:
    """What every entry depends on: thidua's own code, Python, PyYAML and the schemas."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(f"{FORMAT}|{sys.version}|{yaml.__version__}|{yaml.__with_libyaml__}".encode())
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for name, content in schema_files:
        digest.update(name.encode() + b"\0" + content)
    return digest.digest()


def cache_file(root: Path) -> Path:
    """Where the cache of the tree at ``root`` is kept."""
    base = os.environ.get("THIDUA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "thidua"
    )
    return Path(base) / hashlib.sha1(str(root).encode(), usedforsecurity=False).hexdigest()[:16] / FILE


def dep_key(*parts: str | None) -> str:
    """One thing a check read, as text: ("record", kind, scope, id), ("ids", kind, scope), ("file", path)…"""
    return "\0".join(part or "" for part in parts)


class Cache:
    """The cache of one records tree. A disabled cache remembers nothing and writes nothing."""

    def __init__(self, root: Path, key: bytes, *, enabled: bool = True) -> None:
        self.key = key
        self.started = time.time_ns()
        self.previous_start = 0
        self.trusted = False  # written by the same code and schemas
        self.rows: dict[str, tuple[Stat, bytes, bool, bool]] = {}  # stat, digest, has data, problems reusable
        self.changed: set[str] = set()  # files added, removed or with other content since the cache was written
        self._read: list[tuple[Any, ...]] = []
        self._checked: list[tuple[str, bytes | None, list[str]]] = []
        self._plain_files: set[str] | None = None
        self.plain_files_now: set[str] | None = None  # the scanned files this run saw
        self.db: sqlite3.Connection | None = None
        self.warned = False  # one warning per run, however many reads find the cache damaged
        self.path = cache_file(root)
        if enabled:
            self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # nowhere to keep a cache: the run is only slower
        try:
            self.db = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )  # serve reads from its watcher thread
            tables = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and tables != _EXPECTED_TABLES:
                raise CacheBroken(
                    f"thiếu bảng {', '.join(sorted(_EXPECTED_TABLES - tables))}" if _EXPECTED_TABLES - tables else "có bảng lạ"
                )
            self.db.executescript(_TABLES)
            self._load()
        except (CacheBroken, *DAMAGE) as exc:
            self.drop(exc)
            try:  # a new, empty cache in its place; without one the run is only slower
                self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self.db.executescript(_TABLES)
            except DAMAGE:
                self.close()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def drop(self, exc: BaseException) -> None:
        """Forget the damaged cache: warn once, delete its file (or what stands in its place), use it no more."""
        self.close()
        self.rows = {}
        self.trusted = False
        if not self.warned:
            self.warned = True
            reason = " ".join(str(exc).split()) or type(exc).__name__
            sys.stderr.write(_WARNING.format(path=self.path, reason=reason))
        for extra in ("", "-wal", "-shm"):
            target = Path(f"{self.path}{extra}")
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target, ignore_errors=True)  # inside thidua's own cache folder
            else:
                target.unlink(missing_ok=True)

    def _load(self) -> None:
        assert self.db is not None
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        if meta.get("key") != self.key:
            self.db.executescript(
                "BEGIN; DELETE FROM records; DELETE FROM data; DELETE FROM problems; "
                "DELETE FROM deps; DELETE FROM plain_files; COMMIT;"
            )
            return
        self.trusted = True
        self.previous_start = int(meta.get("started", 0))
        self.rows = {
            name: ((size, mtime, ctime, inode), digest, has_data, reusable)
            for name, size, mtime, ctime, inode, digest, has_data, reusable in self.db.execute(
                "SELECT name, size, mtime, ctime, inode, digest, stored, reusable FROM records"
            )
        }

    # --- reading files ------------------------------------------------------

    def known(self, name: str, stat: Stat) -> bytes | None:
        """The digest of a stored record whose size, times and inode show it unchanged since it was read."""
        row = self.rows.get(name)
        if row is None or not row[2] or row[0] != stat or stat[1] >= self.previous_start - RACY_NS:
            return None
        return row[1]

    def holds(self, name: str, digest: bytes) -> bool:
        """Whether the cache holds the data of this content (no side effect: workers ask it)."""
        row = self.rows.get(name)
        return row is not None and row[1] == digest and row[2]

    def stored(self, name: str, stat: Stat, digest: bytes) -> bool:
        """Whether the cache holds this content's data (noting the file's new times if it does)."""
        if not self.holds(name, digest):
            return False
        if self.rows[name][0] != stat:
            self._read.append((name, *stat, digest, None, False))
        return True

    def data(self, name: str) -> Any:
        """The stored data of a record; CacheBroken (the cache then dropped, with its warning) if it cannot give it."""
        try:
            if self.db is None:
                raise CacheBroken("đã bị bỏ")
            return marshal.loads(self.db.execute("SELECT data FROM data WHERE name = ?", (name,)).fetchone()[0])
        except (CacheBroken, *DAMAGE) as exc:
            if self.db is not None:
                self.drop(CacheBroken(f"dữ liệu của {name} không đọc được: {type(exc).__name__}"))
            raise CacheBroken(name) from exc

    def read(self, name: str, stat: Stat | None, digest: bytes, data: Any | None) -> None:
        """A file read anew: its data if it passed its schema (else None)."""
        if self.db is None or stat is None:
            return
        row = self.rows.get(name)
        if row is None or row[1] != digest:
            self.changed.add(name)
        self._read.append((name, *stat, digest, None if data is None else marshal.dumps(data), True))

    def gone(self, names: Iterable[str]) -> None:
        """Note the files no longer there."""
        self.changed.update(set(self.rows) - set(names))

    # --- checks across records ------------------------------------------------

    def reusable(self, name: str) -> bool:
        row = self.rows.get(name)
        return row is not None and row[3] and name not in self.changed

    def dependents(self, deps: set[str]) -> set[str]:
        """Records whose checks read any of ``deps``."""
        if self.db is None or not deps:
            return set()
        found: set[str] = set()
        ordered = sorted(deps)
        try:
            for start in range(0, len(ordered), 500):
                chunk = ordered[start : start + 500]
                query = f"SELECT DISTINCT name FROM deps WHERE dep IN ({','.join('?' * len(chunk))})"
                found.update(name for (name,) in self.db.execute(query, chunk))
        except DAMAGE as exc:
            self.drop(exc)  # nothing stored is used any more: every record is checked again
            return set()
        return found

    def problems(self) -> dict[str, list[ProblemFields]]:
        """The problems stored for records that had any."""
        if self.db is None:
            return {}
        try:
            return {
                name: [tuple(fields) for fields in marshal.loads(blob)]
                for name, blob in self.db.execute("SELECT name, problems FROM problems")
            }
        except DAMAGE as exc:
            self.drop(CacheBroken(f"lỗi đã lưu không đọc được: {type(exc).__name__}"))
            return {}

    def plain_files(self) -> set[str]:
        if self._plain_files is None:
            try:
                self._plain_files = set() if self.db is None else {p for (p,) in self.db.execute("SELECT path FROM plain_files")}
            except DAMAGE as exc:
                self.drop(exc)
                self._plain_files = set()
        return self._plain_files

    def checked(self, name: str, problems: list[ProblemFields] | None, deps: list[str]) -> None:
        """What a record's checks found (None: not to be reused) and what they read."""
        self._checked.append((name, None if problems is None else marshal.dumps(problems) if problems else b"", deps))

    # --- writing --------------------------------------------------------------

    def _save_files(self, db: sqlite3.Connection) -> None:
        """Files read anew (their data, when valid) and files only touched (their new times)."""
        fresh = [row for row in self._read if row[-1]]
        db.executemany(
            "INSERT OR REPLACE INTO records(name, size, mtime, ctime, inode, digest, stored, reusable) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            [(*row[:6], row[6] is not None) for row in fresh],
        )
        db.executemany("DELETE FROM data WHERE name = ?", [(row[0],) for row in fresh if row[6] is None])
        db.executemany(
            "INSERT OR REPLACE INTO data(name, data) VALUES (?, ?)", [(row[0], row[6]) for row in fresh if row[6] is not None]
        )
        db.executemany(
            "UPDATE records SET size = ?, mtime = ?, ctime = ?, inode = ? WHERE name = ?",
            [(*row[1:5], row[0]) for row in self._read if not row[-1]],
        )

    def _save_checks(self, db: sqlite3.Connection) -> None:
        """What each record checked anew found, and what its check read (only where its problems may be reused)."""
        checked = [(name,) for name, _, _ in self._checked]
        db.executemany("DELETE FROM deps WHERE name = ?", checked)
        db.executemany("DELETE FROM problems WHERE name = ?", checked)
        db.executemany(
            "UPDATE records SET reusable = ? WHERE name = ?", [(blob is not None, name) for name, blob, _ in self._checked]
        )
        db.executemany(
            "INSERT INTO problems(name, problems) VALUES (?, ?)", [(name, blob) for name, blob, _ in self._checked if blob]
        )
        db.executemany(
            "INSERT INTO deps(dep, name) VALUES (?, ?)",
            [(dep, name) for name, blob, deps in self._checked if blob is not None for dep in deps],
        )

    @property
    def enabled(self) -> bool:
        return self.db is not None

    def save(self, names: Iterable[str]) -> None:
        """Write what this run learnt, in one transaction; stored data stays readable afterwards."""
        if self.db is None:
            return
        db = self.db
        try:
            db.execute("BEGIN")
            gone = [(name,) for name in set(self.rows) - set(names)]
            for table in ("records", "data", "problems", "deps"):
                db.executemany(f"DELETE FROM {table} WHERE name = ?", gone)
            self._save_files(db)
            self._save_checks(db)
            plain = self.plain_files_now
            if plain is not None and plain != self.plain_files():
                db.execute("DELETE FROM plain_files")
                db.executemany("INSERT INTO plain_files(path) VALUES (?)", [(p,) for p in sorted(plain)])
            db.executemany(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [("key", self.key), ("started", self.started)]
            )
            db.execute("COMMIT")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
