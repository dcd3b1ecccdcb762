"""A fast first pass: each kind's schema compiled by jsonschema-rs, a JSON Schema validator written in Rust.

Records that pass it are valid; only records that fail go through the full jsonschema
validator, which finds every error and its position for the Vietnamese messages. The
full validator stays the judge: the fast pass may only say "valid" for what it also accepts.

Where the two could disagree:

- Patterns. jsonschema-rs reads them as ECMA-262 regular expressions, jsonschema as Python's.
  They differ on a few characters only: Python counts U+001C–U+001F and U+0085 as spaces
  (``\\s``), ECMA does not. A record file can hold those characters only through a YAML escape
  (a backslash) or a raw U+0085, so such a file skips the fast pass (``may_pass``).
  Everywhere else ECMA is the stricter one (U+FEFF is a space; ``.`` stops at U+2028, ``$``
  does not match before a final newline), which costs only a trip through the full validator.
- Formats. Both use thidua's own date and date-time checks.
- Values JSON has no room for (infinity, keys that are not strings): jsonschema-rs refuses them,
  and the full validator decides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .kinds import BY_NAME, KINDS
from .schemas import SchemaError, is_date, is_datetime

Check = Callable[[Any], bool]
_BASE = "thidua:///schemas/"  # resolves the schemas' relative $id and $ref; never fetched


def may_pass(content: bytes) -> bool:
    """False for a file whose text could hold a character the two pattern dialects read differently."""
    return b"\\" not in content and b"\xc2\x85" not in content


def compile_check(schemas: dict[str, dict[str, Any]], kind: str) -> Check:
    """The compiled check of one record kind: True when the record is valid."""
    import jsonschema_rs

    def retrieve(uri: str) -> dict[str, Any]:
        name = uri.removeprefix(_BASE)
        if name not in schemas:
            raise ValueError(f"không có mẫu {name}")
        return schemas[name]

    name = BY_NAME[kind].schema
    formats = {"date": _answer(is_date), "date-time": _answer(is_datetime)}
    try:
        validator = jsonschema_rs.Draft202012Validator(schemas[name], formats=formats, validate_formats=True,
                                                       retriever=retrieve, base_uri=_BASE + name)
    except (jsonschema_rs.ValidationError, jsonschema_rs.ReferencingError, ValueError) as exc:
        reason = exc.message if isinstance(exc, jsonschema_rs.ValidationError) else " ".join(str(exc).split())
        raise SchemaError(f"mẫu {name} không dùng được ({reason}); hãy sửa mẫu "
                          "(lỗi của người bảo trì, không phải của hồ sơ).") from None
    return validator.is_valid


def compile_checks(schemas: dict[str, dict[str, Any]]) -> dict[str, Check]:
    """One compiled check per record kind."""
    return {kind.name: compile_check(schemas, kind.name) for kind in KINDS}


class Checks:
    """Compiled checks, each compiled the first time a record of its kind is read."""

    def __init__(self, schemas: dict[str, dict[str, Any]]) -> None:
        self.schemas = schemas
        self.compiled: dict[str, Check] = {}

    def passes(self, kind: str, data: Any, content: bytes) -> bool:
        if not may_pass(content):
            return False
        if kind not in self.compiled:
            self.compiled[kind] = compile_check(self.schemas, kind)
        return passes(self.compiled[kind], data)


def _answer(check: Callable[[object], bool]) -> Callable[[object], bool]:
    """A format check that answers False where the full validator's raises (an impossible date)."""

    def answer(value: object) -> bool:
        try:
            return check(value)
        except ValueError:
            return False

    return answer


def passes(check: Check, data: Any) -> bool:
    try:
        return check(data)
    except (ValueError, OverflowError, RecursionError):  # not JSON data: the full validator decides
        return False
