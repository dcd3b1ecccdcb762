"""One achievement is not rewarded twice in the same campaign (a principle of Luật Thi đua, khen thưởng 2022), decided
on the outcome, not on who submitted first: an achievement cited by a nomination that is not awarded bars nothing; two
nominations awarded on the same achievement are a conflict for the council (or, without a council, for whoever has
authority), settled by a resolution naming exactly them, or by the decision granting one of them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from ..model.campaign import Campaign
from ..vocabulary import Standing
from .results import AwardResult, NominationResult, with_standing

Results = dict[str, NominationResult]
Resolutions = list[tuple[frozenset[str], tuple[str, ...], str]]


def settle_shared(
    campaign: Campaign,
    results: Results,
    awards: list[AwardResult],
    won: dict[tuple[str, str], set[str]],
    resolutions: Resolutions,
    granted: Collection[str],
) -> list[AwardResult]:
    """Winners of different nominees sharing an achievement: those not chosen by a resolution or a decision wait; the
    awards' winners and problems say so."""
    citing: dict[tuple[str, str], list[str]] = {}  # (proposing unit, achievement) -> winning nominations
    for r in results.values():
        if r.outcome == Standing.WINNER:
            for item in r.nomination.achievements:
                citing.setdefault((r.nomination.proposed_by, item), []).append(r.nomination.id)
    problems: dict[str, list[str]] = {}  # award -> sentences
    for (_, item), group in sorted(citing.items()):
        if len({(results[i].nomination.kind, results[i].nomination.nominee) for i in group}) < 2:
            continue  # one nominee citing it for two awards: the awards' own rules decide
        sentence = _settle(campaign, results, won, sorted(group), item, resolutions, granted)
        for ident in group:
            problems.setdefault(results[ident].nomination.award, []).append(sentence)
    return [
        replace(
            a,
            winners=tuple(w for w in a.winners if results[w].outcome == Standing.WINNER),
            problems=a.problems + tuple(dict.fromkeys(problems.get(a.award, ()))),
        )
        if a.award in problems
        else a
        for a in awards
    ]


def _settle(
    campaign: Campaign,
    results: Results,
    won: dict[tuple[str, str], set[str]],
    group: list[str],
    item: str,
    resolutions: Resolutions,
    granted: Collection[str],
) -> str:
    """One conflict: settled by the council's resolution on exactly this group, or by decisions granting some of it."""
    chosen = next((c for tied, c, _ in resolutions if tied == frozenset(group)), None)
    text = next((t for tied, _, t in resolutions if tied == frozenset(group)), "")
    if chosen is None and not campaign.council and any(i in granted for i in group):
        chosen, text = tuple(i for i in group if i in granted), "người có thẩm quyền đã quyết định khen"
    listed = ", ".join(f"«{i}»" for i in group)
    if chosen is not None:
        for ident in group:
            if ident not in chosen:
                _unwin(results, won, ident, Standing.OUTSIDE_QUOTA, f"Cùng dùng thành tích «{item}» với {listed}; {text}.")
        return f"Các hồ sơ {listed} cùng dùng thành tích «{item}»; đã giải quyết: {text}."
    who = "hội đồng" if campaign.council else "người có thẩm quyền"
    waiting = Standing.AWAITING_COUNCIL if campaign.council else Standing.PENDING
    for ident in group:
        why = f"Cùng dùng thành tích «{item}» với {listed}, đều được chọn; {who} cần quyết định hồ sơ nào được khen."
        _unwin(results, won, ident, waiting, why)
    return f"Các hồ sơ {listed} cùng dùng thành tích «{item}» và đều được chọn; {who} cần quyết định."


def _unwin(results: Results, won: dict[tuple[str, str], set[str]], ident: str, standing: Standing, why: str) -> None:
    r = results[ident]
    won.get((r.nomination.kind, r.nomination.nominee), set()).discard(r.nomination.award)
    results[ident] = with_standing(r, standing, why)
