"""House style holds: ruff finds nothing, ruff format changes nothing, and mypy --strict passes on the package."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    """ruff check, with the rules and reasons in pyproject.toml (complexity included), reports no problem in generator/,
    tests/ or bench/."""
    done = _run("ruff", "check", "--output-format", "concise", "generator", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_the_formatting() -> None:
    """The code is laid out as ``ruff format`` lays it out (pyproject.toml: 130 columns): nothing to reformat."""
    done = _run("ruff", "format", "--check", "generator", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_passes() -> None:
    """mypy --strict (configured in pyproject.toml) finds no type error in the thidua package."""
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_source_file_is_ignored_by_git() -> None:
    """Every file of the package, the schemas, the tests and the hand-written guide would be committed: no .gitignore
    pattern catches it (an unanchored ``site/`` once hid ``generator/thidua/site/page.py`` from every fresh clone)."""
    sources = [
        str(path.relative_to(ROOT))
        for folder in ("generator/thidua", "schemas", "tests", "docs/huong-dan")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and ".hypothesis" not in path.parts
    ]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, input="\n".join(sources), capture_output=True, text=True
    )
    assert done.returncode in (0, 1), done.stderr  # 1: nothing ignored; 128: git failed
    assert done.stdout.split() == []
