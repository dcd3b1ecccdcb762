"""Checks of money: the amounts legal texts set name the amount they multiply; an award's money names a rule with a
coefficient for each kind it is given to; a decision writes, for each grant, the money the rule gives on its date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...model.amounts import Amount, amount_from, money
from ...text import dong, table_date
from ..record import Record
from .common import day
from .lookup import Lookup


def every_amount(c: Lookup) -> tuple[Amount, ...]:
    """Every amount the legal texts in the records set."""
    return tuple(amount_from(law.id, a) for law in c.of_kind("law", None) for a in law.data.get("sets", []))


def check_law_amounts(c: Lookup, r: Record) -> None:
    """Each coefficient multiplies an amount that some text sets as a sum."""
    sums = {a.id for a in every_amount(c) if a.value is not None}
    for i, entry in enumerate(r.data.get("sets", [])):
        if "of" in entry and entry["of"] not in sums:
            c.add(
                r,
                ("sets", i, "of"),
                "unknown-amount",
                f"«{entry['of']}» không phải mức tiền nào trong records/laws; hãy ghi mã một mức có số tiền (value), "
                "ví dụ luong-co-so.",
            )


def check_award_amounts(c: Lookup, r: Record) -> None:
    """An award's money names a rule with a coefficient for each kind of nominee it is given to."""
    rules = {a.id: a for a in every_amount(c) if a.of is not None}
    for i, award in enumerate(r.data["awards"]):
        if "amount" not in award:
            continue
        rule = rules.get(award["amount"])
        if rule is None:
            c.add(
                r,
                ("awards", i, "amount"),
                "unknown-amount",
                f"«{award['amount']}» không phải mức tiền thưởng (có hệ số times) nào trong records/laws; hãy kiểm tra mã.",
            )
            continue
        missing = [kind for kind in award["quota"] if kind not in dict(rule.times)]
        if missing:
            c.add(
                r,
                ("awards", i, "amount"),
                "amount-kind",
                f"Mức «{rule.id}» không có hệ số cho {', '.join(missing)}; hãy bổ sung times trong văn bản quy định.",
            )


def check_decision_amounts(c: Lookup, r: Record, campaign: Record) -> None:
    """Each grant of an award with money writes the amount its rule gives on the decision's date."""
    money_of = {a["id"]: a.get("amount") for a in campaign.data["awards"]}
    signed = day(r.data["date"])
    amounts = every_amount(c) if any(money_of.values()) else ()
    for i, grant in enumerate(r.data.get("awards", [])):
        rule = money_of.get(grant["award"])
        nomination = c.get("nomination", grant["nomination"], r.scope)
        if rule is None or nomination is None or signed is None:
            continue
        _one_grant(c, r, i, grant, nomination.data, amounts, rule, signed)


def _one_grant(
    c: Lookup,
    r: Record,
    i: int,
    grant: dict[str, Any],
    nomination: dict[str, Any],
    amounts: tuple[Amount, ...],
    rule: str,
    signed: dt.date,
) -> None:
    kind = "ca-nhan" if "person" in nomination["nominee"] else "tap-the"
    due = money(amounts, rule, kind, signed)
    if due is None:
        c.add(r, ("awards", i), "amount-unknown", f"Không có mức «{rule}» áp dụng ngày {table_date(signed)} trong records/laws.")
        return
    written = grant.get("amount")
    if written is None:
        c.add(
            r,
            ("awards", i),
            "amount-missing",
            f"Hình thức này kèm tiền thưởng: hãy ghi amount: {due.total} ({dong(due.total)} đồng = {due.how}).",
        )
    elif written != due.total:
        c.add(
            r,
            ("awards", i, "amount"),
            "amount-mismatch",
            f"Số tiền {dong(written)} đồng khác mức tính được {dong(due.total)} đồng ({due.how}, áp dụng ngày "
            f"{table_date(signed)}); hãy kiểm tra lại.",
        )
