"""Checks of a campaign plan against itself and the records it names."""

from __future__ import annotations

from typing import Any

from ...vocabulary import NomineeKind
from ..record import Record
from ..schema_messages import suggest
from ..yaml_reader import Path
from .amounts import check_award_amounts
from .common import checks, date_order, inner_rules, legal_refs, unique
from .lookup import Lookup
from .plan_awards import check_plan_awards
from .plan_values import check_plan_values

_COMPARISONS = ("at_least", "in", "min", "max")


@checks("campaign")
def check_campaign(c: Lookup, r: Record) -> None:
    data = r.data
    c.ref(r, ("issuer",), "unit")
    c.ref(r, ("signer", "person"), "person")
    if "receiver" in data.get("deadline", {}):
        c.ref(r, ("deadline", "receiver"), "unit")
    if "posting" in data:
        c.ref(r, ("posting", "receiver"), "unit")
    for group in ("responsibilities", "recipients"):
        for i, _ in enumerate(data[group]):
            c.refs(r, (group, i, "units"), "unit")
    legal_refs(c, r, ("legal_basis",))
    check_award_amounts(c, r)
    for group in ("criteria", "awards", "dossier"):
        for i, _ in enumerate(data.get(group, [])):
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
    check_plan_values(c, r)
    check_plan_awards(c, r)


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
        ok, levels = _source(c, r, i, source)
        if "case_kinds" in item and "discipline" not in source:
            c.add(
                r,
                ("evidence", i, "case_kinds"),
                "case-kinds-rating",
                "case_kinds chỉ dùng với nguồn discipline (sổ theo dõi kỷ luật); hãy xóa dòng này.",
                at_key=True,
            )
        if item.get("measure") == "best" and "items" not in source:
            c.add(
                r,
                ("evidence", i, "measure"),
                "measure-not-items",
                "measure: best chỉ dùng với minh chứng trong sổ (items); hãy xóa dòng này.",
                at_key=True,
            )
        if ok:
            found[item["id"]] = (item, levels)
    if any(("items" in e["source"] or "awards" in e["source"]) for e in r.data["evidence"]) and "period" not in r.data:
        c.add(
            r,
            ("evidence",),
            "period-missing",
            "Kế hoạch đọc minh chứng có ngày (items, awards) nên phải ghi thời gian tính thành tích: hãy thêm period với "
            "from, to và ends (ngày đầu, ngày cuối có được tính không), như kế hoạch ghi.",
            at_key=True,
        )
    return found


def _source(c: Lookup, r: Record, i: int, source: dict[str, Any]) -> tuple[bool, list[str] | None]:
    """Whether an evidence's source exists (a missing one is reported), and the levels of its scale if it has one."""
    path = ("evidence", i, "source")
    if "rating" in source:
        rating = c.ref(r, path + ("rating",), "rating")
        if rating is None:
            return False, None  # the missing rating is reported; nothing to compare against
        scale = c.get("scale", rating.data["scale"]) if "scale" in rating.data else None
        return True, ([level["id"] for level in scale.data["levels"]] if scale else []) if "scale" in rating.data else None
    if "discipline" in source:
        return c.ref(r, path + ("discipline",), "discipline") is not None, None
    if "items" in source:
        return c.ref(r, path + ("items", "register"), "register") is not None, None
    if "awards" in source:
        return _award_source(c, r, path + ("awards",), source["awards"]), None
    tasks = [t["id"] for t in r.data["tasks"]]
    for j, task in enumerate(source["reports"].get("tasks", [])):
        if task not in tasks:
            c.add(
                r,
                path + ("reports", "tasks", j),
                "unknown-task",
                f"«{task}» không phải nhiệm vụ của phong trào; hãy chọn một trong: {', '.join(tasks)}.{suggest(task, tasks)}",
            )
    return True, None


def _award_source(c: Lookup, r: Record, path: Path, source: dict[str, Any]) -> bool:
    """An awards evidence names an award of this campaign, or of another campaign that exists."""
    other = c.ref(r, path + ("campaign",), "campaign") if "campaign" in source else r
    if other is None:
        return False
    if "campaign" not in source and "as" in source:
        c.add(
            r,
            path + ("as",),
            "as-this-campaign",
            "as chỉ dùng với hình thức của phong trào khác; hình thức của phong trào này luôn theo kết quả xét, hãy xóa dòng này.",
            at_key=True,
        )
    awards = [a["id"] for a in other.data["awards"]]
    if source["award"] not in awards:
        c.add(
            r,
            path + ("award",),
            "unknown-award",
            f"«{source['award']}» không phải hình thức khen thưởng của phong trào «{other.id}»; hãy chọn một trong: "
            f"{', '.join(awards)}.{suggest(source['award'], awards)}",
        )
        return False
    return True


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
    inner = inner_rules(rule)
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
        elif isinstance(rule[op], dict) and rule[op].get("by") == "category" and applies_to != NomineeKind.INDIVIDUAL:
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
    """A members rule belongs to a collective criterion and counts a criterion of its members' kind, or a title."""
    if applies_to != NomineeKind.COLLECTIVE:
        c.add(r, path, "members-of-person", "Quy tắc theo kết quả của thành viên chỉ dùng cho tiêu chí tập thể.", at_key=True)
    declared = list(r.data.get("statuses", {}))
    for j, status in enumerate(rule.get("excluding", ())):
        if status not in declared:
            c.add(
                r,
                path + ("excluding", j),
                "unknown-status",
                f"Tình trạng «{status}» chưa được khai báo trong statuses của kế hoạch; hãy khai báo kèm tên hiện trên trang "
                f"(ví dụ statuses: {{{status}: ...}}), hoặc sửa mã.{suggest(status, declared)}",
            )
    if "holds" in rule:
        titles = [e["id"] for e in r.data["evidence"] if "items" in e["source"] or "awards" in e["source"]]
        if rule["holds"] not in titles:
            c.add(
                r,
                path + ("holds",),
                "unknown-evidence",
                f"«{rule['holds']}» không phải minh chứng về danh hiệu, khen thưởng (nguồn awards hoặc items) của kế hoạch; "
                f"hãy chọn một trong: {', '.join(titles) or '(chưa có)'}.{suggest(rule['holds'], titles)}",
            )
        return
    kind = NomineeKind.COLLECTIVE if rule.get("count") == "units" else NomineeKind.INDIVIDUAL
    individual = [x["id"] for x in r.data["criteria"] if x["applies_to"] == kind]
    if rule["criterion"] not in individual:
        c.add(
            r,
            path + ("criterion",),
            "unknown-criterion",
            f"«{rule['criterion']}» không phải tiêu chí {kind.label} của kế hoạch; hãy chọn một trong: "
            f"{', '.join(individual) or '(chưa có)'}.{suggest(rule['criterion'], individual)}",
        )
