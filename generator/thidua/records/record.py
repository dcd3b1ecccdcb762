"""A record file as validation reads it, and what validating the whole tree gave."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from ..problems import Problem
from .layout import Kind, stem_of
from .yaml_reader import Document, Path


@dataclass
class Record:
    """One record file that parsed as YAML."""

    kind: Kind
    doc: Document
    scope: str | None = None  # the campaign folder of per-campaign kinds
    valid: bool = True  # passed its schema
    usable: bool = True  # its shape is sound (only leaf values failed), so it can be checked against others

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data  # type: ignore[no-any-return]

    @property
    def id(self) -> str:
        value = self.data.get("id")
        return value if isinstance(value, str) else ""

    def __post_init__(self) -> None:
        self.stem = stem_of(self.doc.path)

    @property
    def label(self) -> str:
        return f"{self.kind.label} {self.id or self.stem}"

    def problem(self, path: Path, code: str, message: str, *, at_key: bool = False) -> Problem:
        pos = self.doc.position(path, key=at_key)
        return Problem(self.doc.path, pos.line, pos.column, code, message, self.label)


@dataclass
class Result:
    root: FsPath
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    unreadable: set[tuple[str, str | None, str]] = field(default_factory=set)  # files that exist but could not be read

    @property
    def ok(self) -> bool:
        return not self.problems
