"""Validate the records tree: layout, YAML, schema per record, then across records.

Every problem in every file is collected; nothing stops at the first error.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

from . import loader
from .fastcheck import compile_checks, passes
from .kinds import BY_FOLDER, KINDS, OTHER_FOLDERS, Kind
from .messages import describe
from .problems import Problem, RecordError
from .schemas import build_validators, load_schemas

RECORD_SUFFIXES = (".yml", ".yaml")


@dataclass
class Record:
    """One record file that parsed as YAML."""

    kind: Kind
    doc: loader.Document
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

    @property
    def stem(self) -> str:
        return FsPath(self.doc.path).stem

    @property
    def label(self) -> str:
        return f"{self.kind.label} {self.id or self.stem}"

    def problem(self, path: loader.Path, code: str, message: str, *, at_key: bool = False) -> Problem:
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


def find_record_files(root: FsPath) -> list[FsPath]:
    """Every file under ``records/`` that is not a scanned document or a note, in a stable order."""
    base = root / "records"
    if not base.is_dir():
        return []
    return sorted(
        p for p in base.rglob("*")
        if p.is_file() and p.relative_to(base).parts[0] not in OTHER_FOLDERS and p.suffix.lower() != ".md"
    )


def _misnamed(rel: FsPath) -> str | None:
    """Why a file in a record folder is not read as a record, if it is not."""
    if rel.suffix in RECORD_SUFFIXES:
        return None
    if rel.suffix.lower() in RECORD_SUFFIXES:
        return f"Đuôi tệp «{rel.suffix}» phải viết thường; hãy đổi tên thành {rel.stem}.yml để hồ sơ được đọc."
    return f"Tệp «{rel.name}» không phải tệp hồ sơ nên không được đọc; hồ sơ phải có đuôi .yml (ví dụ {rel.stem.split('.')[0] or 'ma-ho-so'}.yml)."


def _place(rel: FsPath) -> tuple[Kind | None, str | None, str | None]:
    """The kind and campaign scope of a file from its place, or a message."""
    parts = rel.parts  # ("records", folder, ..., name)
    folder_names = ", ".join(kind.folder for kind in KINDS)
    if len(parts) < 3:
        return None, None, f"Tệp hồ sơ phải nằm trong một thư mục con của records/: {folder_names}."
    folder = parts[1]
    if folder in OTHER_FOLDERS:
        return None, None, None
    kind = BY_FOLDER.get(folder)
    if kind is None:
        return None, None, f"Thư mục records/{folder} không chứa loại hồ sơ nào; hãy chuyển tệp vào một trong: {folder_names}."
    if kind.per_campaign:
        if len(parts) != 4:
            return None, None, f"Hồ sơ loại {kind.label} phải nằm ở records/{folder}/<mã phong trào>/<mã>.yml."
        return kind, parts[2], None
    if len(parts) != 3:
        return None, None, f"Hồ sơ loại {kind.label} phải nằm ngay trong records/{folder}/, không trong thư mục con."
    return kind, None, None


def validate_tree(root: FsPath, schema_dir: FsPath | None = None) -> Result:
    """Load and check every record under ``root/records``."""
    from .crosscheck import check_across  # late import: crosscheck imports Record

    root = root.resolve()
    result = Result(root)
    schemas = load_schemas(schema_dir or root / "schemas")
    validators = build_validators(schemas)
    fast = compile_checks(schemas)
    for path in find_record_files(root):
        rel = path.relative_to(root)
        name = rel.as_posix()
        misnamed = _misnamed(rel)
        if misnamed:
            result.problems.append(Problem(name, 1, 1, "not-a-record-file", misnamed))
            continue
        kind, scope, layout_error = _place(rel)
        if layout_error:
            result.problems.append(Problem(name, 1, 1, "layout", layout_error))
            continue
        if kind is None:
            continue
        result.files += 1
        try:
            doc = loader.load(name, path.read_bytes())
        except RecordError as exc:
            result.problems.append(replace(exc.problem, record=f"{kind.label} {path.stem}"))
            result.unreadable.add((kind.name, scope, path.stem))
            continue
        record = Record(kind, doc, scope)
        errors = [] if passes(fast[kind.name], doc.data) else list(validators[kind.name].iter_errors(doc.data))
        for error in errors:
            for message in describe(error, doc.raw, kind.label):
                result.problems.append(record.problem(message.path, message.code, message.text, at_key=message.at_key))
        record.valid = not errors
        record.usable = all(_leaf(error) for error in errors)
        result.records.append(record)
    # Where the schema already reported a place, a cross-record problem at the same place is an echo.
    places = {(p.file, p.line, p.column) for p in result.problems}
    across = check_across(root, result.records, result.unreadable)
    result.problems.extend(p for p in across if (p.file, p.line, p.column) not in places)
    result.problems = sorted(set(result.problems))
    return result


# Errors about one value that leave the record's shape intact.
_LEAF_VALIDATORS = frozenset({"format", "pattern", "enum", "const", "minimum", "maximum", "exclusiveMinimum",
                              "exclusiveMaximum", "minLength", "maxLength", "uniqueItems"})


def _leaf(error: Any) -> bool:
    if error.validator in ("anyOf", "oneOf"):
        return bool(error.context) and all(_leaf(inner) or inner.validator == "type" and inner.relative_path
                                           for inner in error.context) and any(_leaf(inner) for inner in error.context)
    return error.validator in _LEAF_VALIDATORS
