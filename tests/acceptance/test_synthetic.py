"""The synthetic records generator for benchmarks: deterministic, and its records are valid."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from thidua.records.validate import validate_tree


def _generate(out: Path, seed: int = 7) -> dict[str, str]:
    subprocess.run(
        [sys.executable, str(ROOT / "bench/synthetic.py"), str(out), "--units", "3", "--nominations", "20", "--seed", str(seed)],
        check=True,
    )
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*.yml"))}


def test_same_arguments_same_bytes(tmp_path: Path) -> None:
    """Two runs with the same seed write byte-identical records; another seed writes other names."""
    first = _generate(tmp_path / "a")
    assert _generate(tmp_path / "b") == first
    assert _generate(tmp_path / "c", seed=8) != first


def test_synthetic_records_validate(tmp_path: Path) -> None:
    """The synthetic tree passes validation, with 20 more nominations than the sample."""
    _generate(tmp_path / "a")
    result = validate_tree(tmp_path / "a")
    assert result.problems == []
    nominations = [r for r in result.records if r.kind.name == "nomination"]
    assert len(nominations) == 10 + 20
