"""The folder a build is written to: refused unless it is safe to replace, swapped in whole, never half written.

A build is made in a staging folder beside the output folder and swapped into place only
when MkDocs succeeded. Replacing a folder deletes it, so only a folder that thidua built
may be replaced (it carries ``MARK``), never one that holds the repository's own files.
Staging folders of a build that was killed are removed by the next build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

MARK = ".thidua-site"  # in every folder thidua built; only such a folder may be replaced
MARK_TEXT = "Thư mục này do thidua dựng; lần chạy sau thay toàn bộ thư mục. Đừng lưu gì khác vào đây.\n"
STAGING = ".site-"  # prefix of the staging folders, beside the output folder
OWNER = ".thidua-staging"  # in a staging folder while a build runs: the process id of that build
PROTECTED = ("records", "schemas", "docs", "generator", "overrides", ".git")


T = TypeVar("T")


class FolderError(Exception):
    """An output folder that must not be replaced (a usage error: nothing was touched)."""


def under(root: Path, folder: Path) -> Path:
    """An output folder as given on the command line: relative to the repository root unless absolute."""
    return folder if folder.is_absolute() else root / folder


def _tracked(root: Path, folder: Path) -> bool:
    """Whether git tracks any file in ``folder`` (False where git or the repository is missing)."""
    where = folder if folder.is_dir() else root
    try:
        done = subprocess.run(
            ["git", "-C", str(where), "ls-files", "-z", "--", str(folder)], capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout)


def _relation(site: Path, kept: Path) -> str | None:
    """How ``site`` stands to a folder of the repository, in words, if it overlaps it."""
    if site == kept:
        return "chính là"
    if kept in site.parents:
        return "nằm trong"
    if site in kept.parents:
        return "chứa"
    return None


def check(root: Path, site: Path, option: str = "--site-dir", example: str = "site") -> None:
    """Raise FolderError when ``site`` is not a folder a build may replace (given with ``option``, for which
    ``example`` is a good value)."""
    root = root.resolve()
    shown = site.relative_to(root) if site.is_relative_to(root) else site
    if site.is_symlink():
        raise FolderError(
            f"thư mục đầu ra {shown} là liên kết tượng trưng (symlink); hãy chọn một thư mục thật, ví dụ {option} {example}."
        )
    site = site.resolve()
    if _relation(site, root) in ("chính là", "chứa"):
        raise FolderError(
            f"thư mục đầu ra {shown} {_relation(site, root)} kho hồ sơ; dựng vào đó sẽ xóa cả kho. "
            f"Hãy chọn một thư mục riêng, ví dụ {option} {example}."
        )
    for name in PROTECTED:
        relation = _relation(site, (root / name).resolve())
        if relation:
            raise FolderError(
                f"thư mục đầu ra {shown} {relation} thư mục {name}/ của kho; dựng vào đó sẽ xóa dữ liệu. "
                f"Hãy chọn một thư mục riêng, ví dụ {option} {example}."
            )
    if site.exists() and not site.is_dir():
        raise FolderError(f"{shown} là một tệp, không phải thư mục; hãy chọn thư mục khác cho {option}.")
    if site.is_dir() and any(site.iterdir()) and not (site / MARK).is_file():
        raise FolderError(
            f"thư mục {shown} đã có nội dung nhưng không do thidua dựng (thiếu tệp {MARK}); thidua không xóa nó. "
            f"Hãy chọn thư mục khác cho {option}, hoặc tự chuyển nội dung đi rồi chạy lại."
        )
    if _tracked(root, site):
        raise FolderError(
            f"thư mục {shown} có tệp do git theo dõi; dựng vào đó sẽ xóa chúng. Hãy chọn thư mục khác cho {option}."
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _stale(folder: Path) -> bool:
    """A staging folder of a build that is no longer running (or a replaced site whose removal was cut short)."""
    owner = folder / OWNER
    try:
        return not _alive(int(owner.read_text("utf-8").strip()))
    except FileNotFoundError:
        return (folder / MARK).is_file()
    except (OSError, ValueError):
        return False


def remove_stale(parent: Path) -> None:
    """Remove what killed builds left beside the output folder: only folders thidua marked."""
    try:
        candidates = [entry for entry in parent.iterdir() if entry.name.startswith(STAGING)]
    except OSError:
        return
    for folder in candidates:
        if folder.is_dir() and not folder.is_symlink() and _stale(folder):
            shutil.rmtree(folder, ignore_errors=True)


def staging(site: Path) -> Path:
    """A new empty staging folder beside ``site``, owned by this process."""
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(site.parent)
    folder = Path(tempfile.mkdtemp(prefix=STAGING, dir=site.parent))
    (folder / OWNER).write_text(f"{os.getpid()}\n", "utf-8")
    return folder


def swap(folder: Path, site: Path) -> None:
    """Put the finished build in ``folder`` at ``site``; the folder it replaces (built by thidua) is removed."""
    (folder / OWNER).unlink()
    (folder / MARK).write_text(MARK_TEXT, "utf-8")
    old = folder.with_name(folder.name + "-cu")
    if site.exists():
        site.rename(old)
    folder.rename(site)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def in_staging(staging: Path, work: Callable[[], T]) -> T:
    """Run one step of the writing; an exception or an interruption discards the staging folder."""
    try:
        return work()
    except BaseException:
        discard(staging)
        raise
