"""The fast first pass never calls valid what the full validator rejects, whatever the record file says."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from thidua.problems import RecordError
from thidua.records import yaml_reader
from thidua.records.fastcheck import Checks, compile_checks, passes
from thidua.records.schemas import build_validators, load_schemas
from thidua.records.validate import validate_tree

SCHEMAS = load_schemas(ROOT / "schemas")
FAST = compile_checks(SCHEMAS)
CHECKS = Checks(SCHEMAS)
FULL = build_validators(SCHEMAS)
RECORDS = [(r.kind.name, r.data) for r in validate_tree(ROOT).records]

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, width=16),
    st.sampled_from(
        [
            "",
            " ",
            "2025-13-40",
            "05/12/2025",
            "2025-12-05",
            "2025-12-03T25:00:00+07:00",
            "2025-12-03T09:00:00+07:00",
            "Nguyễn-Thị-Lan",
            "van-phong-thong-ke",
            "5/TTr-VP",
            "05/TTr-VP",
            "xuat-sac",
            "huy-bo",
            "0912345678",
            "abc",
            # characters Python and ECMA-262 patterns read differently
            "\x1c",
            "a\x1fb",
            "Lan\x85",
            "\ufeff",
            "Lan\n",
            "x@y\x1c.vn",
            "\u2028",
            "x\ufeff@y.vn",
            "a b@c.vn",
            "van-phong\n",
            "05/KH-UBND\n",
            "Lan\r",
            # invisible characters no text field may hold
            "Lan\u202e",
            "Ng\u200buyễn",
            "Lan\u2029Anh",
            "\x00",
            "L\x7fan",
            "Lan\u2066",
            "a\tb",
            "Đoạn một\nđoạn hai",
            "Lan\u00ad",
        ]
    ),
    st.text(max_size=6),
    st.lists(st.sampled_from(["a", "van-phong-thong-ke", ""]), max_size=2),
    st.just({}),
)


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [text for key, value in node.items() for text in _strings(key) + _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return [node] if isinstance(node, str) else []


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here] if here else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, here + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, here + (index,))
    return found


def test_every_record_in_the_repository_passes_both() -> None:
    """The sample records pass the fast check and the full validator alike."""
    assert all(passes(FAST[kind], data) for kind, data in RECORDS)
    assert all(not list(FULL[kind].iter_errors(data)) for kind, data in RECORDS)


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_fast_check_agrees_with_the_full_validator(data: st.DataObject) -> None:
    """A record changed at random (a value replaced, a field removed or added), written and read back, gets the same verdict."""
    kind, original = data.draw(st.sampled_from(RECORDS))
    record = copy.deepcopy(original)
    path = data.draw(st.sampled_from(_paths(record)))
    parent: Any = record
    for part in path[:-1]:
        parent = parent[part]
    action = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "replace":
        parent[path[-1]] = data.draw(VALUES)
    elif action == "remove":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(st.sampled_from(["khong_co", "note", "fictional", "number"]))] = data.draw(VALUES)
    content = yaml.safe_dump(record, allow_unicode=True).encode("utf-8")
    try:
        read = yaml_reader.load("hoso.yml", content).data  # the record as thidua reads it back from the file
    except RecordError:
        assume(False)
    full_valid = not list(FULL[kind].iter_errors(read))
    assert CHECKS.passes(kind, read) == full_valid


# Characters the two pattern dialects read differently, and invisible ones the schemas refuse.
DIALECT = ["", "\n", "\r", "\ufeff", "\x1c", "\x1f", "\x85", "\u2028", "\u2029", "\u00a0", "\u202e", "\u200b", " ", "\t", "\x00"]
SAMPLES = [
    "x@y.vn",
    "0912345678",
    "012345678901",
    "05/KH-UBND",
    "05/2025/KH-UBND",
    "KH-UBND",
    "records/files/a.pdf",
    "records/files/a.png",
    "van-phong",
    "abc",
    "Nguyễn Lan",
    "Đoạn văn\nhai dòng",
    "lan-nguyen",
    "Kim Phượng",
]


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        return ([node["pattern"]] if isinstance(node.get("pattern"), str) else []) + [
            p for v in node.values() for p in _patterns(v)
        ]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def test_every_pattern_reads_the_same_in_python_and_ecma() -> None:
    """Each schema pattern, on text holding a character the dialects read differently (or an invisible one) at its start,
    middle or end, gets the same verdict from Python's re (full pass) and jsonschema-rs (fast pass)."""
    import re

    import jsonschema_rs

    disagree = []
    for pattern in sorted({p for schema in SCHEMAS.values() for p in _patterns(schema)}):
        fast = jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
        for sample in SAMPLES:
            for ch in DIALECT:
                for text in (sample + ch, ch + sample, sample[:2] + ch + sample[2:]):
                    if (re.search(pattern, text) is not None) != fast.is_valid(text):
                        disagree.append((pattern, text))
    assert disagree == []
