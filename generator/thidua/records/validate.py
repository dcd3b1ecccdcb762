"""Validate the records tree: layout, YAML, schema per record, then across records.

Every problem in every file is collected; nothing stops at the first error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

from ..problems import Problem
from ..speed.cache import Cache, Stat, code_key, file_stat
from ..speed.gcpause import paused_collection
from . import yaml_reader
from .layout import BY_FOLDER, KINDS, OTHER_FOLDERS, Kind
from .reading import DENIED, HELD, LOST, Outcome, read_all
from .schemas import build_validators, load_schemas, schema_files

RECORD_SUFFIX = ".yml"  # one extension: CODEOWNERS rules and lookups by file name use it


@dataclass
class Record:
    """One record file that parsed as YAML."""

    kind: Kind
    doc: yaml_reader.Document
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

    def problem(self, path: yaml_reader.Path, code: str, message: str, *, at_key: bool = False) -> Problem:
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


def stem_of(name: str) -> str:
    """The id a record's file name gives: ``records/units/van-phong.yml`` → ``van-phong`` (names end in .yml)."""
    return name[name.rfind("/") + 1:name.rfind(".")]


def _record_names(root: FsPath) -> tuple[list[str], list[tuple[str, bool]]]:
    """Every file under ``records/`` that is not a scanned document or a note, relative to ``root`` and written
    with "/": each folder's files by name, then its folders. Also what must not be there: each symlink and
    other entry that is neither a regular file nor a folder, with whether it is a symlink (never followed)."""
    names: list[str] = []
    odd: list[tuple[str, bool]] = []
    if os.path.islink(os.path.join(root, "records")):
        return names, [("records", True)]
    _walk(os.path.join(root, "records"), "records", names, odd)
    return names, odd


def _walk(folder: str, rel: str, names: list[str], odd: list[tuple[str, bool]]) -> None:
    """Regular files are listed and folders entered; a symlink is never followed and, like a device or a pipe,
    is noted in ``odd`` (inside records/files only the folder itself is looked at: scans are checked where named)."""
    try:
        entries = sorted((entry.name, entry.is_symlink(), entry.is_dir(follow_symlinks=False),
                          entry.is_file(follow_symlinks=False)) for entry in os.scandir(folder))
    except OSError:
        return
    for name, link, is_dir, is_file in entries:
        if is_file and not name.lower().endswith(".md"):
            names.append(f"{rel}/{name}")
        elif link or not (is_dir or is_file):
            odd.append((f"{rel}/{name}", link))
    for name, _, is_dir, _ in entries:
        if is_dir and not (rel == "records" and name in OTHER_FOLDERS):
            _walk(os.path.join(folder, name), f"{rel}/{name}", names, odd)


def _odd_entry(name: str, link: bool) -> Problem:
    """A symlink or special file where records are read: refused at its path, never followed."""
    if link:
        message = (f"«{name}» là liên kết tượng trưng (symlink): thidua chỉ đọc tệp và thư mục thật nằm trong kho, "
                   "không theo liên kết ra ngoài. Hãy thay liên kết bằng bản sao thật (hoặc xóa nó).")
    else:
        message = f"«{name}» không phải tệp thường (có thể là ống dẫn hay thiết bị); hãy xóa nó khỏi records/."
    return Problem(name, 1, 1, "symlink" if link else "not-a-file", message)


def _misnamed(name: str) -> str | None:
    """Why a file in a record folder is not read as a record, if it is not."""
    if name.endswith(RECORD_SUFFIX):
        return None
    rel = FsPath(name)
    if rel.suffix.lower() in (RECORD_SUFFIX, ".yaml"):
        return (f"Hồ sơ phải có đuôi {RECORD_SUFFIX} (chữ thường), không phải «{rel.suffix}»; "
                f"hãy đổi tên thành {rel.stem}{RECORD_SUFFIX} để hồ sơ được đọc.")
    return f"Tệp «{rel.name}» không phải tệp hồ sơ nên không được đọc; hồ sơ phải có đuôi .yml (ví dụ {rel.stem.split('.')[0] or 'ma-ho-so'}.yml)."


_FOLDER_NAMES = ", ".join(kind.folder for kind in KINDS)


def place(name: str) -> tuple[Kind | None, str | None, str | None]:
    """The kind and campaign scope of a file from its place, or a message."""
    parts = name.split("/")  # ("records", folder, ..., name)
    folder_names = _FOLDER_NAMES
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


@paused_collection()
def validate_tree(root: FsPath, schema_dir: FsPath | None = None, *, use_cache: bool = False) -> Result:
    """Load and check every record under ``root/records``; ``use_cache`` reads and keeps the cache (see cache.py)."""
    from .crosscheck.checker import check_across  # late import: crosscheck imports Record

    root = root.resolve()
    result = Result(root)
    schema_folder = schema_dir or root / "schemas"
    files = schema_files(schema_folder)
    store = Cache(root, code_key(files), enabled=use_cache)
    reader = _Reader(load_schemas(schema_folder, files, checked=store.trusted))
    names, odd = _record_names(root)
    for name, link in odd:
        kind, scope, _ = place(name) if name.endswith(RECORD_SUFFIX) else (None, None, None)
        if kind is None:
            result.problems.append(_odd_entry(name, link))
        else:  # its id is known to exist, so records that name it are not reported too
            _not_a_record(result, _odd_entry(name, link), kind, scope)
    store.gone(names)
    slots: list[Record | None] = []
    by_folder: dict[str, tuple[Kind | None, str | None, str | None]] = {}  # every file in a folder has the same place
    pending: list[tuple[int, str, Kind, str | None, Stat | None]] = []
    for name in names:
        misnamed = _misnamed(name)
        if misnamed:
            result.problems.append(Problem(name, 1, 1, "not-a-record-file", misnamed))
            continue
        folder = name[:name.rfind("/")]
        if folder not in by_folder:
            by_folder[folder] = place(name)
        kind, scope, layout_error = by_folder[folder]
        if layout_error:
            result.problems.append(Problem(name, 1, 1, "layout", layout_error))
            continue
        if kind is None:
            continue
        result.files += 1
        stat: Stat | None = None
        if store.enabled:  # without a cache nothing needs the file's times: the file is simply read
            try:
                stat = file_stat(f"{root}/{name}")
            except OSError as exc:
                _unreadable(result, name, kind, scope, isinstance(exc, PermissionError))
                continue
            digest = store.known(name, stat)
            if digest is not None:
                slots.append(Record(kind, yaml_reader.StoredDocument(name, store.data, f"{root}/{name}"), scope))
                continue
        pending.append((len(slots), name, kind, scope, stat))
        slots.append(None)
    jobs = [(f"{root}/{name}", name, kind.name) for _, name, kind, _, _ in pending]
    outcomes = read_all(reader.schemas, jobs, digests=store.enabled, held=store.holds)
    for (slot, name, kind, scope, stat), outcome in zip(pending, outcomes, strict=True):
        if outcome.status in (DENIED, LOST):
            _unreadable(result, name, kind, scope, outcome.status == DENIED)
        elif outcome.status == HELD:
            assert stat is not None  # only a cache holds data
            store.stored(name, stat, outcome.digest)
            slots[slot] = Record(kind, yaml_reader.StoredDocument(name, store.data, f"{root}/{name}"), scope)
        else:
            slots[slot] = reader.check(store, result, name, kind, scope, stat, outcome)
    result.records = [record for record in slots if record is not None]
    # Where the schema already reported a place, a cross-record problem at the same place is an echo.
    places = {(p.file, p.line, p.column) for p in result.problems}
    across = check_across(root, result.records, result.unreadable, store if store.enabled else None)
    result.problems.extend(p for p in across if (p.file, p.line, p.column) not in places)
    result.problems = sorted(set(result.problems))
    store.save(names)
    return result


def _unreadable(result: Result, name: str, kind: Kind, scope: str | None, denied: bool) -> None:
    """A record file that exists but could not be read (no permission, or gone since the folder was listed)."""
    why = "không có quyền đọc" if denied else "tệp vừa bị xóa, đổi tên hoặc hỏng"
    _not_a_record(result, Problem(name, 1, 1, "unreadable-file", f"Không đọc được tệp ({why}); hãy kiểm tra tệp rồi chạy lại."),
                  kind, scope)


def _not_a_record(result: Result, problem: Problem, kind: Kind, scope: str | None) -> None:
    """A record file that gave no record: its problem, under the record's label, and its id kept as existing but unread."""
    stem = stem_of(problem.file)
    result.problems.append(replace(problem, record=f"{kind.label} {stem}"))
    result.unreadable.add((kind.name, scope, stem))


class _Reader:
    """Checks a parsed record against its schema; the full validator runs only where the fast pass failed."""

    def __init__(self, schemas: dict[str, dict[str, Any]]) -> None:
        self.schemas = schemas
        self.validators: dict[str, Any] | None = None

    def check(self, store: Cache, result: Result, name: str, kind: Kind, scope: str | None,
              stat: Stat | None, outcome: Outcome) -> Record | None:
        """The record a parsed file gives, with its schema problems; None if it could not be read."""
        if outcome.problem is not None:
            _not_a_record(result, outcome.problem, kind, scope)
            store.read(name, stat, outcome.digest, None)
            return None
        doc = yaml_reader.Document(name, outcome.data, yaml_reader.decode(name, outcome.content))
        record = Record(kind, doc, scope)
        errors = [] if outcome.passed else self.errors(kind.name, doc.data)
        if errors:
            from .schema_messages import describe

            for error in errors:
                for message in describe(error, doc.raw, kind.label):
                    problem = record.problem(message.path, message.code, message.text, at_key=message.at_key)
                    result.problems.append(_at_character(problem, doc.text, message.character))
        record.valid = not errors
        record.usable = all(_leaf(error) for error in errors)
        store.read(name, stat, outcome.digest, doc.data if record.valid else None)
        return record

    def errors(self, kind: str, data: Any) -> list[Any]:
        if self.validators is None:
            self.validators = build_validators(self.schemas)
        return list(self.validators[kind].iter_errors(data))


def _at_character(problem: Problem, text: str, character: str) -> Problem:
    """The problem moved onto ``character`` where the value holds it as written (not as an escape)."""
    if not character or character == "\n":  # a line feed in a value is written as an escape, or ends its line
        return problem
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:problem.line - 1]) + problem.column - 1
    found = text.find(character, start)
    if found < 0:
        return problem
    line = text.count("\n", 0, found) + 1
    return replace(problem, line=line, column=found - text.rfind("\n", 0, found))


# Errors about one value that leave the record's shape intact.
_LEAF_VALIDATORS = frozenset({"format", "pattern", "enum", "const", "minimum", "maximum", "exclusiveMinimum",
                              "exclusiveMaximum", "minLength", "maxLength", "uniqueItems"})


def _leaf(error: Any) -> bool:
    if error.validator in ("anyOf", "oneOf"):
        return bool(error.context) and all(_leaf(inner) or inner.validator == "type" and inner.relative_path
                                           for inner in error.context) and any(_leaf(inner) for inner in error.context)
    return error.validator in _LEAF_VALIDATORS
