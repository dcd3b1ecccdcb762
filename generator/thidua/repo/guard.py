"""The deadline guard: a change that adds or edits a nomination after its campaign's deadline is refused.

Changes are read from git (one ``git diff`` against the base the pull request targets);
the date is the CI clock's, in Asia/Ho_Chi_Minh, handed in by the CLI.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..model import Registry
from ..problems import Problem
from ..text import table_date


class GuardError(Exception):
    """git could not tell what changed (a usage error: wrong base, not a repository)."""


def changed_nominations(root: Path, base: str) -> list[str]:
    """Nomination files added or modified between ``base`` and the working tree's HEAD."""
    done = subprocess.run(
        ["git", "-C", str(root), "diff", "--name-status", "--no-renames", base, "HEAD", "--", "records/nominations"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise GuardError(f"git không so sánh được với «{base}»: {done.stderr.strip() or 'không rõ lý do'}")
    return sorted(line.split("\t", 1)[1] for line in done.stdout.splitlines() if line[:1] in ("A", "M"))


def deadline_problems(registry: Registry, changed: list[str], today: dt.date) -> list[Problem]:
    """A problem for each changed nomination whose campaign's deadline day is over."""
    problems = []
    for path in changed:
        parts = Path(path).parts  # records/nominations/<campaign>/<id>.yml
        campaign = registry.campaigns.get(parts[2]) if len(parts) == 4 else None
        if campaign is None or campaign.deadline is None or today <= campaign.deadline:
            continue
        problems.append(
            Problem(
                path,
                1,
                1,
                "deadline-passed",
                f"Phong trào “{campaign.name}” năm {campaign.year} đã hết hạn nhận hồ sơ (hạn chót hết ngày "
                f"{table_date(campaign.deadline)}, giờ Việt Nam); không thể thêm hay sửa hồ sơ đề nghị sau hạn. "
                "Nếu cần điều chỉnh, hãy liên hệ bộ phận theo dõi phong trào.",
                f"hồ sơ đề nghị {Path(path).stem}",
            )
        )
    return problems
