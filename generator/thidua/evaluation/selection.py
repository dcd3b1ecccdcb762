"""Who wins an award within its quota: the order awards are selected in, one nominee's several awards, the quota
(a number, a share, or each unit's target as a cap), and the ranking (votes, points, or a measured value per group).

Awards are selected in an order the plan's declarations fix (an award counting another's holders comes after it; of
awards one may hold only one of, the highest first), never in the order the plan lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Registry
from ..model.campaign import Award, Campaign, Quota, ValueRanking
from ..model.records import CouncilMeeting
from ..ordering import ordered
from ..vocabulary import NomineeKind, Standing
from .council import quota_count
from .describe import tie_words
from .evidence import EvidenceReader
from .ranking import Settle, pushed_out, ranking_key
from .results import AwardResult, NominationResult, may_still_win, with_standing
from .ties import settlement

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
    sessions: Sequence[CouncilMeeting],
    reader: EvidenceReader,
) -> list[AwardResult]:
    """Select one award's winners for each kind of nominee, updating ``results`` and ``won``."""
    found: list[AwardResult] = []
    settle = settlement(registry, campaign, award, sessions)
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
        groups, unplaced = _groups(registry, award, quota, kind, candidates + rivals, results)
        for ident in unplaced:  # eligible, but no group to be ranked in: never a group of their own
            if results[ident].outcome == Standing.OUTSIDE_QUOTA:
                why = f"Hồ sơ cá nhân chưa ghi {campaign.attribute_name(_per(award) or '').lower()}, nên chưa xếp hạng được."
                results[ident] = with_standing(results[ident], Standing.PENDING, why)
        for group, members in groups:
            ranked = [ident for ident in members if results[ident].outcome == Standing.OUTSIDE_QUOTA]
            waiting = [ident for ident in members if ident not in ranked] + unplaced  # the unplaced may join any group
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


def _per(award: Award) -> str | None:
    return award.ranking.per if isinstance(award.ranking, ValueRanking) else None


def _groups(
    registry: Registry, award: Award, quota: Quota, kind: NomineeKind, candidates: list[str], results: Results
) -> tuple[list[tuple[str | None, list[str]]], list[str]]:
    """Candidates ranked apart: by the ranking's attribute, or by unit under a target quota; else one group. Also
    those whose attribute is not recorded (they belong to no group yet)."""
    per = _per(award)
    if per is None and quota.target is None:
        return [(None, candidates)], []
    grouped: dict[str, list[str]] = {}
    unplaced: list[str] = []
    for ident in candidates:
        n = results[ident].nomination
        person = registry.people.get(n.nominee) if kind == NomineeKind.INDIVIDUAL else None
        group = (person.unit if person else n.nominee) if per is None else person.attribute(per) if person else None
        if group is None:
            unplaced.append(ident)
        else:
            grouped.setdefault(group, []).append(ident)
    return sorted(grouped.items()), unplaced


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
    unsure = pushed_out(campaign, award, g.ranked, g.waiting, g.count, selection, settle, results, reader)
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
