"""Checks of what a plan's thresholds and attributes name: each group a threshold is keyed by exists and has nominees,
each attribute is declared and its values are ones people have, each target table holds a number per unit."""

from __future__ import annotations

from typing import Any

from ...vocabulary import NomineeKind
from ..record import Record
from ..schema_messages import suggest
from ..yaml_reader import Path
from .common import leaf_rules
from .lookup import Lookup

BUILTIN = ("unit_kind", "category", "unit")


def check_plan_values(c: Lookup, r: Record) -> None:
    """Thresholds, attribute rules and targets of every criterion name things that exist."""
    declared = [a["id"] for a in r.data.get("attributes", [])]
    for i, criterion in enumerate(r.data["criteria"]):
        kind = NomineeKind(criterion["applies_to"])
        for path, leaf in leaf_rules(criterion["rule"], ("criteria", i, "rule")):
            for op in ("min", "max"):
                if isinstance(leaf.get(op), dict):
                    _threshold(c, r, path + (op,), leaf[op], kind, declared)
            members = leaf.get("members")
            if isinstance(members, dict) and isinstance(members.get("min_count"), dict):
                _threshold(c, r, path + ("members", "min_count"), members["min_count"], NomineeKind.COLLECTIVE, declared)
            if "attribute" in leaf:
                _attribute(c, r, path, leaf, kind, declared)


def _threshold(c: Lookup, r: Record, path: Path, threshold: dict[str, Any], kind: NomineeKind, declared: list[str]) -> None:
    if "target" in threshold:
        target(c, r, path + ("target",))
        return
    by = threshold["by"]
    if by not in BUILTIN and by not in declared:
        c.add(
            r,
            path + ("by",),
            "unknown-attribute",
            f"«{by}» không phải thuộc tính kế hoạch khai báo; hãy dùng unit_kind, category, unit, hoặc khai báo trong attributes"
            f"{' (' + ', '.join(declared) + ')' if declared else ''}.{suggest(by, [*BUILTIN, *declared])}",
        )
        return
    known = _known_values(c, r, by, kind)
    for key in threshold["values"]:
        if key not in known:
            c.add(
                r,
                path + ("values", key),
                "threshold-key",
                f"Không {_who(kind)} nào có {_by_name(by)} «{key}»: ngưỡng này sẽ không bao giờ được dùng; hãy sửa cho đúng"
                f"{' (đang có: ' + ', '.join(sorted(known)) + ')' if known and len(known) <= 12 else ''}.{suggest(key, known)}",
                at_key=True,
            )


def _attribute(c: Lookup, r: Record, path: Path, leaf: dict[str, Any], kind: NomineeKind, declared: list[str]) -> None:
    name = leaf["attribute"]
    if kind != NomineeKind.INDIVIDUAL:
        c.add(
            r,
            path + ("attribute",),
            "attribute-of-unit",
            "Thuộc tính chỉ ghi ở hồ sơ cá nhân; quy tắc này chỉ dùng cho tiêu chí cá nhân.",
        )
        return
    if name not in declared:
        c.add(
            r,
            path + ("attribute",),
            "unknown-attribute",
            f"«{name}» chưa được khai báo trong attributes của kế hoạch; hãy khai báo, hoặc sửa mã.{suggest(name, declared)}",
        )
        return
    known = _known_values(c, r, name, kind)
    for j, value in enumerate(leaf["in"]):
        if value not in known:
            c.add(
                r,
                path + ("in", j),
                "attribute-value",
                f"Không cá nhân nào có {name} «{value}»; hãy sửa cho đúng.{suggest(value, known)}",
            )


def target(c: Lookup, r: Record, path: Path) -> None:
    """A target table is a rating in records/ratings of one number per unit."""
    rating = c.ref(r, path, "rating")
    if rating is not None and (rating.data["subjects"] != "units" or "scale" in rating.data):
        c.add(
            r,
            path,
            "target-table",
            f"Bảng «{rating.id}» phải ghi chỉ tiêu là một số cho từng đơn vị (subjects: units, không có scale).",
        )


def _known_values(c: Lookup, r: Record, by: str, kind: NomineeKind) -> set[str]:
    """The values nominees of this kind have for an attribute: for ``unit``, the units a nominee can be (of a kind that
    takes part, when the plan says which) or belongs to."""
    people = c.of_kind("person", None)
    if by == "unit":
        kinds = r.data["participants"].get("unit_kinds")
        units = {u.id for u in c.of_kind("unit", None) if not kinds or u.data["kind"] in kinds}
        return {p.data["unit"] for p in people} & units if kind == NomineeKind.INDIVIDUAL else units
    if by == "unit_kind":
        return {u.data["kind"] for u in c.of_kind("unit", None)}
    if by == "category":
        return {p.data["category"] for p in people if "category" in p.data}
    return {p.data.get("attributes", {}).get(by) for p in people} - {None}


def _who(kind: NomineeKind) -> str:
    return "cá nhân" if kind == NomineeKind.INDIVIDUAL else "tập thể"


def _by_name(by: str) -> str:
    return {"unit_kind": "loại đơn vị", "category": "đối tượng", "unit": "đơn vị"}.get(by, f"thuộc tính {by}")
