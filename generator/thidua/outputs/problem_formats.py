"""Print validation problems for people (text), GitHub Actions and machines (JSON)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ..problems import Problem, Unfinished
from ..text import visible


def _summary_line(problems: Sequence[Problem], files: int, unfinished: Sequence[Unfinished] = ()) -> str:
    if not problems and unfinished:
        return (
            f"Tất cả {files} tệp hồ sơ đều hợp lệ, nhưng {len(unfinished)} hồ sơ đề nghị còn chưa đủ; mỗi hồ sơ "
            "còn phải gửi gì được liệt kê kèm theo."
        )
    if not problems:
        return f"Tất cả {files} tệp hồ sơ đều hợp lệ."
    bad_files = len({p.file for p in problems})
    return f"Hồ sơ chưa hợp lệ: {len(problems)} lỗi trong {bad_files} tệp (đã đọc {files} tệp hồ sơ). Hãy sửa các lỗi trên rồi chạy lại."


def as_text(problems: Sequence[Problem], files: int, unfinished: Sequence[Unfinished] = ()) -> str:
    """One line per problem, whatever a file name or a quoted value holds (line breaks are shown escaped); then the
    summary, then each valid dossier that is not finished yet."""
    lines = []
    for p in problems:
        who = f"[{visible(p.record)}] " if p.record else ""
        lines.append(f"{visible(p.location())}: {who}{visible(p.message)}")
    lines.append(_summary_line(problems, files, unfinished))
    lines += [f"{visible(u.file)}: [{visible(u.record)}] {visible(u.sentence())}" for u in unfinished]
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem], files: int, unfinished: Sequence[Unfinished] = ()) -> str:
    """GitHub workflow commands: one ::error annotation per problem, one ::warning per unfinished dossier, then the
    summary."""
    lines = []
    for p in problems:
        title = _escape_property(f"thidua: {p.record}" if p.record else "thidua")
        lines.append(
            f"::error file={_escape_property(p.file)},line={p.line},col={p.column},title={title}::{_escape_data(p.message)}"
        )
    for u in unfinished:
        title = _escape_property(f"thidua: {u.record}")
        lines.append(f"::warning file={_escape_property(u.file)},line=1,title={title}::{_escape_data(u.sentence())}")
    lines.append(_summary_line(problems, files, unfinished))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return visible(text).replace("\\", "\\\\").replace("|", "\\|")


def as_step_summary(problems: Sequence[Problem], files: int, unfinished: Sequence[Unfinished] = ()) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: the full list, since annotations are capped per step."""
    lines = ["## Kiểm tra hồ sơ thi đua", "", _summary_line(problems, files, unfinished), ""]
    if problems:
        lines += ["| Vị trí | Hồ sơ | Lỗi |", "|---|---|---|"]
        lines += [f"| `{_cell(p.location())}` | {_cell(p.record)} | {_cell(p.message)} |" for p in problems]
        lines.append("")
    if unfinished:
        lines += ["### Hồ sơ đề nghị còn chưa đủ", "", "| Tệp | Hồ sơ | Còn phải |", "|---|---|---|"]
        lines += [f"| `{_cell(u.file)}` | {_cell(u.record)} | {_cell('; '.join(u.items))} |" for u in unfinished]
        lines.append("")
    return "\n".join(lines)


def as_json(problems: Sequence[Problem], files: int, records: int, unfinished: Sequence[Unfinished] = ()) -> str:
    report = {
        "version": 1,
        "valid": not problems,
        "files": files,
        "records": records,
        "problems": [
            {"file": p.file, "line": p.line, "column": p.column, "record": p.record, "code": p.code, "message": p.message}
            for p in problems
        ],
        "unfinished": [{"file": u.file, "record": u.record, "to_send": list(u.items)} for u in unfinished],
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
