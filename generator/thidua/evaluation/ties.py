"""How a tie at the cut-off is settled: never silently. Before a council, by its resolution naming exactly the tied
group; in a plan without a council, by the decisions of whoever has authority granting some of the tied."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Registry
from ..model.campaign import Award, Campaign
from ..model.records import CouncilMeeting
from ..text import table_date
from .council import Selection, select
from .grants import granted as grants
from .ranking import Key, Settle


def resolutions(sessions: Sequence[CouncilMeeting]) -> list[tuple[frozenset[str], tuple[str, ...], str]]:
    """The council's resolutions on ties, a later session's first: (the group it is about, those chosen, its text)."""
    return [(frozenset(r.tied), r.chosen, r.text) for m in reversed(sessions) for r in m.resolutions]


def settlement(registry: Registry, campaign: Campaign, award: Award, sessions: Sequence[CouncilMeeting]) -> Settle:
    """The selection for one award, ties settled as the plan says (a later session's resolution first)."""
    if campaign.council:
        found = resolutions(sessions)
        return lambda members, key, count: select(members, key, count, found)
    granted = {n: d for (a, n), d in grants(registry, campaign.id).items() if a == award.id}

    def settle(members: list[str], key: Key, count: int) -> Selection:
        first = select(members, key, count, [])
        chosen = tuple(ident for ident in first.tied if ident in granted)
        if not chosen:
            return first
        room = count - len(first.winners)
        numbers = sorted({f"Quyết định số {granted[i].number} ngày {table_date(granted[i].date)}" for i in chosen})
        text = f"người có thẩm quyền đã chọn theo {', '.join(numbers)}"
        if len(chosen) > room:
            problem = f"Quyết định khen {len(chosen)} hồ sơ bằng nhau trong khi chỉ còn {room} suất; hãy kiểm tra lại."
            return replace(first, problems=first.problems + (problem,))
        if len(chosen) == room:
            return select(members, key, count, [(frozenset(first.tied), chosen, text)])
        # Fewer granted than places left: those win, the others stay tied for the places still open.
        still = tuple(ident for ident in first.tied if ident not in chosen)
        return Selection(first.winners + chosen, still, text, chosen, first.outside, first.problems)

    return settle
