"""Who wins an award within its quota: the order awards are selected in, one nominee's several awards, the quota
(a number, a share, or each unit's target as a cap), and the ranking (votes, points, or a measured value per group).

Awards are selected in an order the plan's declarations fix (an award counting another's holders comes after it; of
awards one may hold only one of, the highest first), never in the order the plan lists them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Registry
from ..model.campaign import Award, Campaign, Quota, ValueRanking
from ..model.records import CouncilMeeting, Decision
from ..ordering import ordered
from ..text import table_date
from ..vocabulary import CriterionState, NomineeKind, Standing
from .council import Selection, quota_count, select
from .describe import tie_words
from .evidence import EvidenceReader
from .results import AwardResult, NominationResult, may_still_win, with_standing

Results = dict[str, NominationResult]
Won = dict[tuple[str, str], set[str]]  # (kind, nominee) -> awards won


def award_order(campaign: Campaign) -> list[Award]:
    """The plan's awards in the order they must be selected (by id where nothing fixes it)."""
    by_id = {a.id: a for a in campaign.awards}
    return [by_id[ident] for ident in ordered(by_id, campaign.award_edges())]


def select_award(
    registry: Registry,
    campaign: Campaign,
    award: Award,
    results: Results,
    won: Won,
    meeting: CouncilMeeting | None,
    reader: EvidenceReader,
) -> list[AwardResult]:
    """Select one award's winners for each kind of nominee, updating ``results`` and ``won``."""
    found: list[AwardResult] = []
    settle = _settlement(registry, campaign, award, meeting)
    higher = {a.id for a in campaign.awards if campaign.outranks(a.id, award.id)}
    others: dict[tuple[str, str], list[str]] = {}  # (kind, nominee) -> nominations for a higher exclusive award
    for r in results.values() if higher else ():
        if r.nomination.award in higher:
            others.setdefault((r.nomination.kind, r.nomination.nominee), []).append(r.nomination.id)
    for kind, quota in award.quota:
        pool = [r for r in results.values() if r.nomination.award == award.id and r.nomination.kind == kind]
        candidates = [
            r.nomination.id
            for r in pool
            if r.outcome == Standing.OUTSIDE_QUOTA
            and not _outranked(campaign, award, r, won, results)
            and not _waits_for_higher(campaign, r, others, results, reader)
            and _rankable(award, results, r.nomination.id, reader)
        ]
        rivals = [r.nomination.id for r in pool if may_still_win(results[r.nomination.id].outcome, campaign, reader.as_of)]
        for group, members in _groups(registry, award, quota, kind, candidates + rivals, results):
            ranked = [ident for ident in members if results[ident].outcome == Standing.OUTSIDE_QUOTA]
            waiting = [ident for ident in members if ident not in ranked]
            if not ranked:  # nobody to select in this group yet
                continue
            count = _count(registry, campaign, quota, kind, group, pool, reader)
            if count is None:
                why = "Đơn vị chưa có chỉ tiêu để tính số lượng khen."
                for ident in ranked:
                    results[ident] = with_standing(results[ident], Standing.PENDING, why)
                found.append(AwardResult(award.id, kind, None, (), (), (), None, (why,), (), group))
                continue
            picked = _Group(kind, group, count, ranked, waiting)
            found.append(_select_group(campaign, award, picked, results, won, settle, reader))
    return found


def _outranked(campaign: Campaign, award: Award, r: NominationResult, won: Won, results: Results) -> bool:
    """A nominee who won a higher award of the same exclusive group is not selected again (the higher only)."""
    higher = sorted(a for a in won.get((r.nomination.kind, r.nomination.nominee), ()) if campaign.outranks(a, award.id))
    if higher:
        name = campaign.award(higher[0]).name  # type: ignore[union-attr]
        results[r.nomination.id] = with_standing(r, Standing.CHOSEN_ELSEWHERE, f"Đã được chọn cho {name}.")
    return bool(higher)


def _waits_for_higher(
    campaign: Campaign, r: NominationResult, others: dict[tuple[str, str], list[str]], results: Results, reader: EvidenceReader
) -> bool:
    """A nominee who may still win a higher award of the same exclusive group waits for it before this one."""
    n = r.nomination
    higher = sorted(
        results[ident].nomination.award
        for ident in others.get((n.kind, n.nominee), ())
        if may_still_win(results[ident].outcome, campaign, reader.as_of)
    )
    if higher:
        name = campaign.award(higher[0]).name  # type: ignore[union-attr]
        why = f"Đang chờ kết quả xét {name}: người được chọn hình thức đó không nhận thêm hình thức này."
        results[n.id] = with_standing(r, Standing.PENDING, why)
    return bool(higher)


def _rankable(award: Award, results: Results, ident: str, reader: EvidenceReader) -> bool:
    """A candidate ranked by a measured value needs that value (else the ranking waits for it)."""
    if not isinstance(award.ranking, ValueRanking):
        return True
    r = results[ident]
    evidence = reader.campaign.evidence_named(award.ranking.evidence)
    fact = reader.read(evidence, r.nomination.kind, r.nomination.nominee) if evidence else None
    if fact is not None and isinstance(fact.value, float):
        return True
    results[ident] = with_standing(
        r, Standing.PENDING, f"Chưa có {evidence.name if evidence else award.ranking.evidence} để xếp hạng."
    )
    return False


def _groups(
    registry: Registry, award: Award, quota: Quota, kind: NomineeKind, candidates: list[str], results: Results
) -> list[tuple[str | None, list[str]]]:
    """Candidates ranked apart: by the ranking's attribute, or by unit under a target quota; else one group."""
    per = award.ranking.per if isinstance(award.ranking, ValueRanking) else None
    if per is None and quota.target is None:
        return [(None, candidates)]
    grouped: dict[str | None, list[str]] = {}
    for ident in candidates:
        n = results[ident].nomination
        person = registry.people.get(n.nominee) if kind == NomineeKind.INDIVIDUAL else None
        unit = person.unit if person else n.nominee
        grouped.setdefault(unit if per is None else person.attribute(per) if person else None, []).append(ident)
    return sorted(grouped.items(), key=lambda item: item[0] or "")


def _count(
    registry: Registry,
    campaign: Campaign,
    quota: Quota,
    kind: NomineeKind,
    group: str | None,
    pool: list[NominationResult],
    reader: EvidenceReader,
) -> int | None:
    """How many may win in a group: the quota's number or share, or the group unit's target (None: no target yet)."""
    if quota.target is not None:
        entry = reader.entry(registry.ratings[quota.target], group or "")
        return int(entry.value) if entry is not None and not isinstance(entry.value, str) else None
    participants = _participant_count(registry, campaign, kind)
    return quota_count(quota, participants, len([r for r in pool if r.outcome != Standing.NOT_SUBMITTED]))


@dataclass(frozen=True)
class _Group:
    """Nominations ranked together for one award and kind: those eligible now, and those that may still be."""

    kind: NomineeKind
    group: str | None
    count: int
    ranked: list[str]
    waiting: list[str]  # may still qualify (facts, a vote, a higher award): a place won above them is not certain yet


def _select_group(
    campaign: Campaign,
    award: Award,
    g: _Group,
    results: Results,
    won: Won,
    settle: Settle,
    reader: EvidenceReader,
) -> AwardResult:
    key = ranking_key(campaign, award, results, reader)
    selection = settle(g.ranked, key, g.count)
    words = tie_words(campaign, award.id)
    settled = f"{words.equal} ở ngưỡng số lượng khen; " + (
        f"{words.settled}: {selection.resolved_by}" if campaign.council else f"{selection.resolved_by}"
    )
    unsure = _unsure(award, g, selection, key, results, reader)
    for ident in selection.winners:
        if ident in unsure:
            results[ident] = with_standing(results[ident], Standing.PENDING, unsure[ident])
            continue
        results[ident] = with_standing(results[ident], Standing.WINNER, settled if ident in selection.resolved_group else "")
        won.setdefault((g.kind, results[ident].nomination.nominee), set()).add(award.id)
    for ident in selection.tied:
        why = f"{words.equal} ở ngưỡng số lượng khen; {words.who} cần quyết định."
        results[ident] = with_standing(results[ident], Standing.TIE, why)
    for ident in selection.outside:
        note = settled if ident in selection.resolved_group else f"Đã đủ {g.count} suất khen."
        results[ident] = with_standing(results[ident], Standing.OUTSIDE_QUOTA, note)
    return AwardResult(
        award.id,
        g.kind,
        g.count,
        tuple(sorted(g.ranked, key=lambda c: (key(c), c))),
        tuple(w for w in selection.winners if w not in unsure),
        selection.tied,
        selection.resolved_by,
        selection.problems,
        selection.resolved_group,
        g.group,
    )


def _unsure(award: Award, g: _Group, selection: Selection, key: Key, results: Results, reader: EvidenceReader) -> dict[str, str]:
    """Winners a nomination still waiting could push out: those who would not win if every one of them qualified.

    A waiting nomination whose ranking value is not known may rank anywhere, so it is put first; one whose vote is not
    known is not ranked (the council votes on the dossiers before it).
    """
    rivals = [ident for ident in g.waiting if _known(award, results[ident], reader) or isinstance(award.ranking, ValueRanking)]
    if not rivals or not selection.winners:
        return {}

    def worst(ident: str) -> tuple[object, ...]:
        mine = key(ident)
        return mine if ident in g.ranked or _known(award, results[ident], reader) else (-math.inf,) * len(mine)

    safe = set(select(g.ranked + rivals, worst, g.count, []).winners)
    names = ", ".join(sorted(_nominee_name(reader.registry, results[ident]) for ident in rivals))
    why = f"Chưa chắc trong số lượng khen: hồ sơ của {names} còn chờ kết quả và có thể xếp trên."
    return {ident: why for ident in selection.winners if ident not in safe}


def _nominee_name(registry: Registry, r: NominationResult) -> str:
    n = r.nomination
    found = registry.people.get(n.nominee) if n.kind == NomineeKind.INDIVIDUAL else registry.units.get(n.nominee)
    return found.name if found else n.nominee


def _known(award: Award, r: NominationResult, reader: EvidenceReader) -> bool:
    """Whether a nomination's place in the ranking is known: its measured value, or its vote."""
    if isinstance(award.ranking, ValueRanking):
        evidence = reader.campaign.evidence_named(award.ranking.evidence)
        return evidence is not None and isinstance(reader.read(evidence, r.nomination.kind, r.nomination.nominee).value, float)
    return r.vote is not None and (award.ranking != "points" or r.points is not None)


Settle = Callable[[list[str], "Key", int], Selection]
Key = Callable[[str], tuple[object, ...]]


def _settlement(registry: Registry, campaign: Campaign, award: Award, meeting: CouncilMeeting | None) -> Settle:
    """How a tie at the cut-off is settled: by the council's resolution naming the tied group; without a council, by
    the decisions of the one who has authority granting some of the tied nominations."""
    if campaign.council:
        resolutions = [(frozenset(r.tied), r.chosen, r.text) for r in meeting.resolutions] if meeting else []
        return lambda members, key, count: select(members, key, count, resolutions)
    granted: dict[str, Decision] = {}
    decisions = registry.decisions.get(campaign.id, ())
    revoked = {(r.decision, r.nomination) for d in decisions if d.kind == "huy-bo" for r in d.revokes}
    for d in sorted(decisions, key=lambda d: (d.date, d.id)):
        for grant in d.awards if d.kind == "khen-thuong" else ():
            if grant.award == award.id and (d.id, grant.nomination) not in revoked:
                granted.setdefault(grant.nomination, d)

    def settle(members: list[str], key: Key, count: int) -> Selection:
        first = select(members, key, count, [])
        chosen = tuple(ident for ident in first.tied if ident in granted)
        if not chosen:
            return first
        numbers = sorted({f"Quyết định số {granted[i].number} ngày {table_date(granted[i].date)}" for i in chosen})
        text = f"người có thẩm quyền đã chọn theo {', '.join(numbers)}"
        return select(members, key, count, [(frozenset(first.tied), chosen, text)])

    return settle


def ranking_key(
    campaign: Campaign, award: Award, results: Results, reader: EvidenceReader
) -> Callable[[str], tuple[object, ...]]:
    """Rank by votes, by points then votes, or by a measured value; then by the plan's declared tie-breakers.
    Smaller is better; what stays equal is a tie, for the council."""

    def key(ident: str) -> tuple[object, ...]:
        r = results[ident]
        votes = -(r.vote.in_favour if r.vote else 0)
        if isinstance(award.ranking, ValueRanking):
            evidence = campaign.evidence_named(award.ranking.evidence)
            value = float(reader.read(evidence, r.nomination.kind, r.nomination.nominee).value or 0) if evidence else 0.0
            main: list[object] = [-value if award.ranking.highest else value]
        else:
            main = [-(r.points or 0), votes] if award.ranking == "points" else [votes]
        for breaker in campaign.tie_breakers:
            if breaker == "earlier-submission":
                main.append(r.nomination.submitted_at.timestamp() if r.nomination.submitted_at else float("inf"))
            elif breaker == "more-points":
                main.append(-(r.points or 0))
            else:
                main.append(-sum(c.outcome.state == CriterionState.MET for c in r.criteria))
        return tuple(main)

    return key


def participants(registry: Registry, campaign: Campaign) -> set[str]:
    """The units taking part in a campaign: each that reported its results or proposed a nomination."""
    units = {r.unit for r in registry.reports.get(campaign.id, ())}
    return units | {n.proposed_by for n in registry.nominations.get(campaign.id, ())}


def _participant_count(registry: Registry, campaign: Campaign, kind: str) -> int:
    """Units taking part, or the people of those units."""
    units = participants(registry, campaign)
    if kind == NomineeKind.COLLECTIVE:
        return len(units)
    return sum(1 for p in registry.people.values() if p.unit in units)
