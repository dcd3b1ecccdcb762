"""Time one command in a fresh process: wall-clock seconds and the peak memory of that process alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time (s) and peak memory (MiB) of one command, run in a fresh process that must succeed."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    seconds, peak_kib, code = out.stdout.split()
    if code != "0":
        raise SystemExit(f"lệnh thất bại (mã {code}): {' '.join(command[:6])}…")
    return float(seconds), int(peak_kib) // 1024
