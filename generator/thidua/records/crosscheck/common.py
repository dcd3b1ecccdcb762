"""Checks several kinds of record share: ids unique in a list, dates in order, a meeting's attendance, legal references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..record import Record
from ..yaml_reader import Path
from .lookup import Lookup, at

Check = Callable[[Lookup, Record], None]
CHECKS: dict[str, Check] = {}  # the check of each kind of record, by kind name


def checks(kind: str) -> Callable[[Check], Check]:
    """Register the function as the check of one kind of record."""

    def register(check: Check) -> Check:
        assert kind not in CHECKS, f"two checks for {kind}"
        CHECKS[kind] = check
        return check

    return register


def unique(c: Lookup, record: Record, path: Path, key: str, what: str) -> None:
    """Items of the list at ``path`` must not share ``key``."""
    seen: dict[Any, int] = {}
    for i, item in enumerate(at(record.data, path) or []):
        value = item.get(key) if isinstance(item, dict) else None
        if value is None:
            continue
        if value in seen:
            first = record.doc.position(path + (seen[value], key))
            c.add(
                record,
                path + (i, key),
                "duplicate-id",
                f"{what} «{value}» bị lặp lại (đã có ở dòng {first.line}); mỗi mã chỉ dùng một lần.",
            )
        else:
            seen[value] = i


def date_order(c: Lookup, record: Record, early: Path, late: Path, message: str) -> None:
    """The date at ``late`` is not before the date at ``early`` (where both are written)."""
    first, second = at(record.data, early), at(record.data, late)
    if isinstance(first, str) and isinstance(second, str) and first[:10] > second[:10]:
        c.add(record, late, "date-order", message)


def attendance(c: Lookup, record: Record, path: Path) -> None:
    """A meeting's chair, secretary, present and absent people exist, and add up."""
    meeting = at(record.data, path)
    for role in ("chair", "secretary"):
        c.ref(record, path + (role,), "person")
        if meeting[role] not in meeting["present"]:
            c.add(record, path + (role,), "not-present", f"«{meeting[role]}» phải có trong danh sách present (có mặt).")
    for group in ("present", "absent"):
        c.refs(record, path + (group,), "person")
    for i, person in enumerate(meeting.get("absent", [])):
        if person in meeting["present"]:
            c.add(record, path + ("absent", i), "present-and-absent", f"«{person}» vừa có mặt vừa vắng mặt; hãy giữ một.")


def legal_refs(c: Lookup, record: Record, path: Path) -> None:
    """Each legal reference of the list at ``path`` names a law in records/laws."""
    for i, _ in enumerate(at(record.data, path) or []):
        c.ref(record, path + (i, "law"), "law")


def day(value: Any) -> dt.date | None:
    """A date written YYYY-MM-DD, or None (the schema reports anything else)."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def inner_rules(rule: dict[str, Any]) -> list[tuple[Path, dict[str, Any]]]:
    """The rules a combinator holds, each with its path from the combinator (none for a leaf)."""
    for combinator in ("all", "any"):
        if combinator in rule:
            return [((combinator, i), inner) for i, inner in enumerate(rule[combinator])]
    if "fallback" in rule:
        return [(("fallback", part), rule["fallback"][part]) for part in ("primary", "otherwise")]
    if "at_least_of" in rule:
        return [(("at_least_of", "rules", i), inner) for i, inner in enumerate(rule["at_least_of"]["rules"])]
    return []


def leaf_rules(rule: dict[str, Any], path: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every leaf of a rule (a comparison, a members count, an attribute), with its path."""
    inner = inner_rules(rule)
    if not inner:
        return [(path, rule)]
    return [leaf for relative, part in inner for leaf in leaf_rules(part, path + relative)]
