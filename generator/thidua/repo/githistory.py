"""When each record file first landed on the main line of history: one git pass for all files."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..records.layout import place, stem_of


def first_landings(root: Path, folder: str = "records") -> dict[str, dt.datetime]:
    """Path → commit time of the first-parent commit that added it; empty outside a git repository.

    One ``git log`` over the whole history (not one call per file): following
    first parents, a pull request counts from its merge into the main line.
    """
    try:
        done = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "log",
                "--first-parent",
                "--diff-filter=A",
                "--reverse",
                "--no-renames",
                "--format=%x00%cI",
                "--name-only",
                "HEAD",
                "--",
                folder,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    landed: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in done.stdout.splitlines():
        if line.startswith("\0"):
            when = dt.datetime.fromisoformat(line[1:])
        elif line and when is not None:
            landed.setdefault(line, when)
    return landed


def nomination_landings(root: Path) -> dict[tuple[str, str], dt.datetime]:
    """(campaign, nomination id) → when the nomination's file first landed; empty outside a git repository."""
    found: dict[tuple[str, str], dt.datetime] = {}
    for path, when in first_landings(root, "records/nominations").items():
        kind, scope, _ = place(path)
        if kind is not None and kind.name == "nomination" and scope is not None:
            found[(scope, stem_of(path))] = when
    return found
