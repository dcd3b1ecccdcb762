"""Shared fixtures: a disposable copy of the repository, the CLI, golden files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from thidua.cli import main
from thidua.problems import Problem
from thidua.records.validate import validate_tree
from thidua.site.build import GENERATED

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
DATA = Path(__file__).parent / "data"
AS_OF = "2025-11-20"  # tests never read today's date


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; --update-golden rewrites it."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        assert path.is_file(), f"missing golden file {path}; run pytest --update-golden"
        assert text == path.read_text("utf-8")

    return check


def copy_repository(target: Path) -> Path:
    """Copy what a build reads (records, schemas, hand-written docs, theme overrides, mkdocs.yml, vendor) into ``target``."""
    shutil.copytree(ROOT / "records", target / "records")
    shutil.copytree(ROOT / "schemas", target / "schemas")
    shutil.copytree(
        ROOT / "docs", target / "docs", ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "docs" and n in GENERATED]
    )
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    # The vendored CMS (3 MB, read only): linked, not copied, into every tree a test builds.
    (target / "vendor").symlink_to(ROOT / "vendor", target_is_directory=True)
    return target


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps thidua's validation cache in its own folder, never in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the repository's records and site sources, safe to break."""
    return copy_repository(tmp_path / "repo")


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``thidua`` in-process and capture its exit code and output."""

    def run(*args: str) -> Run:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def write(root: Path, relative: str, text: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def problems_in(root: Path, relative: str | None = None) -> list[Problem]:
    """Problems of the whole tree, or only those reported in one file."""
    problems = validate_tree(root).problems
    return [p for p in problems if relative is None or p.file == relative]


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a file with ``new``."""
    text = (root / relative).read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {relative}"
    write(root, relative, text.replace(old, new))


def found(root: Path, relative: str) -> list[tuple[int, int, str, str]]:
    """(line, column, code, message) of every problem reported in one file."""
    return [(p.line, p.column, p.code, p.message) for p in problems_in(root, relative)]


def _values(data: object) -> list[str]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _values(value)]
    if isinstance(data, list):
        return [v for value in data for v in _values(value)]
    return [str(data)]


def private_values(root: Path) -> list[str]:
    """Every value of every person's private block under ``root``, birth dates also as printed (dd/mm/yyyy)."""
    people = sorted((root / "records" / "people").glob("*.yml"))
    secrets = sorted({v for p in people for v in _values(yaml.safe_load(p.read_text("utf-8")).get("private", {}))})
    return secrets + [f"{s[8:10]}/{s[5:7]}/{s[:4]}" for s in secrets if len(s) == 10 and s[4] == "-"]
