"""Checks of a campaign plan against itself and the records it names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...vocabulary import NomineeKind
from ..schema_messages import suggest
from ..yaml_reader import Path

if TYPE_CHECKING:
    from ..validate import Record
    from .checker import _Checker

_COMPARISONS = ("at_least", "in", "min", "max")


def check_campaign(c: _Checker, r: Record) -> None:
    data = r.data
    c.ref(r, ("issuer",), "unit")
    c.ref(r, ("signer", "person"), "person")
    if "receiver" in data["deadline"]:
        c.ref(r, ("deadline", "receiver"), "unit")
    for group in ("responsibilities", "recipients"):
        for i, _ in enumerate(data[group]):
            c.refs(r, (group, i, "units"), "unit")
    c.legal_refs(r, ("legal_basis",))
    for group in ("criteria", "awards", "dossier"):
        for i, _ in enumerate(data[group]):
            c.legal_refs(r, (group, i, "basis"))
    if "file" in data["document"]:
        c.file(r, ("document", "file"))
    if "period" in data:
        c.date_order(r, ("period", "from"), ("period", "to"), "Ngày kết thúc sớm hơn ngày bắt đầu; hãy kiểm tra lại.")
    c.date_order(r, ("document", "date"), ("deadline", "date"), "Hạn nộp hồ sơ sớm hơn ngày ban hành kế hoạch; hãy kiểm tra lại.")
    _unique_tasks(c, r)
    for group, what in (("evidence", "Mã minh chứng"), ("criteria", "Mã tiêu chí"), ("awards", "Mã hình thức khen thưởng"), ("dossier", "Mã văn bản")):
        c.unique(r, (group,), "id", what)
    evidence = _evidence(c, r)
    for i, criterion in enumerate(data["criteria"]):
        if criterion["applies_to"] not in data["participants"]["kinds"]:
            c.add(r, ("criteria", i, "applies_to"), "kind-not-competing",
                  f"Đối tượng thi đua không có «{criterion['applies_to']}»; hãy thêm vào participants.kinds hoặc sửa tiêu chí.")
        _rule(c, r, ("criteria", i, "rule"), criterion["rule"], evidence, criterion["applies_to"])
    criteria = {c_["id"]: c_["applies_to"] for c_ in data["criteria"]}
    scored = any("points" in c_ for c_ in data["criteria"])
    for i, award in enumerate(data["awards"]):
        if (award.get("ranking") == "points" or "min_points" in award) and not scored:
            c.add(r, ("awards", i, "ranking" if award.get("ranking") == "points" else "min_points"), "no-points",
                  "Hình thức này xếp hạng hoặc lọc theo điểm nhưng chưa tiêu chí nào có points; hãy ghi điểm cho các tiêu chí.")
        for kind in award["quota"]:
            if kind not in data["participants"]["kinds"]:
                c.add(r, ("awards", i, "quota", kind), "kind-not-competing",
                      f"Đối tượng thi đua không có «{kind}»; hãy thêm vào participants.kinds hoặc xóa số lượng này.")
        for j, criterion_id in enumerate(award.get("criteria", [])):
            if criterion_id not in criteria:
                c.add(r, ("awards", i, "criteria", j), "unknown-criterion",
                      f"Không có tiêu chí «{criterion_id}» trong kế hoạch; hãy chọn một trong: {', '.join(criteria)}.")


def _unique_tasks(c: _Checker, r: Record) -> None:
    seen: dict[str, Path] = {}
    for i, task in enumerate(r.data["tasks"]):
        entries: list[tuple[Path, str]] = [(("tasks", i, "id"), task["id"])]
        entries += [(("tasks", i, "subtasks", j, "id"), sub["id"]) for j, sub in enumerate(task.get("subtasks", []))]
        for path, ident in entries:
            if ident in seen:
                line = r.doc.position(seen[ident]).line
                c.add(r, path, "duplicate-id", f"Mã nhiệm vụ «{ident}» bị lặp lại (đã có ở dòng {line}); mỗi mã chỉ dùng một lần.")
            seen.setdefault(ident, path)


def _evidence(c: _Checker, r: Record) -> dict[str, tuple[dict[str, Any], list[str] | None]]:
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
                    c.add(r, ("evidence", i, "source", "reports", "tasks", j), "unknown-task",
                          f"«{task}» không phải nhiệm vụ của phong trào; hãy chọn một trong: {', '.join(tasks)}.{suggest(task, tasks)}")
        if "case_kinds" in item and "discipline" not in source:
            c.add(r, ("evidence", i, "case_kinds"), "case-kinds-rating",
                  "case_kinds chỉ dùng với nguồn discipline (sổ theo dõi kỷ luật); hãy xóa dòng này.", at_key=True)
        found[item["id"]] = (item, levels)
    return found


def _rule(c: _Checker, r: Record, path: Path, rule: dict[str, Any], evidence: dict[str, Any], applies_to: str) -> None:
    """Every evidence a rule reads is declared, and compared the way its kind allows."""
    for combinator in ("all", "any"):
        if combinator in rule:
            for i, inner in enumerate(rule[combinator]):
                _rule(c, r, path + (combinator, i), inner, evidence, applies_to)
            return
    if "fallback" in rule:
        for part in ("primary", "otherwise"):
            _rule(c, r, path + ("fallback", part), rule["fallback"][part], evidence, applies_to)
        return
    if "members" in rule:
        _members(c, r, path + ("members",), rule["members"], applies_to)
        return
    if "at_least_of" in rule:
        group = rule["at_least_of"]
        if group["count"] > len(group["rules"]):
            c.add(r, path + ("at_least_of", "count"), "count-too-large",
                  f"Yêu cầu đạt {group['count']} quy tắc nhưng chỉ có {len(group['rules'])}; hãy sửa count.")
        for i, inner in enumerate(group["rules"]):
            _rule(c, r, path + ("at_least_of", "rules", i), inner, evidence, applies_to)
        return
    name = rule["evidence"]
    declared = [e["id"] for e in r.data["evidence"]]
    if name in declared and name not in evidence:
        return  # declared, but its source is missing: reported on the evidence itself
    if name not in evidence:
        c.add(r, path + ("evidence",), "unknown-evidence",
              f"Minh chứng «{name}» chưa được khai báo trong evidence của kế hoạch; hãy chọn một trong: "
              f"{', '.join(declared) or '(chưa có)'}, hoặc khai báo thêm.{suggest(name, declared)}")
        return
    item, levels = evidence[name]
    if item["subject"] == "members" and applies_to != NomineeKind.COLLECTIVE:
        c.add(r, path + ("evidence",), "members-of-person",
              f"Minh chứng «{name}» đọc kết quả của các thành viên một tập thể; không dùng được cho tiêu chí cá nhân.")
    used = [op for op in _COMPARISONS if op in rule]
    if len(used) > 1 and set(used) != {"min", "max"}:
        c.add(r, path, "several-comparisons", f"Một quy tắc chỉ so sánh một cách; đang dùng cả {', '.join(used)}. Hãy tách thành nhiều quy tắc trong all.")
    for op in used:
        if op in ("at_least", "in"):
            if levels is None:
                c.add(r, path + (op,), "comparison-kind",
                      f"Minh chứng «{name}» là một số; hãy so sánh bằng min hoặc max thay cho {op}.", at_key=True)
                continue
            wanted = [rule[op]] if op == "at_least" else rule[op]
            for j, level in enumerate(wanted):
                if levels and level not in levels:
                    where = path + ((op,) if op == "at_least" else (op, j))
                    c.add(r, where, "unknown-level",
                          f"«{level}» không phải một mức của thang xếp loại của «{name}»; hãy chọn một trong: {', '.join(levels)}.")
        elif levels is not None:
            c.add(r, path + (op,), "comparison-kind",
                  f"Minh chứng «{name}» là một mức xếp loại; hãy so sánh bằng at_least hoặc in thay cho {op}.", at_key=True)
        elif isinstance(rule[op], dict) and rule[op]["by"] == "category" and applies_to != NomineeKind.INDIVIDUAL:
            c.add(r, path + (op, "by"), "threshold-by",
                  "Ngưỡng theo đối tượng cá nhân (category) chỉ dùng cho tiêu chí cá nhân; với tập thể hãy dùng unit_kind hoặc unit.")


def _members(c: _Checker, r: Record, path: Path, rule: dict[str, Any], applies_to: str) -> None:
    """A members rule belongs to a collective criterion and counts an individual criterion of the same plan."""
    if applies_to != NomineeKind.COLLECTIVE:
        c.add(r, path, "members-of-person", "Quy tắc theo kết quả của thành viên chỉ dùng cho tiêu chí tập thể.", at_key=True)
    individual = [x["id"] for x in r.data["criteria"] if x["applies_to"] == NomineeKind.INDIVIDUAL]
    if rule["criterion"] not in individual:
        c.add(r, path + ("criterion",), "unknown-criterion",
              f"«{rule['criterion']}» không phải tiêu chí cá nhân của kế hoạch; hãy chọn một trong: "
              f"{', '.join(individual) or '(chưa có)'}.{suggest(rule['criterion'], individual)}")
