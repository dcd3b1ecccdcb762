"""Load the JSON Schemas of the record kinds and build one validator per kind."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .layout import KINDS

if TYPE_CHECKING:
    import jsonschema

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def is_date(value: object) -> bool:
    """A real calendar date written YYYY-MM-DD."""
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    dt.date.fromisoformat(value)
    return True


def is_datetime(value: object) -> bool:
    """A real moment written YYYY-MM-DDTHH:MM[:SS] with its UTC offset."""
    if not isinstance(value, str):
        return True
    if not _DATETIME.match(value):
        return False
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@functools.cache
def format_checker() -> jsonschema.FormatChecker:
    """The formats the schemas use, checked as thidua reads them (jsonschema is loaded only when needed)."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date", raises=ValueError)(is_date)
    checker.checks("date-time", raises=ValueError)(is_datetime)
    return checker


class SchemaError(Exception):
    """A schema file that cannot be read: a maintainer's error, not a record's."""


def schema_files(directory: Path) -> list[tuple[str, bytes]]:
    """Every ``*.schema.json`` in ``directory``: its name and its bytes."""
    return [(path.name, path.read_bytes()) for path in sorted(directory.glob("*.schema.json"))]


def load_schemas(
    directory: Path, files: list[tuple[str, bytes]] | None = None, *, checked: bool = False
) -> dict[str, dict[str, Any]]:
    """Every ``*.schema.json`` in ``directory``, by file name; ``checked`` skips the metaschema (already passed)."""
    schemas = {}
    for name, content in files if files is not None else schema_files(directory):
        try:
            schemas[name] = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            where = f":{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
            raise SchemaError(
                f"không đọc được mẫu {name}{where}; hãy sửa tệp JSON này (lỗi của người bảo trì, không phải của hồ sơ)."
            ) from None
    for name, schema in schemas.items():  # both validators must read every schema as the same dialect
        if isinstance(schema, dict) and schema.get("$schema", DRAFT_2020_12) != DRAFT_2020_12:
            raise SchemaError(
                f"mẫu {name} khai báo $schema «{schema['$schema']}»; thidua đọc mọi mẫu theo Draft 2020-12, "
                f'hãy ghi "$schema": "{DRAFT_2020_12}" (lỗi của người bảo trì, không phải của hồ sơ).'
            )
    missing = sorted({kind.schema for kind in KINDS} - set(schemas))
    if missing:
        raise SchemaError(f"thiếu mẫu {', '.join(missing)} trong {directory}.")
    errors = [] if checked else metaschema_errors(schemas)
    if errors:
        raise SchemaError("mẫu không hợp lệ theo Draft 2020-12: " + "; ".join(errors))
    return schemas


def build_validators(schemas: dict[str, dict[str, Any]]) -> dict[str, jsonschema.protocols.Validator]:
    """One Draft 2020-12 validator per record kind, sharing one registry."""
    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT202012

    registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        (name, DRAFT202012.create_resource(schema)) for name, schema in schemas.items()
    )
    return {
        kind.name: jsonschema.Draft202012Validator(schemas[kind.schema], registry=registry, format_checker=format_checker())
        for kind in KINDS
    }


def quickly_valid(schema: dict[str, Any]) -> bool:
    """True when jsonschema-rs finds a Draft 2020-12 schema valid against its metaschema; False when unsure."""
    import jsonschema_rs

    try:
        return isinstance(schema, dict) and schema.get("$schema") == DRAFT_2020_12 and jsonschema_rs.meta.is_valid(schema)
    except (jsonschema_rs.ReferencingError, ValueError):
        return False


def metaschema_errors(schemas: dict[str, dict[str, Any]]) -> list[str]:
    """Problems of each schema against the Draft 2020-12 metaschema.

    jsonschema-rs answers first (a millisecond, against half a second for jsonschema); jsonschema
    writes the messages of a schema it finds wrong, or jsonschema-rs does where it is the stricter.
    """
    import jsonschema
    import jsonschema_rs

    errors = []
    for name, schema in schemas.items():
        if quickly_valid(schema):
            continue
        found = [
            f"{name}: {error.message}"
            for error in jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA).iter_errors(schema)
        ]
        if not found and isinstance(schema, dict) and schema.get("$schema") == DRAFT_2020_12:
            try:
                jsonschema_rs.meta.validate(schema)
            except jsonschema_rs.ValidationError as exc:
                found.append(f"{name}: {exc.message}")
            except jsonschema_rs.ReferencingError:
                pass  # jsonschema, which found nothing, stays the judge
        errors += found
    return errors
