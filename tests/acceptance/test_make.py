"""make test installs Debian's chromium, Java and LibreOffice when they are missing; when apt-get cannot run, it says in
Vietnamese what to run instead, and stops. Run with a PATH of stand-ins: no package is ever installed here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

TARGETS = {
    "browser": ("chromium", "chromium"),
    "java": ("java", "default-jre-headless"),
    "office": ("soffice", "libreoffice-writer-nogui fonts-liberation2 poppler-utils"),
}
LOCKED = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)"


def _stand_in(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    path.chmod(0o755)


def _make(tmp_path: Path, target: str, uid: int, apt_fails: bool, present: bool = False) -> tuple[int, str, Path]:
    """``make TARGET`` with a PATH where the package's command is missing (unless ``present``), ``id -u`` prints
    ``uid`` and apt-get records its arguments, then fails as when another program holds dpkg's lock."""
    folder = tmp_path / "bin"
    folder.mkdir()
    calls = tmp_path / "apt-calls"
    for tool in ("mktemp", "tail", "rm"):
        os.symlink(shutil.which(tool) or tool, folder / tool)
    _stand_in(folder, "id", f"echo {uid}")
    failure = f'echo "{LOCKED}" >&2; exit 100' if apt_fails else "exit 0"
    _stand_in(folder, "apt-get", f'echo "$@" >> "{calls}"; {failure}')
    if present:
        _stand_in(folder, TARGETS[target][0], "exit 0")
    make = shutil.which("make")
    assert make, "make is missing"
    done = subprocess.run(
        [make, "--no-print-directory", "-C", str(ROOT), target],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": str(folder), "LANG": "C.UTF-8"},
    )
    return done.returncode, done.stdout + done.stderr, calls


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_without_root_make_says_what_to_run(tmp_path: Path, target: str) -> None:
    """Not root: apt-get is not tried; make says the command is missing, gives the sudo command, and fails."""
    code, out, calls = _make(tmp_path, target, uid=1000, apt_fails=False)
    command, package = TARGETS[target]
    assert code != 0
    assert f"(lệnh {command}); chỉ người dùng root mới cài được gói {package} của Debian." in out
    assert f"Hãy chạy lệnh sau, rồi chạy lại make:\n    sudo apt-get update && sudo apt-get install -y {package}\n" in out
    assert not calls.exists()


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_when_apt_get_is_locked_make_says_what_to_run(tmp_path: Path, target: str) -> None:
    """Root, but apt-get fails (dpkg's lock is held): make says so in Vietnamese, quotes apt-get's last line and
    gives the command to run, and fails."""
    code, out, calls = _make(tmp_path, target, uid=0, apt_fails=True)
    package = TARGETS[target][1]
    assert code != 0
    assert f"Không cài được gói {package}: apt-get không chạy được" in out
    assert f"Chi tiết từ apt-get: {LOCKED}" in out
    assert f"\n    sudo apt-get update && sudo apt-get install -y {package}\n" in out
    assert calls.read_text("utf-8") == "update -qq\n"


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_as_root_make_installs_the_debian_package(tmp_path: Path, target: str) -> None:
    """Root and apt-get works: the Debian package is installed, quietly, without a question."""
    code, out, calls = _make(tmp_path, target, uid=0, apt_fails=False)
    package = TARGETS[target][1]
    assert (code, out) == (0, f"Cài {package} từ kho gói Debian…\n")
    assert calls.read_text("utf-8") == f"update -qq\ninstall -y -qq {package}\n"


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_a_present_command_is_left_alone(tmp_path: Path, target: str) -> None:
    """When the command is already there, make neither checks for root nor calls apt-get."""
    code, out, calls = _make(tmp_path, target, uid=1000, apt_fails=True, present=True)
    assert (code, out) == (0, "")
    assert not calls.exists()
