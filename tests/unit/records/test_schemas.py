"""The schemas: valid Draft 2020-12, one per record kind, documented in Vietnamese, mapped for editors."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from thidua.records.layout import KINDS
from thidua.records.schemas import DRAFT_2020_12, build_validators, load_schemas, metaschema_errors, quickly_valid

SCHEMAS = load_schemas(ROOT / "schemas")


def test_every_schema_passes_the_metaschema() -> None:
    """Each schema in schemas/ is valid against the Draft 2020-12 metaschema."""
    assert metaschema_errors(SCHEMAS) == []
    assert all(s["$schema"] == "https://json-schema.org/draft/2020-12/schema" for s in SCHEMAS.values())


def test_the_metaschema_check_catches_a_broken_schema() -> None:
    """A schema with a wrong keyword value is reported by the metaschema check."""
    broken = {"x.schema.json": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "chuỗi"}}
    assert len(metaschema_errors(broken)) == 1


def _nodes(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here] if here else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in children:
        found += _nodes(value, here + (key,))
    return found


SCHEMA_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 2),
    st.floats(allow_nan=False, width=16),
    st.sampled_from(["string", "chuỗi", "", "#/$defs/khong-co", "^[a-z", "date", "object"]),
    st.lists(st.sampled_from(["string", "id", 1]), max_size=2),
    st.just({}),
    st.just([]),
)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_quick_metaschema_check_never_passes_what_jsonschema_rejects(data: st.DataObject) -> None:
    """A schema changed at random: when jsonschema-rs calls it valid, jsonschema finds no error either."""
    name = data.draw(st.sampled_from(sorted(SCHEMAS)))
    schema = copy.deepcopy(SCHEMAS[name])
    path = data.draw(st.sampled_from(_nodes(schema)))
    parent: Any = schema
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = data.draw(SCHEMA_VALUES)
    full = list(jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA).iter_errors(schema))
    quick = quickly_valid(schema)
    if quick:
        assert full == []
    assert (metaschema_errors({name: schema}) == []) == (full == [] and (quick or schema.get("$schema") != DRAFT_2020_12))


def test_one_schema_per_kind_and_all_references_resolve() -> None:
    """Every record kind has its schema, and every $ref in every schema resolves."""
    assert {kind.schema for kind in KINDS} <= set(SCHEMAS)
    validators = build_validators(SCHEMAS)
    for kind in KINDS:  # validating an empty object walks the required keywords and their $refs
        assert list(validators[kind.name].iter_errors({}))


def _properties(schema: object, where: str = "") -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    if isinstance(schema, dict):
        for name, sub in (schema.get("properties") or {}).items():
            if isinstance(sub, dict):
                found.append((f"{where}.{name}", sub))
        for key, sub in schema.items():
            if key in ("if", "then", "else"):  # conditions restate fields, they do not define them
                continue
            if key != "properties" and isinstance(sub, (dict, list)):
                found += _properties(sub, where)
            if key == "properties":
                for name, inner in sub.items():
                    found += _properties(inner, f"{where}.{name}")
    elif isinstance(schema, list):
        for sub in schema:
            found += _properties(sub, where)
    return found


def _titled(prop: dict[str, object], schemas: dict[str, dict[str, object]], here: str) -> bool:
    if "title" in prop:
        return True
    ref = prop.get("$ref")
    if isinstance(ref, str):
        name, _, pointer = ref.partition("#")
        target: object = schemas[name or here]
        for part in pointer.strip("/").split("/") if target is not None and pointer else []:
            target = target[part]  # type: ignore[index]
        return isinstance(target, dict) and "title" in target
    return False


def test_every_field_has_a_vietnamese_title() -> None:
    """Every property of every schema shows a title in the editor (its own or that of its $ref)."""
    missing = [
        (name, where)
        for name, schema in SCHEMAS.items()
        if name != "result.schema.json"
        for where, prop in _properties(schema)
        if not _titled(prop, SCHEMAS, name)
    ]
    assert missing == []
    assert all(schema.get("title") and schema.get("description") for schema in SCHEMAS.values())


def test_editor_maps_each_record_folder_to_its_schema() -> None:
    """.vscode/settings.json maps each kind's folder to its schema, so VS Code checks records as they are typed."""
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    expected = {
        f"./schemas/{kind.schema}": [
            f"records/{kind.folder}/{'*/' if kind.per_campaign else ''}*.{suffix}" for suffix in ("yml",)
        ]
        for kind in KINDS
    }
    assert settings["yaml.schemas"] == expected


def test_a_pattern_no_regex_engine_reads_is_a_maintainer_error(tree, cli) -> None:  # type: ignore[no-untyped-def]
    """An unbalanced parenthesis in a pattern stops with one sentence naming the schema and the pattern (exit 2)."""
    schema = tree / "schemas/person.schema.json"
    text = schema.read_text("utf-8")
    assert '"^0[0-9]{9}(?![\\\\s\\\\S])"' in text
    schema.write_text(text.replace('"^0[0-9]{9}(?![\\\\s\\\\S])"', '"^(0[0-9]{9}$"'), "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 2
    assert run.err.startswith('thidua: lỗi: mẫu person.schema.json không dùng được ("^(0[0-9]{9}$" is not a "regex")')
    assert "lỗi của người bảo trì" in run.err and "Traceback" not in run.err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[]", "mẫu không hợp lệ theo Draft 2020-12: person.schema.json:"),
        (
            '{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}',
            "mẫu person.schema.json khai báo $schema «http://json-schema.org/draft-07/schema#»; thidua đọc mọi mẫu theo Draft 2020-12",
        ),
    ],
)
def test_a_schema_that_is_not_a_draft_2020_12_object_is_a_maintainer_error(tree, cli, content, said) -> None:  # type: ignore[no-untyped-def]
    """A schema file that is not an object, or declares another draft (the fast pass would read it as that draft and the
    full validator as 2020-12), stops with one sentence (exit 2), no traceback."""
    (tree / "schemas/person.schema.json").write_text(content, "utf-8")
    run = cli("--root", str(tree), "validate")
    assert run.code == 2 and "Traceback" not in run.out + run.err and "lỗi nội bộ" not in run.err
    assert run.err.startswith(f"thidua: lỗi: {said}")
