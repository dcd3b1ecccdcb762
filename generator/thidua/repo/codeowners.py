"""CODEOWNERS from the records: each unit's accounts answer for that unit's records.

GitHub and GitLab both read a CODEOWNERS file at the repository root. Files no unit owns
are left to the repository's own review rules (the office reviews every pull request).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem
from ..records.layout import files_folder, nomination_id, record_path
from ..vocabulary import NomineeKind

if TYPE_CHECKING:
    from ..model import Registry

FILE = "CODEOWNERS"
HEADER = (
    "# Sinh tự động bởi «thidua new codeowners» từ trường owners của records/units; không sửa tay.\n"
    "# Mỗi đơn vị có tài khoản phụ trách hồ sơ của đơn vị và của người thuộc đơn vị.\n"
)


def render(registry: Registry) -> str:
    """The CODEOWNERS text: each unit with accounts owns its own records and its people's."""
    lines = [HEADER]
    for unit in sorted(registry.units.values(), key=lambda u: u.id):
        if not unit.owners:
            continue
        owners = " ".join("@" + o for o in unit.owners)
        lines.append(f"\n# {' '.join(unit.name.split())}\n")  # a comment stays one line whatever the name holds
        paths = [
            record_path("unit", unit.id),
            record_path("report", unit.id, "*"),
            *_nomination_paths(NomineeKind.COLLECTIVE, unit.id),
        ]
        for person in registry.members_of(unit.id):
            paths += [record_path("person", person.id), *_nomination_paths(NomineeKind.INDIVIDUAL, person.id)]
        lines += [f"/{path} {owners}\n" for path in paths]
    return "".join(lines)


def _nomination_paths(kind: NomineeKind, nominee: str) -> list[str]:
    """A nominee's nominations in every campaign, and their scanned documents."""
    ident = nomination_id(kind, nominee)
    return [record_path("nomination", ident, "*"), files_folder("*", ident)]


def stale(root: Path, registry: Registry) -> list[Problem]:
    """A problem when the committed CODEOWNERS differs from what the records say."""
    path = root / FILE
    if not path.is_file():
        return []
    if path.read_bytes() == render(registry).encode():  # bytes: a stray carriage return is a difference, not a newline
        return []
    return [
        Problem(
            FILE,
            1,
            1,
            "codeowners-stale",
            "Tệp CODEOWNERS chưa khớp với trường owners trong records/units; hãy chạy «thidua new codeowners» rồi commit tệp.",
        )
    ]
