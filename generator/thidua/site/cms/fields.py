"""One form field of Sveltia CMS for each property of a record's JSON Schema.

The schema is the one definition of a record's shape; the form follows it: the title is the label, the description the
hint, ``required`` says which fields must be filled, an ``enum`` is a select, a number is a number, a date a date
picker, a file a file upload into the record's own folder under records/files/, and a ``slug`` whose description names
a folder of records (``records/units``, ``records/people``, ``records/campaigns``…) is a choice among those records.
A value the form cannot show faithfully (a number or an object in one field, a map of numbers) is kept as it is
(``hidden``), to be edited in the YAML file: the form never rewrites what it does not understand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ...records.layout import KINDS

Schema = dict[str, Any]
Field = dict[str, Any]

COMMON = "common.schema.json"
SLUG = f"{COMMON}#/$defs/slug"
TEXT = f"{COMMON}#/$defs/text"
DATE = f"{COMMON}#/$defs/date"
DATETIME = f"{COMMON}#/$defs/datetime"
REPO_FILE = f"{COMMON}#/$defs/repo_file"
IMAGE_FILE = f"{COMMON}#/$defs/image_file"
PERSON_LIST = f"{COMMON}#/$defs/person_list"
FICTIONAL = f"{COMMON}#/$defs/fictional"
# Records another record may point to by id: the folders of the kinds kept outside any campaign, and their collection.
RELATED = {kind.folder: kind for kind in KINDS if not kind.per_campaign}
_FOLDER_NAMED = re.compile(r"records/([a-z]+)")
# Properties that hold the id of a record of one folder wherever they appear, though their description may not say it.
NAMED = {
    "campaign": "campaigns",
    "unit": "units",
    "proposed_by": "units",
    "parent": "units",
    "receiver": "units",
    "kept_by": "units",
    "person": "people",
    "head": "people",
    "chair": "people",
    "secretary": "people",
    "replaced_by": "laws",
    "law": "laws",
    "scale": "scales",
    "council": "councils",
}
# "Mã một hình thức trong awards của phong trào": the id of an item of a list of the campaign's record.
_CAMPAIGN_LIST = re.compile(r"trong (\w+) của phong trào")
DATE_FORMAT = "YYYY-MM-DD"
DATETIME_FORMAT = "YYYY-MM-DDTHH:mm:ssZ"


@dataclass(frozen=True)
class Context:
    """What turning one schema into fields needs: every schema by name, and where the record's files go."""

    schemas: Mapping[str, Schema]
    media_folder: str  # where the file widgets upload, from the repository root, without a leading slash
    labels: Mapping[str, str]  # the field shown for a record of each collection, by collection name
    within: frozenset[str] = frozenset()  # the definitions being expanded: a rule holding rules is not expanded again


def resolve(node: Schema, base: str, ctx: Context) -> tuple[Schema, str, frozenset[str]]:
    """The node with its ``$ref`` chain followed (the node's own keywords win), its schema file and the refs seen."""
    seen: set[str] = set()
    merged: Schema = {}
    while True:
        merged = {**node, **merged}
        ref = node.get("$ref")
        if not isinstance(ref, str):
            break
        file, _, pointer = ref.partition("#")
        base = file or base
        target: Any = ctx.schemas[base]
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            target = target[part]
        seen.add(f"{base}#{pointer}")
        node = target
    merged.pop("$ref", None)
    return merged, base, frozenset(seen)


def _hint(description: object) -> str | None:
    if not isinstance(description, str) or not description:
        return None
    # The hint is Markdown: <mã phong trào> would be read as a tag and vanish.
    return description.replace("<", "&lt;").replace(">", "&gt;")


def _related(node: Schema, name: str | None = None) -> str | None:
    """The collection a slug's description points to (``records/units`` → units), if it names exactly one, else
    the collection its property name always points to."""
    named: set[str] = {folder for folder in _FOLDER_NAMED.findall(str(node.get("description", ""))) if folder in RELATED}
    if len(named) == 1:
        return named.pop()
    return NAMED.get(name) if not named and name else None


def _campaign_list(node: Schema, ctx: Context) -> Field | None:
    """A choice among the items of a list in the campaign's record (its awards, its dossier), if the hint names one."""
    match = _CAMPAIGN_LIST.search(str(node.get("description", "")))
    campaign = ctx.schemas.get("campaign.schema.json", {}).get("properties", {})
    if not match or match.group(1) not in campaign:
        return None
    items = campaign[match.group(1)].get("items", {}).get("properties", {})
    if "id" not in items:
        return None
    shown = next((f for f in ("name", "title") if f in items), "id")
    return {
        "widget": "relation",
        "collection": "campaigns",
        "value_field": f"{match.group(1)}.*.id",
        "search_fields": [f"{match.group(1)}.*.{shown}", f"{match.group(1)}.*.id"],
        "display_fields": [f"{match.group(1)}.*.{shown}"],
    }


def _relation(collection: str, ctx: Context, multiple: bool = False) -> Field:
    label = ctx.labels[collection]
    field: Field = {
        "widget": "relation",
        "collection": collection,
        "value_field": "id",
        "search_fields": [label, "id"],
        "display_fields": [label],
    }
    if multiple:
        field["multiple"] = True
    return field


def _alternatives(node: Schema, base: str, ctx: Context) -> list[tuple[Schema, str, frozenset[str]]]:
    return [resolve(alt, base, ctx) for alt in node.get("oneOf") or node.get("anyOf") or []]


def _is_text(node: Schema) -> bool:
    return node.get("type") == "string" or "enum" in node and all(isinstance(v, str) for v in node["enum"])


def widget(node: Schema, base: str, refs: frozenset[str], ctx: Context) -> Field:
    """The widget and its options for one resolved schema node (without name, label, hint or required)."""
    if FICTIONAL in refs:
        return {"widget": "boolean"}
    if DATETIME in refs:
        return {"widget": "datetime", "format": DATETIME_FORMAT}
    if DATE in refs:
        return {"widget": "datetime", "format": DATE_FORMAT, "time_format": False}
    if REPO_FILE in refs or IMAGE_FILE in refs:
        folder = ctx.media_folder
        return {
            "widget": "image" if IMAGE_FILE in refs else "file",
            "media_folder": f"/{folder}",
            "public_folder": folder,
            "choose_url": False,  # a scan is uploaded into the repository, never linked from elsewhere
        }
    if PERSON_LIST in refs:
        return _relation("people", ctx, multiple=True)
    if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
        return {"widget": "select", "options": list(node["enum"])}
    if "oneOf" in node or "anyOf" in node:
        return _choice(node, base, ctx)
    kind = node.get("type")
    if kind == "string":
        return _string(node, refs)
    if kind in ("integer", "number"):
        field: Field = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        for keyword, option in (("minimum", "min"), ("maximum", "max")):
            if isinstance(node.get(keyword), int | float):
                field[option] = node[keyword]
        return field
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "object":
        return _object(node, base, ctx)
    if kind == "array":
        return _array(node, base, ctx)
    return {"widget": "hidden"}


def _string(node: Schema, refs: frozenset[str]) -> Field:
    field: Field = {"widget": "text" if TEXT in refs else "string"}
    if isinstance(node.get("pattern"), str) and isinstance(node.get("patternErrorMessage"), str):
        field["pattern"] = [node["pattern"], node["patternErrorMessage"]]
    return field


def _choice(node: Schema, base: str, ctx: Context) -> Field:
    """oneOf/anyOf: one object with every alternative's fields, one string, or (mixed types) kept as written."""
    alternatives = _alternatives(node, base, ctx)
    if alternatives and all(alt.get("type") == "object" and "properties" in alt for alt, _, _ in alternatives):
        properties: Schema = {}
        for alt, alt_base, _ in alternatives:
            for name, prop in alt["properties"].items():
                properties.setdefault(name, (prop, alt_base))
        return {"widget": "object", "fields": [field(name, prop, False, b, ctx) for name, (prop, b) in properties.items()]}
    if alternatives and all(_is_text(alt) for alt, _, _ in alternatives):
        return {"widget": "string"}
    return {"widget": "hidden"}


def _object(node: Schema, base: str, ctx: Context) -> Field:
    properties = node.get("properties")
    if isinstance(properties, dict) and properties:
        required = set(node.get("required", []))
        return {
            "widget": "object",
            "fields": [field(name, prop, name in required, base, ctx) for name, prop in properties.items()],
        }
    values = node.get("additionalProperties")
    if isinstance(values, dict):
        value, _, _ = resolve(values, base, ctx)
        if value.get("type") == "string":
            return {"widget": "keyvalue", "key_label": "Mã", "value_label": str(value.get("title", "Giá trị"))}
    if "oneOf" in node or "anyOf" in node:
        return _choice(node, base, ctx)
    return {"widget": "hidden"}


def _array(node: Schema, base: str, ctx: Context) -> Field:
    items = node.get("items")
    if not isinstance(items, dict):
        return {"widget": "hidden"}
    item, item_base, refs = resolve(items, base, ctx)
    if refs & ctx.within:
        return {"widget": "hidden"}
    ctx = replace(ctx, within=ctx.within | refs)
    if SLUG in refs and not ({"enum", "oneOf", "anyOf"} & item.keys()):
        collection = _related(node) or _related(item)
        if collection:
            return _relation(collection, ctx, multiple=True)
    inner = widget(item, item_base, refs, ctx)
    if inner["widget"] == "hidden":
        return {"widget": "hidden"}
    if inner["widget"] == "object":
        return {"widget": "list", "fields": inner["fields"]}
    return {"widget": "list", "field": {"name": "muc", "label": str(item.get("title", "Mục")), **inner}}


def field(name: str, node: Schema, required: bool, base: str, ctx: Context) -> Field:
    """The form field for property ``name`` of a record."""
    resolved, resolved_base, refs = resolve(node, base, ctx)
    if refs & ctx.within:
        options: Field = {"widget": "hidden"}
    else:
        options = widget(resolved, resolved_base, refs, replace(ctx, within=ctx.within | refs))
    if options["widget"] == "string" and SLUG in refs:
        if collection := _related(resolved, name):
            options = _relation(collection, ctx)
        elif listed := _campaign_list(resolved, ctx):
            options = listed
    result: Field = {"name": name, "label": str(resolved.get("title") or name), **options}
    hint = _hint(resolved.get("description"))
    if hint and options["widget"] != "hidden":
        result["hint"] = hint
    if not required and options["widget"] != "hidden":
        result["required"] = False
    return result
