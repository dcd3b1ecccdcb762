"""Principles of the law that bar an award whatever the criteria say (Luật Thi đua, khen thưởng 2022): no award
while the nominee is disciplined in the achievement period, under investigation, or the object of an open complaint.

Discipline is checked over the achievement period. An investigation or a complaint bars an award if it is open on a
day the award is decided on: the day the council voted on the nomination, and the day of the decision granting it;
while neither has happened, the day of evaluation (the decision is still to come).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import Registry
from ..model.campaign import Campaign
from ..model.records import DisciplineCase, DisciplineRegister
from ..text import table_date
from ..vocabulary import NomineeKind

Moment = tuple[str, dt.date]  # what happens that day ("ngày hội đồng họp"), and the day


class Principles:
    """The discipline registers of one evaluation, read once: cases by person and by unit."""

    def __init__(self, registry: Registry, campaign: Campaign, as_of: dt.date | None = None) -> None:
        self.window = campaign.window
        self._cases: dict[tuple[NomineeKind, str], list[tuple[DisciplineRegister, DisciplineCase]]] = {}
        for register in sorted(registry.discipline.values(), key=lambda r: r.id):
            for case in register.cases:
                if as_of is not None and case.start > as_of:  # not known on the day of evaluation
                    continue
                if case.person is not None:
                    self._cases.setdefault((NomineeKind.INDIVIDUAL, case.person), []).append((register, case))
                if case.unit is not None:
                    self._cases.setdefault((NomineeKind.COLLECTIVE, case.unit), []).append((register, case))

    def blocks(self, kind: NomineeKind, nominee: str, moments: Sequence[Moment]) -> list[str]:
        """Why the nominee may not be awarded, one sentence per case (none: nothing bars them)."""
        found = []
        for register, case in self._cases.get((kind, nominee), ()):
            if case.kind == "ky-luat" and self.window.overlaps(case.start, case.end):
                found.append(f"Bị kỷ luật trong thời gian tính thành tích ({register.name}).")
            elif case.kind in ("dieu-tra", "khieu-nai"):
                days = [f"{what} {table_date(day)}" for what, day in moments if case.open_on(day)]
                if days:
                    what = "đang bị điều tra, xem xét" if case.kind == "dieu-tra" else "đang có khiếu nại, tố cáo chưa giải quyết"
                    found.append(f"{what[:1].upper()}{what[1:]} vào {', '.join(days)} ({register.name}); chưa xét khen thưởng.")
        return found


def moments(voted_on: dt.date | None, decided_on: dt.date | None, as_of: dt.date) -> list[Moment]:
    """The days an award is decided on: the council's vote and the decision; the day of evaluation while the decision
    is still to come."""
    found = [("ngày hội đồng họp", voted_on)] if voted_on is not None else []
    found.append(("ngày quyết định", decided_on) if decided_on is not None else ("ngày xét", as_of))
    return [(what, day) for what, day in found if day is not None]
