"""Votes, ranking and winners within a quota; ties at the cut-off are left to the council."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model.campaign import Quota
from ..model.records import Council, CouncilMeeting


@dataclass(frozen=True)
class VoteResult:
    in_favour: int
    denominator: int
    passed: bool
    session: str = ""  # the council session whose vote stands (the latest to vote on the nomination)


def vote_result(council: Council, meeting: CouncilMeeting, nomination: str) -> VoteResult | None:
    """The tally of one nomination against the council's threshold, or None if it was not voted on."""
    votes = meeting.votes_for(nomination)
    if votes is None:
        return None
    denominator = len(council.members) if council.denominator == "members" else meeting.voting_on(nomination)
    share = votes * 100
    limit = council.threshold_percent * denominator
    passed = share >= limit if council.inclusive else share > limit
    return VoteResult(votes, denominator, passed, meeting.id)


def quota_count(quota: Quota, participants: int, nominations: int) -> int:
    """How many may win: a number, or a share of participants or nominations with the plan's rounding."""
    if quota.count is not None:
        return quota.count
    base = participants if quota.of == "participants" else nominations
    exact = base * (quota.percent or 0) / 100
    if quota.rounding == "up":
        return math.ceil(exact - 1e-9)
    if quota.rounding == "nearest":
        return math.floor(exact + 0.5)
    return math.floor(exact + 1e-9)


@dataclass(frozen=True)
class Selection:
    winners: tuple[str, ...]
    tied: tuple[str, ...]  # candidates tied at the cut-off, awaiting the council
    resolved_by: str | None  # the resolution that settled a tie
    resolved_group: tuple[str, ...]  # the candidates that resolution was about
    outside: tuple[str, ...]  # ranked, passed, but beyond the quota
    problems: tuple[str, ...]


def select(
    candidates: list[str],
    key: Callable[[str], tuple[object, ...]],
    quota: int,
    resolutions: list[tuple[frozenset[str], tuple[str, ...], str]],
) -> Selection:
    """Fill the quota in rank order; a group of equal keys straddling the cut-off is a tie.

    ``resolutions`` are (tied group, chosen, text) from the council's records;
    one that names exactly the tied group settles it. Each key is worked out once.
    """
    keys = {c: key(c) for c in candidates}
    ranked = sorted(candidates, key=lambda c: (keys[c], c))
    winners: list[str] = []
    index = 0
    for _, equal in itertools.groupby(ranked, key=keys.__getitem__):
        if len(winners) >= quota:
            break
        group = list(equal)
        room = quota - len(winners)
        if len(group) <= room:
            winners += group
            index += len(group)
            continue
        members = frozenset(group)
        for tied, chosen, text in resolutions:
            if tied == members:
                picked = [c for c in group if c in chosen]
                problems = (
                    () if len(picked) == room else (f"Kết luận của hội đồng chọn {len(picked)} hồ sơ trong khi còn {room} suất.",)
                )
                taken = set(winners) | set(picked)
                rest = tuple(c for c in ranked if c not in taken)
                return Selection(tuple(winners + picked[:room]), (), text, tuple(group), rest, problems)
        return Selection(tuple(winners), tuple(group), None, (), tuple(ranked[index + len(group) :]), ())
    return Selection(tuple(winners), (), None, (), tuple(ranked[index:]), ())
