"""A fast first pass: each kind's schema bundled into one document and compiled by fastjsonschema.

Records that pass it are valid; only records that fail go through the full jsonschema
validator, which finds every error and its position for the Vietnamese messages. The
full validator stays the judge: the fast pass may only say "valid" for what it also accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .kinds import BY_NAME, KINDS
from .schemas import SchemaError, is_date, is_datetime

Check = Callable[[Any], Any]
_DROPPED = frozenset({"$schema", "$id", "$defs", "examples"})


def bundle(schemas: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    """One self-contained draft-07 style document: every $ref, local or to another file, points into ``definitions``."""
    definitions: dict[str, Any] = {}

    def target(file: str, pointer: str) -> str:
        key = f"{file.split('.')[0]}__{pointer.rsplit('/', 1)[-1]}"
        if key not in definitions:
            definitions[key] = {}
            definitions[key] = rewrite(schemas[file]["$defs"][pointer.rsplit("/", 1)[-1]], file)
        return f"#/definitions/{key}"

    def rewrite(node: Any, here: str) -> Any:
        if isinstance(node, list):
            return [rewrite(item, here) for item in node]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key in _DROPPED:
                continue
            if key == "$ref":
                file, _, pointer = value.partition("#")
                out[key] = target(file or here, pointer)
            elif key in ("title", "description") and isinstance(value, str):
                continue  # annotations: they do not change what is valid
            else:
                out[key] = rewrite(value, here)
        return out

    document = rewrite(schemas[name], name)
    document["definitions"] = definitions
    return document  # type: ignore[no-any-return]


def compile_check(schemas: dict[str, dict[str, Any]], kind: str) -> Check:
    """The compiled check of one record kind."""
    import fastjsonschema

    formats = {"date": _answer(is_date), "date-time": _answer(is_datetime)}
    name = BY_NAME[kind].schema
    try:
        return fastjsonschema.compile(bundle(schemas, name), formats=formats)
    except fastjsonschema.JsonSchemaDefinitionException as exc:
        raise SchemaError(f"mẫu {name} không dùng được ({exc}); hãy sửa mẫu "
                          "(lỗi của người bảo trì, không phải của hồ sơ).") from None


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
    import fastjsonschema

    try:
        check(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
