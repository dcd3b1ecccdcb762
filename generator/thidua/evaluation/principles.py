"""Principles of the law that bar an award whatever the criteria say (Luật Thi đua, khen thưởng 2022): no award
while the nominee is disciplined in the achievement period, under investigation, or the object of an open complaint."""

from __future__ import annotations

import datetime as dt

from ..model import Registry
from ..model.campaign import Campaign
from ..vocabulary import NomineeKind


def blocks(registry: Registry, campaign: Campaign, kind: NomineeKind, nominee: str, as_of: dt.date) -> list[str]:
    """Why the nominee may not be awarded now, one sentence per case (none: nothing bars them)."""
    window = campaign.window
    found = []
    for register in sorted(registry.discipline.values(), key=lambda r: r.id):
        for case in register.cases:
            target = case.person if kind == NomineeKind.INDIVIDUAL else case.unit
            if target != nominee:
                continue
            if case.kind == "ky-luat" and window.overlaps(case.start, case.end):
                found.append(f"Bị kỷ luật trong thời gian tính thành tích ({register.name}).")
            elif case.kind in ("dieu-tra", "khieu-nai") and case.open_on(as_of):
                what = "đang bị điều tra, xem xét" if case.kind == "dieu-tra" else "đang có khiếu nại, tố cáo chưa giải quyết"
                found.append(f"{what[:1].upper()}{what[1:]} ({register.name}); chưa xét khen thưởng.")
    return found
