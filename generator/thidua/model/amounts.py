"""Amounts the law sets (the base salary, the money that goes with an award), as data with the day they apply from:
an award's money is its coefficient for the kind of nominee times the base in force on the day of the decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..text import decimal, dong


@dataclass(frozen=True)
class Amount:
    """One amount a legal text sets, from a day: a sum (``value``) or a coefficient of another amount (``times``, ``of``)."""

    id: str
    name: str
    law: str
    start: dt.date
    checked: bool  # figures and article compared with the original text
    article: str | None = None
    value: int | None = None
    unit: str | None = None
    times: tuple[tuple[str, float], ...] = ()  # by kind of nominee
    of: str | None = None


@dataclass(frozen=True)
class Money:
    """The money an award carries for one nominee on one day, and how it was worked out."""

    total: int
    how: str  # "0,3 × 2.340.000 đồng (Mức lương cơ sở)"
    rule: Amount
    base: Amount


def in_force(amounts: tuple[Amount, ...], ident: str, day: dt.date) -> Amount | None:
    """The amount ``ident`` that applies on ``day``: the one that started last on or before it."""
    started = [a for a in amounts if a.id == ident and a.start <= day]
    return max(started, key=lambda a: (a.start, a.law)) if started else None


def money(amounts: tuple[Amount, ...], rule_id: str, kind: str, day: dt.date) -> Money | None:
    """The money of an award whose rule is ``rule_id``, for a nominee of ``kind``, on ``day``; None if not known."""
    rule = in_force(amounts, rule_id, day)
    if rule is None or rule.of is None:
        return None
    base = in_force(amounts, rule.of, day)
    factor = dict(rule.times).get(kind)
    if base is None or base.value is None or factor is None:
        return None
    total = int((Decimal(str(factor)) * base.value).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Money(total, f"{decimal(factor)} × {dong(base.value)} đồng ({base.name})", rule, base)


def amount_from(law: str, data: dict[str, Any]) -> Amount:
    """One entry of a legal text's ``sets``."""
    return Amount(
        data["id"],
        data["name"],
        law,
        dt.date.fromisoformat(data["from"]),
        bool(data["checked"]),
        data.get("article"),
        data.get("value"),
        data.get("unit"),
        tuple(sorted(data.get("times", {}).items())),
        data.get("of"),
    )
