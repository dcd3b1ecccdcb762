"""Checks of a plan's awards taken together: which one nominee may hold at once, how each is ranked and capped, an order
to select them in (no award waiting on itself, no campaigns waiting on each other), and a search for items that stays small."""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

from ...ordering import loop_through
from ..record import Record
from ..schema_messages import suggest
from .lookup import Lookup
from .plan_values import target

if TYPE_CHECKING:
    from ...model.campaign import Campaign


def check_plan_awards(c: Lookup, r: Record) -> None:
    data = r.data
    awards = {a["id"]: a for a in data["awards"]}
    _held(c, r, awards)
    for i, award in enumerate(data["awards"]):
        if isinstance(award.get("ranking"), dict):
            _value_ranking(c, r, i, award["ranking"])
        for kind, quota in award["quota"].items():
            if isinstance(quota, dict) and "target" in quota:
                target(c, r, ("awards", i, "quota", kind, "target"))
    if r.valid:
        # Late: the model's dataclasses take 40 ms to import, which a warm validation (plans unchanged) never needs.
        from ...model.campaign import campaign_from

        plan = campaign_from(data)
        _order(c, r, plan)
        if plan.evidence_once:
            _bounded(c, r, plan)


def _held(c: Lookup, r: Record, awards: dict[str, Any]) -> None:
    """Every pair of awards for the same kind of nominee is declared held together or exclusive, not both."""
    held = r.data.get("awards_held", {})
    pairs: dict[frozenset[str], str] = {}
    for how in ("together", "exclusive"):
        for i, group in enumerate(held.get(how, [])):
            for j, ident in enumerate(group):
                if ident not in awards:
                    c.add(
                        r,
                        ("awards_held", how, i, j),
                        "unknown-award",
                        f"«{ident}» không phải hình thức khen thưởng của kế hoạch.{suggest(ident, awards)}",
                    )
            for a, b in itertools.combinations(group, 2):
                if pairs.get(frozenset((a, b)), how) != how:
                    c.add(
                        r,
                        ("awards_held", how, i),
                        "held-both-ways",
                        f"«{a}» và «{b}» vừa được nhận cùng nhau vừa loại trừ nhau; hãy giữ một cách.",
                    )
                pairs[frozenset((a, b))] = how
    for (a, first), (b, second) in itertools.combinations(awards.items(), 2):
        shared = set(first["quota"]) & set(second["quota"])
        if shared and frozenset((a, b)) not in pairs:
            c.add(
                r,
                ("awards",),
                "awards-held-missing",
                f"Hai hình thức «{a}» và «{b}» cùng khen {', '.join(sorted(shared))}: hãy ghi trong awards_held chúng được nhận cùng "
                "nhau (together) hay loại trừ nhau (exclusive, ghi hình thức cao trước); thứ tự trong awards không quyết định.",
                at_key=True,
            )


def _value_ranking(c: Lookup, r: Record, i: int, ranking: dict[str, Any]) -> None:
    """A ranking by value reads a declared number, grouped by a declared attribute."""
    evidence = {e["id"]: e for e in r.data["evidence"]}
    item = evidence.get(ranking["evidence"])
    if item is None:
        c.add(
            r,
            ("awards", i, "ranking", "evidence"),
            "unknown-evidence",
            f"Minh chứng «{ranking['evidence']}» chưa được khai báo trong evidence.{suggest(ranking['evidence'], evidence)}",
        )
    elif "rating" in item["source"]:
        rating = c.get("rating", item["source"]["rating"])
        if rating is not None and "scale" in rating.data:
            c.add(
                r,
                ("awards", i, "ranking", "evidence"),
                "ranking-not-number",
                f"Minh chứng «{item['id']}» là một mức xếp loại, không phải một số để xếp hạng; hãy chọn minh chứng là số.",
            )
    declared = [a["id"] for a in r.data.get("attributes", [])]
    if "per" in ranking and ranking["per"] not in declared:
        c.add(
            r,
            ("awards", i, "ranking", "per"),
            "unknown-attribute",
            f"«{ranking['per']}» chưa được khai báo trong attributes của kế hoạch.{suggest(ranking['per'], declared)}",
        )


def _order(c: Lookup, r: Record, plan: Campaign) -> None:
    """Awards can be selected one after the other, and campaigns evaluated one after the other: no loop of awards
    waiting on each other, no loop of campaigns reading each other's awards (each reported on the plans in the loop)."""
    edges = plan.award_edges()
    for award in plan.awards:
        loop = loop_through(award.id, edges)
        if loop and award.id == loop[0]:  # one problem per loop, at the plan's awards
            c.add(
                r,
                ("awards",),
                "award-cycle",
                f"Các hình thức {', '.join(loop)} chờ kết quả của nhau (tiêu chí của hình thức này đếm người giữ hình thức "
                "kia, hoặc thứ tự cao thấp trong awards_held), nên không xét được; hãy bỏ một vòng phụ thuộc.",
                at_key=True,
            )
    if plan.id in plan.campaigns_read():
        message = (
            f"Phong trào {plan.id} đọc danh hiệu của chính nó qua campaign: {plan.id}; hãy bỏ dòng campaign: "
            "để đọc kết quả xét của chính phong trào này."
        )
        c.add(r, ("evidence",), "campaign-cycle", message, at_key=True)
        return
    from ...model.campaign import campaign_from

    plans = {other.id: campaign_from(other.data) for other in c.of_kind("campaign", None) if other.valid}
    plans[plan.id] = plan
    loop = loop_through(plan.id, {(other, p.id) for p in plans.values() for other in p.campaigns_read() if other != p.id})
    if loop:
        message = (
            f"Các phong trào {', '.join(loop)} đọc danh hiệu của nhau, nên không có phong trào nào xét được "
            "trước; hãy bỏ một chiều (phong trào năm sau đọc phong trào năm trước, cấp trên đọc cấp dưới)."
        )
        c.add(r, ("evidence",), "campaign-cycle", message, at_key=True)


def _bounded(c: Lookup, r: Record, plan: Campaign) -> None:
    """With each item counted once, the search over ways of meeting the criteria stays small enough to be exact."""
    from ...model.campaign import MAX_CHOICES, MAX_WAYS, alternatives

    for i, award in enumerate(plan.awards):
        for kind, _ in award.quota:
            ways = [len(alternatives(criterion.rule)) for criterion in plan.criteria_for(award, kind)]
            if any(w > MAX_WAYS for w in ways) or math.prod(w + 1 for w in ways) > MAX_CHOICES:
                c.add(
                    r,
                    ("awards", i),
                    "too-many-ways",
                    f"Với «mỗi minh chứng chỉ tính cho một tiêu chí», các tiêu chí của «{award.id}» có quá nhiều cách đạt để xét "
                    f"chính xác (tối đa {MAX_WAYS} cách cho một tiêu chí, {MAX_CHOICES} tổ hợp); hãy viết quy tắc gọn hơn.",
                    at_key=True,
                )
