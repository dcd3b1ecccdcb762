"""What checking a rule for one subject finds, in three values (met, not met, not yet known), and the arithmetic
every rule shares: a count from a share with the plan's rounding, k of n findings met."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.commune import Item
from ..vocabulary import CriterionState, NomineeKind
from .evidence import Fact

MET, NOT_MET, UNKNOWN = CriterionState.MET, CriterionState.NOT_MET, CriterionState.UNKNOWN
ATTRIBUTE_NAMES = {"unit_kind": "loại đơn vị", "category": "đối tượng", "unit": "đơn vị"}
ROUNDING_NAMES = {"down": "làm tròn xuống", "up": "làm tròn lên", "nearest": "làm tròn"}


@dataclass(frozen=True)
class Subject:
    """A collective (a unit) or an individual (a person), with the attributes thresholds may depend on."""

    kind: NomineeKind
    id: str
    unit_kind: str | None
    category: str | None
    unit: str | None
    attributes: tuple[tuple[str, str], ...] = ()

    def attribute(self, name: str) -> str | None:
        builtin = {"unit_kind": self.unit_kind, "category": self.category, "unit": self.unit}
        return builtin[name] if name in builtin else dict(self.attributes).get(name)


@dataclass(frozen=True)
class Finding:
    """What checking a rule (or a criterion) for one subject found: its state, why, and the facts read.

    ``details`` are the lines that explain a count (which members, which denominator, which rounding).
    """

    state: CriterionState
    reason: str
    facts: tuple[Fact, ...] = ()
    details: tuple[str, ...] = ()
    used: tuple[Item, ...] = ()  # the items given to this criterion when each item counts only once
    settled: bool = False  # items were given to criteria one each: only ``used`` count

    @property
    def counted(self) -> tuple[Item, ...]:
        """The items this finding counts: those given to it where each counts once, else every item its facts read."""
        return self.used if self.settled else tuple(item for fact in self.facts for item in fact.items)


def rounded(value: float, rounding: str | None) -> int:
    """A count from a share or a factor, with the plan's rounding (exact products stay exact)."""
    if rounding == "up":
        return math.ceil(value - 1e-9)
    if rounding == "nearest":
        return math.floor(value + 0.5)
    return math.floor(value + 1e-9)


def combined(findings: list[Finding], need: int) -> CriterionState:
    """Met when ``need`` of the findings are met; not yet known while the unknown ones could still make it."""
    met = sum(f.state == MET for f in findings)
    unknown = sum(f.state == UNKNOWN for f in findings)
    return MET if met >= need else UNKNOWN if met + unknown >= need else NOT_MET
