"""A fast first pass: each kind's schema compiled by jsonschema-rs, a JSON Schema validator written in Rust.

Records that pass it are valid; only records that fail go through the full jsonschema
validator, which finds every error and its position for the Vietnamese messages. The
full validator stays the judge: the fast pass may only say "valid" for what it also accepts.

Where the two could disagree:

- Patterns. jsonschema-rs reads them as ECMA-262 regular expressions, jsonschema as Python's.
  The dialects differ on a few characters: Python counts U+001C–U+001F and U+0085 as spaces
  (``\\s``), ECMA counts U+FEFF; ``.`` stops at U+2028 and a carriage return in ECMA only;
  ``$`` matches before a final line feed in Python only. The schemas are written so that none of
  this matters: a pattern ends with ``(?![\\s\\S])`` (the end of the text in both) instead of
  ``$`` alone, and every pattern that uses ``\\s``, ``\\S`` or ``.`` first refuses those characters
  (they are invisible characters no field may hold). tests/test_fastcheck.py checks every pattern
  of every schema against both engines on them.
- Formats. Both use thidua's own date and date-time checks.
- Values JSON has no room for (keys that are not strings): jsonschema-rs refuses them, and the
  full validator decides. The reader never gives infinite or huge numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .layout import BY_NAME, KINDS
from .schemas import SchemaError, is_date, is_datetime

Check = Callable[[Any], bool]
_BASE = "thidua:///schemas/"  # resolves the schemas' relative $id and $ref; never fetched


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
        validator = jsonschema_rs.Draft202012Validator(
            schemas[name], formats=formats, validate_formats=True, retriever=retrieve, base_uri=_BASE + name
        )
    except (jsonschema_rs.ValidationError, jsonschema_rs.ReferencingError, ValueError) as exc:
        reason = exc.message if isinstance(exc, jsonschema_rs.ValidationError) else " ".join(str(exc).split())
        raise SchemaError(
            f"mẫu {name} không dùng được ({reason}); hãy sửa mẫu (lỗi của người bảo trì, không phải của hồ sơ)."
        ) from None
    return validator.is_valid


def compile_checks(schemas: dict[str, dict[str, Any]]) -> dict[str, Check]:
    """One compiled check per record kind."""
    return {kind.name: compile_check(schemas, kind.name) for kind in KINDS}


class Checks:
    """Compiled checks, each compiled the first time a record of its kind is read."""

    def __init__(self, schemas: dict[str, dict[str, Any]]) -> None:
        self.schemas = schemas
        self.compiled: dict[str, Check] = {}

    def passes(self, kind: str, data: Any) -> bool:
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
