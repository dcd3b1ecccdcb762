"""The schemas explain each field in the editor: every property has its own Vietnamese title and description.

VS Code's YAML extension (yaml-language-server) shows a property's title and description on hover and in completion.
A property that only points at a shared definition ($ref) would show that definition's generic words («Một đoạn chữ
tiếng Việt có dấu…») instead of what this field is, so a title or description reached through a $ref does not
count: the property's own sit beside its $ref. A choice (oneOf/anyOf) of objects needs «"type": "object"» beside it,
or completion inserts the bare key with no colon. result.schema.json describes thidua's output, which nobody types,
and is left out. The if/then/else of a schema restate a field to allow or forbid it in one case; they define none.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any

from conftest import ROOT
from thidua.records.layout import KINDS

OUTPUT_ONLY = "result.schema.json"
RECORD_SCHEMAS: dict[str, dict[str, Any]] = {
    path.name: json.loads(path.read_text("utf-8"))
    for path in sorted((ROOT / "schemas").glob("*.schema.json"))
    if path.name != OUTPUT_ONLY
}
CONDITIONS = frozenset({"if", "then", "else"})
DOCUMENTATION = ("title", "description")


def _escape(key: str) -> str:
    """A key as one reference token of a JSON pointer (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")


def properties(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every key under any ``properties`` at any depth (items, $defs, oneOf/anyOf branches…): its JSON pointer and schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CONDITIONS:
                continue
            here = f"{pointer}/{_escape(key)}"
            if key == "properties" and isinstance(value, dict):
                for name, schema in value.items():
                    where = f"{here}/{_escape(name)}"
                    if isinstance(schema, dict):
                        yield where, schema
                    yield from properties(schema, where)
            else:
                yield from properties(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from properties(value, f"{pointer}/{i}")


def undocumented(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(pointer, what is missing) for each property without its own title or description; its $ref is not read."""
    found = []
    for where, prop in properties(schema):
        missing = [key for key in DOCUMENTATION if not isinstance(prop.get(key), str) or not prop[key].strip()]
        if missing:
            found.append((where, ", ".join(missing)))
    return found


def _texts(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every title and description string of a schema, with its pointer (a property named «title» is a schema, not text)."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{pointer}/{_escape(key)}"
            if key in DOCUMENTATION and isinstance(value, str):
                yield here, value
            else:
                yield from _texts(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{pointer}/{i}")


def _resolve(schemas: dict[str, dict[str, Any]], name: str, ref: str) -> tuple[str, dict[str, Any]]:
    """The schema file and the definition a $ref points at, from the file that holds the $ref."""
    target, _, pointer = ref.partition("#")
    name = target or name
    node: Any = schemas[name]
    for token in filter(None, pointer.split("/")):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return name, node


def _chain(schemas: dict[str, dict[str, Any]], name: str, schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A schema and the definitions its $ref leads to, in order (the editor merges them into one)."""
    links = [(name, schema)]
    while isinstance(schema.get("$ref"), str) and len(links) < 20:
        name, schema = _resolve(schemas, name, schema["$ref"])
        links.append((name, schema))
    return links


def _is_object(schemas: dict[str, dict[str, Any]], name: str, branch: Any) -> bool:
    return isinstance(branch, dict) and any(
        link.get("type") == "object" or ("type" not in link and "properties" in link) for _, link in _chain(schemas, name, branch)
    )


def untyped_object_choices(schemas: dict[str, dict[str, Any]], name: str) -> list[tuple[str, str]]:
    """(pointer, where the choice is) for each property whose definition is a oneOf/anyOf of objects only and declares
    no «"type": "object"», neither on the property nor on a definition its $ref leads to."""
    found = []
    for where, prop in properties(schemas[name]):
        links = _chain(schemas, name, prop)
        if any(link.get("type") == "object" for _, link in links):
            continue
        for holder, link in links:
            for keyword in ("oneOf", "anyOf"):
                branches = link.get(keyword)
                if isinstance(branches, list) and branches and all(_is_object(schemas, holder, b) for b in branches):
                    found.append((where, f"{keyword} in {holder}" + (f" ({prop['$ref']})" if "$ref" in prop else "")))
    return found


def test_every_property_has_its_own_title_and_description() -> None:
    """Every property of every record schema, at any depth, carries its own title and description; each one lacking
    them (or having them only through its $ref) is listed with its schema file and JSON pointer."""
    missing = [
        f"schemas/{name}#{where}: no {what} of its own"
        for name, schema in RECORD_SCHEMAS.items()
        for where, what in undocumented(schema)
    ]
    assert not missing, f"{len(missing)} properties without their own title or description:\n" + "\n".join(missing)


def test_a_title_reached_only_through_a_ref_does_not_count() -> None:
    """A property that is only a $ref is listed although its definition has a title and description; so is a property
    of an array's items or of a oneOf branch; a field restated in then/else to forbid it is not a property."""
    schema = {
        "$defs": {"text": {"title": "Văn bản", "description": "Một đoạn chữ."}},
        "properties": {
            "summary": {"$ref": "#/$defs/text"},
            "documented": {"$ref": "#/$defs/text", "title": "Tóm tắt", "description": "Một câu về thành tích."},
            "documents": {
                "title": "Văn bản",
                "description": "Danh sách văn bản.",
                "type": "array",
                "items": {"oneOf": [{"type": "object", "properties": {"signer": {"title": "Người ký"}}}]},
            },
        },
        "then": {"properties": {"summary": {"not": {}}}},
    }
    assert undocumented(schema) == [
        ("/properties/summary", "title, description"),
        ("/properties/documents/items/oneOf/0/properties/signer", "description"),
    ]


def test_the_walk_reaches_every_record_kind_and_nested_properties() -> None:
    """Every record kind's schema is walked (result.schema.json is not), down to properties inside items, $defs and
    oneOf branches, so that the check above cannot pass by looking at nothing."""
    assert {kind.schema for kind in KINDS} <= set(RECORD_SCHEMAS) and OUTPUT_ONLY not in RECORD_SCHEMAS
    walked = {(name, where) for name, schema in RECORD_SCHEMAS.items() for where, _ in properties(schema)}
    assert {
        ("nomination.schema.json", "/properties/documents/items/properties/signer"),
        ("common.schema.json", "/$defs/signer/oneOf/1/properties/position"),
        ("campaign.schema.json", "/properties/awards/items/properties/quota/properties/tap-the"),
        ("campaign.schema.json", "/$defs/rule/oneOf/4/properties/fallback/properties/otherwise"),
    } <= walked


def test_titles_and_descriptions_are_nfc_and_trimmed() -> None:
    """Every title and description of the record schemas is non-empty, in NFC (as thidua normalises what it reads),
    and has no space or line break at either end."""
    bad = [
        f"schemas/{name}#{where}: {problem}"
        for name, schema in RECORD_SCHEMAS.items()
        for where, text in _texts(schema)
        for problem, wrong in (
            ("empty", not text),
            ("not NFC", unicodedata.normalize("NFC", text) != text),
            ("leading or trailing whitespace", text != text.strip()),
        )
        if wrong
    ]
    assert not bad, "\n".join(bad)


def test_a_choice_of_objects_declares_type_object() -> None:
    """A property whose definition is a oneOf/anyOf of objects only (such as a signer: a person, or a name and a
    position) declares «"type": "object"» beside the choice, so that completion inserts «key:» and not a bare key."""
    missing = [
        f'schemas/{name}#{where}: {choice} has no "type": "object"'
        for name in RECORD_SCHEMAS
        for where, choice in untyped_object_choices(RECORD_SCHEMAS, name)
    ]
    assert not missing, "\n".join(missing)


def test_the_choice_check_tells_objects_from_mixed_choices() -> None:
    """Only choices whose branches are all objects (directly or through a $ref) are held to «"type": "object"»:
    a number or an object (a quota), or a text or a reference to an object, may stay without a type."""
    schemas = {
        "x.schema.json": {
            "$defs": {
                "ref": {"type": "object", "properties": {}},
                "text": {"type": "string"},
                "signer": {"oneOf": [{"type": "object"}, {"$ref": "#/$defs/ref"}]},
                "typed": {"type": "object", "oneOf": [{"type": "object"}, {"properties": {}}]},
            },
            "properties": {
                "signer": {"$ref": "#/$defs/signer", "title": "Người ký"},
                "typed": {"$ref": "#/$defs/typed"},
                "quota": {"oneOf": [{"type": "integer"}, {"type": "object"}]},
                "document": {"oneOf": [{"$ref": "#/$defs/ref"}, {"$ref": "#/$defs/text"}]},
                "inline": {"anyOf": [{"type": "object"}, {"properties": {}}]},
            },
        }
    }
    assert untyped_object_choices(schemas, "x.schema.json") == [
        ("/properties/signer", "oneOf in x.schema.json (#/$defs/signer)"),
        ("/properties/inline", "anyOf in x.schema.json"),
    ]


def test_every_pattern_explains_itself_in_vietnamese() -> None:
    """The editor shows a pattern's ``patternErrorMessage`` instead of the regular expression itself: every pattern in a
    record schema has one, in Vietnamese (NFC, not empty)."""
    missing = []
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        if path.name == OUTPUT_ONLY:
            continue
        stack: list[tuple[str, object]] = [("", json.loads(path.read_text("utf-8")))]
        while stack:
            pointer, node = stack.pop()
            if isinstance(node, dict):
                if "pattern" in node:
                    message = node.get("patternErrorMessage")
                    if not (isinstance(message, str) and message.strip() and unicodedata.is_normalized("NFC", message)):
                        missing.append(f"{path.name}#{pointer}")
                stack += [(f"{pointer}/{key}", value) for key, value in node.items()]
            elif isinstance(node, list):
                stack += [(f"{pointer}/{index}", value) for index, value in enumerate(node)]
    assert missing == []
