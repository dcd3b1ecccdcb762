"""The fast first pass never calls valid what the full validator rejects, whatever the record."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from thidua.fastcheck import compile_checks, passes
from thidua.schemas import build_validators, load_schemas
from thidua.validate import validate_tree

SCHEMAS = load_schemas(ROOT / "schemas")
FAST = compile_checks(SCHEMAS)
FULL = build_validators(SCHEMAS)
RECORDS = [(r.kind.name, r.data) for r in validate_tree(ROOT).records]

VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False, width=16),
                   st.sampled_from(["", " ", "2025-13-40", "05/12/2025", "2025-12-05", "2025-12-03T25:00:00+07:00",
                                    "2025-12-03T09:00:00+07:00", "Nguyễn-Thị-Lan", "van-phong-thong-ke", "5/TTr-VP",
                                    "05/TTr-VP", "xuat-sac", "huy-bo", "0912345678", "abc"]),
                   st.lists(st.sampled_from(["a", "van-phong-thong-ke", ""]), max_size=2), st.just({}))


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


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_fast_check_agrees_with_the_full_validator(data: st.DataObject) -> None:
    """A record changed at random (a value replaced, a field removed or added) gets the same verdict from both."""
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
    full_valid = not list(FULL[kind].iter_errors(record))
    assert passes(FAST[kind], record) == full_valid
