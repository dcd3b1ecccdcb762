"""The records tree as files: which file holds which kind of record, and what does not belong there.

Nothing here reads a file's content. A symlink is never followed: it is reported at its path,
like a pipe or a device, so that no record is ever read from outside the repository.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ..problems import Problem
from .layout import OTHER_FOLDERS, RECORD_SUFFIX, Kind, misnamed, place


@dataclass(frozen=True)
class Entry:
    """A record file in its place."""

    name: str  # relative to the root, written with "/"
    kind: Kind
    scope: str | None  # the campaign folder of per-campaign kinds


@dataclass
class Listing:
    names: list[str] = field(default_factory=list)  # every file looked at, in order
    entries: list[Entry] = field(default_factory=list)  # the record files, in order
    problems: list[Problem] = field(default_factory=list)  # files where no record may be
    unread: list[tuple[Problem, Kind, str | None]] = field(default_factory=list)  # record files that give no record


def list_records(root: FsPath) -> Listing:
    """Every record file under ``root/records`` with its kind and scope, and a problem for each file out of place."""
    listing = Listing()
    names, odd = _record_names(root)
    listing.names = names
    for name, link in odd:
        kind, scope, _ = place(name) if name.endswith(RECORD_SUFFIX) else (None, None, None)
        if kind is None:
            listing.problems.append(_odd_entry(name, link))
        else:  # its id is known to exist, so records that name it are not reported too
            listing.unread.append((_odd_entry(name, link), kind, scope))
    places: dict[str, tuple[Kind | None, str | None, str | None]] = {}  # every file in a folder has the same place
    for name in names:
        wrong_name = misnamed(name)
        if wrong_name:
            listing.problems.append(Problem(name, 1, 1, "not-a-record-file", wrong_name))
            continue
        folder = name[: name.rfind("/")]
        if folder not in places:
            places[folder] = place(name)
        kind, scope, layout_error = places[folder]
        if layout_error:
            listing.problems.append(Problem(name, 1, 1, "layout", layout_error))
        elif kind is not None:
            listing.entries.append(Entry(name, kind, scope))
    return listing


def _record_names(root: FsPath) -> tuple[list[str], list[tuple[str, bool]]]:
    """Every file under ``records/`` that is not a scanned document or a note, relative to ``root`` and written
    with "/": each folder's files by name, then its folders. Also what must not be there: each symlink and
    other entry that is neither a regular file nor a folder, with whether it is a symlink (never followed)."""
    names: list[str] = []
    odd: list[tuple[str, bool]] = []
    if os.path.islink(os.path.join(root, "records")):
        return names, [("records", True)]
    _walk(os.path.join(root, "records"), "records", names, odd)
    return names, odd


def _walk(folder: str, rel: str, names: list[str], odd: list[tuple[str, bool]]) -> None:
    """Regular files are listed and folders entered; a symlink is never followed and, like a device or a pipe,
    is noted in ``odd`` (inside records/files only the folder itself is looked at: scans are checked where named)."""
    try:
        entries = sorted(
            (entry.name, entry.is_symlink(), entry.is_dir(follow_symlinks=False), entry.is_file(follow_symlinks=False))
            for entry in os.scandir(folder)
        )
    except OSError:
        return
    for name, link, is_dir, is_file in entries:
        if is_file and not name.lower().endswith(".md"):
            names.append(f"{rel}/{name}")
        elif link or not (is_dir or is_file):
            odd.append((f"{rel}/{name}", link))
    for name, _, is_dir, _ in entries:
        if is_dir and not (rel == "records" and name in OTHER_FOLDERS):
            _walk(os.path.join(folder, name), f"{rel}/{name}", names, odd)


def _odd_entry(name: str, link: bool) -> Problem:
    """A symlink or special file where records are read: refused at its path, never followed."""
    if link:
        message = (
            f"«{name}» là liên kết tượng trưng (symlink): thidua chỉ đọc tệp và thư mục thật nằm trong kho, "
            "không theo liên kết ra ngoài. Hãy thay liên kết bằng bản sao thật (hoặc xóa nó)."
        )
    else:
        message = f"«{name}» không phải tệp thường (có thể là ống dẫn hay thiết bị); hãy xóa nó khỏi records/."
    return Problem(name, 1, 1, "symlink" if link else "not-a-file", message)
