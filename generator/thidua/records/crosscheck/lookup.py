"""What a check across records may read: other records by kind and id, the ids of a kind, and scanned files.

Every read goes through a Lookup, which notes it while a record is being checked, so that
the cache (speed/cache.py) knows what each record's problems depend on. A read the cache
cannot follow (a file's content, a path outside records/files) makes the answer unstable:
those records are checked again on every run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path as FsPath
from typing import Any

from ...problems import Problem
from ..layout import BY_NAME, FILES_FOLDER
from ..record import Record
from ..schema_messages import suggest
from ..yaml_reader import Path

Read = tuple[str, ...]  # ("record", kind, scope, id), ("ids", kind, scope), ("records", kind, scope), ("file", path)
Key = tuple[str, str | None, str]  # kind, scope, id
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class Lookup:
    """The records of one tree, by kind, scope and id (each record known by its file name), and the problems found."""

    def __init__(self, root: FsPath, records: list[Record], unreadable: set[Key]) -> None:
        self.root = root
        self.records = records
        self.unreadable = unreadable  # record files that exist but gave no record: naming them is not an error
        self.index: dict[Key, Record] = {(r.kind.name, r.scope, r.stem): r for r in records}
        self.problems: list[Problem] = []
        self._ids: dict[tuple[str, str | None], list[str]] = {}
        self._plain_files: set[str] | None = None
        self.reads: set[Read] | None = None  # what the record being checked read, while tracking
        self.stable = True  # False once it read something the cache cannot follow

    # --- tracking --------------------------------------------------------------

    def track(self) -> None:
        """Start noting what the next check reads."""
        self.reads, self.stable = set(), True

    def _read(self, *what: str | None) -> None:
        if self.reads is not None:
            self.reads.add(tuple(part or "" for part in what))

    # --- reading ---------------------------------------------------------------

    def add(self, record: Record, path: Path, code: str, message: str, *, at_key: bool = False) -> None:
        self.problems.append(record.problem(path, code, message, at_key=at_key))

    def get(self, kind: str, ident: Any, scope: str | None = None) -> Record | None:
        """The record of that kind and id, if it exists and its shape is sound."""
        if not isinstance(ident, str):
            return None
        self._read("record", kind, scope, ident)
        found = self.index.get((kind, scope, ident))
        return found if found is not None and found.usable else None

    def ids(self, kind: str, scope: str | None = None) -> list[str]:
        """Every id of a kind (in a campaign), sorted."""
        self._read("ids", kind, scope)
        if (kind, scope) not in self._ids:
            self._ids[kind, scope] = sorted(ident for (k, s, ident) in self.index if k == kind and s == scope)
        return self._ids[kind, scope]

    def of_kind(self, kind: str, scope: str | None) -> list[Record]:
        """Every usable record of a kind (in a campaign), in file order."""
        self._read("records", kind, scope)
        return [r for r in self.records if r.kind.name == kind and r.usable and r.scope == scope]

    def ref(self, record: Record, path: Path, kind: str, scope: str | None = None) -> Record | None:
        """The record that the value at ``path`` names, or a problem saying it is missing."""
        value: Any = at(record.data, path)
        found = self.get(kind, value, scope)
        if found is None and (kind, scope, value) not in self.index and (kind, scope, value) not in self.unreadable:
            folder = BY_NAME[kind].folder + (f"/{scope}" if scope else "")
            hint = suggest(value, self.ids(kind, scope)) or f" Hãy kiểm tra mã, hoặc thêm tệp records/{folder}/{value}.yml."
            self.add(
                record, path, "unknown-reference", f"Không tìm thấy {BY_NAME[kind].label} «{value}» trong records/{folder}.{hint}"
            )
        return found

    def refs(self, record: Record, path: Path, kind: str, scope: str | None = None) -> list[Record]:
        """The records a list of ids names; a problem for each that is missing."""
        found = []
        for i, _ in enumerate(at(record.data, path) or []):
            target = self.ref(record, path + (i,), kind, scope)
            if target is not None:
                found.append(target)
        return found

    def plain_files(self) -> set[str]:
        """Regular files under records/files, reached without a symlink, as clean relative paths."""
        if self._plain_files is None:
            self._plain_files = set(_regular_files(self.root / "records" / FILES_FOLDER, f"records/{FILES_FOLDER}"))
        return self._plain_files

    def file(self, record: Record, path: Path, what: str = "bản quét") -> bool:
        """The file at ``path`` is a regular file in records/files; False (with a problem) if not."""
        value = at(record.data, path)
        if value in self.plain_files():
            self._read("file", value)
            return True
        self.stable = False  # the answer depends on more than the files folder
        target = (self.root / value).resolve()
        if not target.is_relative_to(self.root) or ".git" in FsPath(value).parts:
            self.add(record, path, "file-outside", f"Tệp «{value}» nằm ngoài kho; hãy đặt {what} trong records/files/.")
        elif {"..", "."} & set(value.split("/")):
            self.add(
                record,
                path,
                "file-indirect",
                f"Đường dẫn «{value}» có «..» hoặc «.»; hãy viết thẳng {target.relative_to(self.root).as_posix()}.",
            )
        elif not target.is_file():
            self.add(
                record,
                path,
                "missing-file",
                f"Không có tệp «{value}» trong kho; hãy tải {what} lên đúng đường dẫn này, hoặc sửa đường dẫn.",
            )
        else:
            return True
        return False

    def is_image(self, relative: str) -> bool:
        """The file starts like a PNG or a JPEG, whatever its name says (its content is read: not cached)."""
        self.stable = False
        with (self.root / relative).open("rb") as stream:
            return stream.read(8).startswith(_IMAGE_MAGIC)


def at(data: Any, path: Path) -> Any:
    """The value at ``path``, or None where the path leads nowhere."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _regular_files(folder: FsPath | str, rel: str) -> Iterator[str]:
    """Regular files under ``folder``, walked without following symlinks, as paths under ``rel``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != ".git":
                yield from _regular_files(entry.path, f"{rel}/{entry.name}")
        elif entry.is_file(follow_symlinks=False):
            yield f"{rel}/{entry.name}"
