"""Print validation problems for people (text), GitHub Actions and machines (JSON)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ..problems import Problem
from ..text import visible


def _summary_line(problems: Sequence[Problem], files: int) -> str:
    if not problems:
        return f"Tất cả {files} tệp hồ sơ đều hợp lệ."
    bad_files = len({p.file for p in problems})
    return f"Hồ sơ chưa hợp lệ: {len(problems)} lỗi trong {bad_files} tệp (đã đọc {files} tệp hồ sơ). Hãy sửa các lỗi trên rồi chạy lại."


def as_text(problems: Sequence[Problem], files: int) -> str:
    """One line per problem, whatever a file name or a quoted value holds (line breaks are shown escaped)."""
    lines = []
    for p in problems:
        who = f"[{visible(p.record)}] " if p.record else ""
        lines.append(f"{visible(p.location())}: {who}{visible(p.message)}")
    lines.append(_summary_line(problems, files))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem], files: int) -> str:
    """GitHub workflow commands: one ::error annotation per problem, then the summary."""
    lines = []
    for p in problems:
        title = _escape_property(f"thidua: {p.record}" if p.record else "thidua")
        lines.append(
            f"::error file={_escape_property(p.file)},line={p.line},col={p.column},title={title}::{_escape_data(p.message)}"
        )
    lines.append(_summary_line(problems, files))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return visible(text).replace("\\", "\\\\").replace("|", "\\|")


def as_step_summary(problems: Sequence[Problem], files: int) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the full list, since annotations are capped per step."""
    lines = ["## Kiểm tra hồ sơ thi đua", "", _summary_line(problems, files), ""]
    if problems:
        lines += ["| Vị trí | Hồ sơ | Lỗi |", "|---|---|---|"]
        lines += [f"| `{_cell(p.location())}` | {_cell(p.record)} | {_cell(p.message)} |" for p in problems]
        lines.append("")
    return "\n".join(lines)


def as_json(problems: Sequence[Problem], files: int, records: int) -> str:
    report = {
        "version": 1,
        "valid": not problems,
        "files": files,
        "records": records,
        "problems": [
            {"file": p.file, "line": p.line, "column": p.column, "record": p.record, "code": p.code, "message": p.message}
            for p in problems
        ],
    }
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def as_gitlab(problems: Sequence[Problem]) -> str:
    """GitLab Code Quality report (Code Climate JSON): one issue per problem, shown on the merge request."""
    issues = [
        {
            "description": f"[{p.record}] {p.message}" if p.record else p.message,
            "check_name": f"thidua/{p.code}",
            "fingerprint": hashlib.sha256(f"{p.file}:{p.line}:{p.column}:{p.code}:{p.message}".encode()).hexdigest(),
            "severity": "major",
            "location": {"path": p.file, "lines": {"begin": p.line}},
        }
        for p in problems
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
