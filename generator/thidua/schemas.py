"""Load the JSON Schemas of the record kinds and build one validator per kind."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import referencing
from referencing.jsonschema import DRAFT202012

from .kinds import KINDS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")

FORMATS = jsonschema.FormatChecker(formats=())


@FORMATS.checks("date", raises=ValueError)
def is_date(value: object) -> bool:
    """A real calendar date written YYYY-MM-DD."""
    if not isinstance(value, str):
        return True
    if not _DATE.match(value):
        return False
    dt.date.fromisoformat(value)
    return True


@FORMATS.checks("date-time", raises=ValueError)
def is_datetime(value: object) -> bool:
    """A real moment written YYYY-MM-DDTHH:MM[:SS] with its UTC offset."""
    if not isinstance(value, str):
        return True
    if not _DATETIME.match(value):
        return False
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


class SchemaError(Exception):
    """A schema file that cannot be read: a maintainer's error, not a record's."""


def load_schemas(directory: Path) -> dict[str, dict[str, Any]]:
    """Every ``*.schema.json`` in ``directory``, by file name."""
    schemas = {}
    for path in sorted(directory.glob("*.schema.json")):
        try:
            schemas[path.name] = json.loads(path.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            where = f":{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
            raise SchemaError(f"không đọc được mẫu {path.name}{where}; hãy sửa tệp JSON này (lỗi của người bảo trì, không phải của hồ sơ).") from None
    missing = sorted({kind.schema for kind in KINDS} - set(schemas))
    if missing:
        raise SchemaError(f"thiếu mẫu {', '.join(missing)} trong {directory}.")
    errors = metaschema_errors(schemas)
    if errors:
        raise SchemaError("mẫu không hợp lệ theo Draft 2020-12: " + "; ".join(errors))
    return schemas


def build_validators(schemas: dict[str, dict[str, Any]]) -> dict[str, jsonschema.protocols.Validator]:
    """One Draft 2020-12 validator per record kind, sharing one registry."""
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        (name, DRAFT202012.create_resource(schema)) for name, schema in schemas.items()
    )
    return {
        kind.name: jsonschema.Draft202012Validator(schemas[kind.schema], registry=registry, format_checker=FORMATS)
        for kind in KINDS
    }


def metaschema_errors(schemas: dict[str, dict[str, Any]]) -> list[str]:
    """Problems of each schema against the Draft 2020-12 metaschema."""
    errors = []
    for name, schema in schemas.items():
        for error in jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA).iter_errors(schema):
            errors.append(f"{name}: {error.message}")
    return errors
