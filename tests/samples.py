"""Sample campaigns written by other agencies (tests/data/<name>/records), laid over a copy of the repository and run
through the command line as a user would."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from conftest import DATA, copy_repository
from thidua.cli import main


def sample_tree(parent: Path, sample: str) -> Path:
    """A copy of the repository under ``parent`` with ``tests/data/<sample>/records`` laid over its records."""
    root = copy_repository(parent / "repo")
    shutil.copytree(DATA / sample / "records", root / "records", dirs_exist_ok=True)
    return root


def evaluated(root: Path, as_of: str, target: Path) -> Path:
    """``thidua --root ROOT evaluate --as-of AS_OF --output TARGET``, which must succeed; the folder of JSON files."""
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), "evaluate", "--as-of", as_of, "--output", str(target)])
    assert code == 0
    return target


def built(root: Path, as_of: str) -> Path:
    """``thidua --root ROOT build --as-of AS_OF``, which must succeed; the built site."""
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--root", str(root), "build", "--as-of", as_of]) == 0
    return root / "site"
