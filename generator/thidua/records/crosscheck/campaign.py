"""Checks of a campaign plan against itself and the records it names."""

from __future__ import annotations

from typing import Any

from ...vocabulary import NomineeKind
from ..record import Record
from ..schema_messages import suggest
from ..yaml_reader import Path
from .common import checks, date_order, legal_refs, unique
from .lookup import Lookup

_COMPARISONS = ("at_least", "in", "min", "max")


@checks("campaign")
def check_campaign(c: Lookup, r: Record) -> None:
    data = r.data
    c.ref(r, ("issuer",), "unit")
    c.ref(r, ("signer", "person"), "person")
    if "receiver" in data["deadline"]:
        c.ref(r, ("deadline", "receiver"), "unit")
    for group in ("responsibilities", "recipients"):
        for i, _ in enumerate(data[group]):
            c.refs(r, (group, i, "units"), "unit")
    legal_refs(c, r, ("legal_basis",))
    for group in ("criteria", "awards", "dossier"):
        for i, _ in enumerate(data[group]):
            legal_refs(c, r, (group, i, "basis"))
    if "file" in data["document"]:
        c.file(r, ("document", "file"))
    if "period" in data:
        date_order(c, r, ("period", "from"), ("period", "to"), "Ngày kết thúc sớm hơn ngày bắt đầu; hãy kiểm tra lại.")
    date_order(
        c, r, ("document", "date"), ("deadline", "date"), "Hạn nộp hồ sơ sớm hơn ngày ban hành kế hoạch; hãy kiểm tra lại."
    )
    _unique_tasks(c, r)
    for group, what in (
        ("evidence", "Mã minh chứng"),
        ("criteria", "Mã tiêu chí"),
        ("awards", "Mã hình thức khen thưởng"),
        ("dossier", "Mã văn bản"),
    ):
        unique(c, r, (group,), "id", what)
    evidence = _evidence(c, r)
    _criteria(c, r, evidence)
    _awards(c, r)


def _criteria(c: Lookup, r: Record, evidence: dict[str, tuple[dict[str, Any], list[str] | None]]) -> None:
    """Each criterion is for a kind of nominee that takes part, and its rule reads declared evidence."""
    data = r.data
    for i, criterion in enumerate(data["criteria"]):
        if criterion["applies_to"] not in data["participants"]["kinds"]:
            c.add(
                r,
                ("criteria", i, "applies_to"),
                "kind-not-competing",
                f"Đối tượng thi đua không có «{criterion['applies_to']}»; hãy thêm vào participants.kinds hoặc sửa tiêu chí.",
            )
        _rule(c, r, ("criteria", i, "rule"), criterion["rule"], evidence, criterion["applies_to"])


def _awards(c: Lookup, r: Record) -> None:
    """Each award ranks by points only where criteria score, has quotas for kinds that take part, names real criteria."""
    data = r.data
    criteria = {c_["id"]: c_["applies_to"] for c_ in data["criteria"]}
    scored = any("points" in c_ for c_ in data["criteria"])
    for i, award in enumerate(data["awards"]):
        if (award.get("ranking") == "points" or "min_points" in award) and not scored:
            c.add(
                r,
                ("awards", i, "ranking" if award.get("ranking") == "points" else "min_points"),
                "no-points",
                "Hình thức này xếp hạng hoặc lọc theo điểm nhưng chưa tiêu chí nào có points; hãy ghi điểm cho các tiêu chí.",
            )
        for kind in award["quota"]:
            if kind not in data["participants"]["kinds"]:
                c.add(
                    r,
                    ("awards", i, "quota", kind),
                    "kind-not-competing",
                    f"Đối tượng thi đua không có «{kind}»; hãy thêm vào participants.kinds hoặc xóa số lượng này.",
                )
        for j, criterion_id in enumerate(award.get("criteria", [])):
            if criterion_id not in criteria:
                c.add(
                    r,
                    ("awards", i, "criteria", j),
                    "unknown-criterion",
                    f"Không có tiêu chí «{criterion_id}» trong kế hoạch; hãy chọn một trong: {', '.join(criteria)}.",
                )


def _unique_tasks(c: Lookup, r: Record) -> None:
    seen: dict[str, Path] = {}
    for i, task in enumerate(r.data["tasks"]):
        entries: list[tuple[Path, str]] = [(("tasks", i, "id"), task["id"])]
        entries += [(("tasks", i, "subtasks", j, "id"), sub["id"]) for j, sub in enumerate(task.get("subtasks", []))]
        for path, ident in entries:
            if ident in seen:
                line = r.doc.position(seen[ident]).line
                c.add(
                    r, path, "duplicate-id", f"Mã nhiệm vụ «{ident}» bị lặp lại (đã có ở dòng {line}); mỗi mã chỉ dùng một lần."
                )
            seen.setdefault(ident, path)


def _evidence(c: Lookup, r: Record) -> dict[str, tuple[dict[str, Any], list[str] | None]]:
    """Each declared evidence with the levels of its scale (None when it is a number)."""
    found: dict[str, tuple[dict[str, Any], list[str] | None]] = {}
    for i, item in enumerate(r.data["evidence"]):
        source = item["source"]
        levels: list[str] | None = None
        if "rating" in source:
            rating = c.ref(r, ("evidence", i, "source", "rating"), "rating")
            if rating is not None and "scale" in rating.data:
                scale = c.get("scale", rating.data["scale"])
                levels = [level["id"] for level in scale.data["levels"]] if scale else []
            elif rating is None:
                continue  # the missing rating is reported; nothing to compare against
        elif "discipline" in source:
            if c.ref(r, ("evidence", i, "source", "discipline"), "discipline") is None:
                continue
        else:
            tasks = [t["id"] for t in r.data["tasks"]]
            for j, task in enumerate(source["reports"].get("tasks", [])):
                if task not in tasks:
                    c.add(
                        r,
                        ("evidence", i, "source", "reports", "tasks", j),
                        "unknown-task",
                        f"«{task}» không phải nhiệm vụ của phong trào; hãy chọn một trong: {', '.join(tasks)}.{suggest(task, tasks)}",
                    )
        if "case_kinds" in item and "discipline" not in source:
            c.add(
                r,
                ("evidence", i, "case_kinds"),
                "case-kinds-rating",
                "case_kinds chỉ dùng với nguồn discipline (sổ theo dõi kỷ luật); hãy xóa dòng này.",
                at_key=True,
            )
        found[item["id"]] = (item, levels)
    return found


def _inner(rule: dict[str, Any]) -> list[tuple[Path, dict[str, Any]]]:
    """The rules a combinator holds, each with its path from the combinator (none for a comparison)."""
    for combinator in ("all", "any"):
        if combinator in rule:
            return [((combinator, i), inner) for i, inner in enumerate(rule[combinator])]
    if "fallback" in rule:
        return [(("fallback", part), rule["fallback"][part]) for part in ("primary", "otherwise")]
    if "at_least_of" in rule:
        return [(("at_least_of", "rules", i), inner) for i, inner in enumerate(rule["at_least_of"]["rules"])]
    return []


def _rule(c: Lookup, r: Record, path: Path, rule: dict[str, Any], evidence: dict[str, Any], applies_to: str) -> None:
    """Every evidence a rule reads is declared, and compared the way its kind allows."""
    if "members" in rule:
        _members(c, r, path + ("members",), rule["members"], applies_to)
        return
    if "at_least_of" in rule and rule["at_least_of"]["count"] > len(rule["at_least_of"]["rules"]):
        group = rule["at_least_of"]
        c.add(
            r,
            path + ("at_least_of", "count"),
            "count-too-large",
            f"Yêu cầu đạt {group['count']} quy tắc nhưng chỉ có {len(group['rules'])}; hãy sửa count.",
        )
    inner = _inner(rule)
    for relative, part in inner:
        _rule(c, r, path + relative, part, evidence, applies_to)
    if not inner and "evidence" in rule:
        _comparison(c, r, path, rule, evidence, applies_to)


def _comparison(c: Lookup, r: Record, path: Path, rule: dict[str, Any], evidence: dict[str, Any], applies_to: str) -> None:
    """A comparison reads a declared evidence, once, in the way its kind (a level or a number) allows."""
    name = rule["evidence"]
    declared = [e["id"] for e in r.data["evidence"]]
    if name in declared and name not in evidence:
        return  # declared, but its source is missing: reported on the evidence itself
    if name not in evidence:
        c.add(
            r,
            path + ("evidence",),
            "unknown-evidence",
            f"Minh chứng «{name}» chưa được khai báo trong evidence của kế hoạch; hãy chọn một trong: "
            f"{', '.join(declared) or '(chưa có)'}, hoặc khai báo thêm.{suggest(name, declared)}",
        )
        return
    item, levels = evidence[name]
    if item["subject"] == "members" and applies_to != NomineeKind.COLLECTIVE:
        c.add(
            r,
            path + ("evidence",),
            "members-of-person",
            f"Minh chứng «{name}» đọc kết quả của các thành viên một tập thể; không dùng được cho tiêu chí cá nhân.",
        )
    used = [op for op in _COMPARISONS if op in rule]
    if len(used) > 1 and set(used) != {"min", "max"}:
        c.add(
            r,
            path,
            "several-comparisons",
            f"Một quy tắc chỉ so sánh một cách; đang dùng cả {', '.join(used)}. Hãy tách thành nhiều quy tắc trong all.",
        )
    for op in used:
        if op in ("at_least", "in"):
            _levels(c, r, path, rule, op, name, levels)
        elif levels is not None:
            c.add(
                r,
                path + (op,),
                "comparison-kind",
                f"Minh chứng «{name}» là một mức xếp loại; hãy so sánh bằng at_least hoặc in thay cho {op}.",
                at_key=True,
            )
        elif isinstance(rule[op], dict) and rule[op]["by"] == "category" and applies_to != NomineeKind.INDIVIDUAL:
            c.add(
                r,
                path + (op, "by"),
                "threshold-by",
                "Ngưỡng theo đối tượng cá nhân (category) chỉ dùng cho tiêu chí cá nhân; với tập thể hãy dùng unit_kind hoặc unit.",
            )


def _levels(c: Lookup, r: Record, path: Path, rule: dict[str, Any], op: str, name: str, levels: list[str] | None) -> None:
    """``at_least`` and ``in`` compare a level of a rating scale, and name levels of that scale."""
    if levels is None:
        c.add(
            r,
            path + (op,),
            "comparison-kind",
            f"Minh chứng «{name}» là một số; hãy so sánh bằng min hoặc max thay cho {op}.",
            at_key=True,
        )
        return
    wanted = [rule[op]] if op == "at_least" else rule[op]
    for j, level in enumerate(wanted):
        if levels and level not in levels:
            where = path + ((op,) if op == "at_least" else (op, j))
            c.add(
                r,
                where,
                "unknown-level",
                f"«{level}» không phải một mức của thang xếp loại của «{name}»; hãy chọn một trong: {', '.join(levels)}.",
            )


def _members(c: Lookup, r: Record, path: Path, rule: dict[str, Any], applies_to: str) -> None:
    """A members rule belongs to a collective criterion and counts an individual criterion of the same plan."""
    if applies_to != NomineeKind.COLLECTIVE:
        c.add(r, path, "members-of-person", "Quy tắc theo kết quả của thành viên chỉ dùng cho tiêu chí tập thể.", at_key=True)
    individual = [x["id"] for x in r.data["criteria"] if x["applies_to"] == NomineeKind.INDIVIDUAL]
    if rule["criterion"] not in individual:
        c.add(
            r,
            path + ("criterion",),
            "unknown-criterion",
            f"«{rule['criterion']}» không phải tiêu chí cá nhân của kế hoạch; hãy chọn một trong: "
            f"{', '.join(individual) or '(chưa có)'}.{suggest(rule['criterion'], individual)}",
        )
