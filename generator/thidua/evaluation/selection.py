"""Who wins an award within its quota: the order awards are selected in, one nominee's several awards, the quota
(a number, a share, or each unit's target as a cap), and the ranking (votes, points, or a measured value per group).

Awards are selected in an order the plan's declarations fix (an award counting another's holders comes after it; of
awards one may hold only one of, the highest first), never in the order the plan lists them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Registry
from ..model.campaign import Award, Campaign, Quota, ValueRanking
from ..model.records import CouncilMeeting
from ..ordering import ordered
from ..vocabulary import CriterionState, NomineeKind, Standing
from .council import quota_count, select
from .evidence import EvidenceReader
from .results import AwardResult, NominationResult, with_standing

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
    for kind, quota in award.quota:
        pool = [r for r in results.values() if r.nomination.award == award.id and r.nomination.kind == kind]
        candidates = [
            r.nomination.id
            for r in pool
            if r.outcome == Standing.OUTSIDE_QUOTA and not _outranked(campaign, award, r, won, results)
        ]
        candidates = [c for c in candidates if _rankable(award, results, c, reader)]
        for group, members in _groups(registry, award, quota, kind, candidates, results):
            count = _count(registry, campaign, quota, kind, group, pool, reader)
            if count is None:
                why = "Đơn vị chưa có chỉ tiêu để tính số lượng khen."
                for ident in members:
                    results[ident] = with_standing(results[ident], Standing.PENDING, why)
                found.append(AwardResult(award.id, kind, None, (), (), (), None, (why,), (), group))
                continue
            found.append(_select_group(campaign, award, kind, group, count, members, results, won, meeting, reader))
    return found


def _outranked(campaign: Campaign, award: Award, r: NominationResult, won: Won, results: Results) -> bool:
    """A nominee who won a higher award of the same exclusive group is not selected again (the higher only)."""
    higher = sorted(a for a in won.get((r.nomination.kind, r.nomination.nominee), ()) if campaign.outranks(a, award.id))
    if higher:
        name = campaign.award(higher[0]).name  # type: ignore[union-attr]
        results[r.nomination.id] = with_standing(r, Standing.CHOSEN_ELSEWHERE, f"Đã được chọn cho {name}.")
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


def _select_group(
    campaign: Campaign,
    award: Award,
    kind: NomineeKind,
    group: str | None,
    count: int,
    members: list[str],
    results: Results,
    won: Won,
    meeting: CouncilMeeting | None,
    reader: EvidenceReader,
) -> AwardResult:
    resolutions = [(frozenset(r.tied), r.chosen, r.text) for r in meeting.resolutions] if meeting else []
    key = ranking_key(campaign, award, results, reader)
    selection = select(members, key, count, resolutions)
    equal = "Bằng nhau" if isinstance(award.ranking, ValueRanking) else "Bằng phiếu"
    decides = "hội đồng cần quyết định" if campaign.council else "người có thẩm quyền quyết định"
    settled = f"{equal} ở ngưỡng số lượng khen; hội đồng đã kết luận: " + (selection.resolved_by or "")
    for ident in selection.winners:
        results[ident] = with_standing(results[ident], Standing.WINNER, settled if ident in selection.resolved_group else "")
        won.setdefault((kind, results[ident].nomination.nominee), set()).add(award.id)
    for ident in selection.tied:
        results[ident] = with_standing(results[ident], Standing.TIE, f"{equal} ở ngưỡng số lượng khen; {decides}.")
    for ident in selection.outside:
        note = settled if ident in selection.resolved_group else f"Đã đủ {count} suất khen."
        results[ident] = with_standing(results[ident], Standing.OUTSIDE_QUOTA, note)
    ranked = tuple(sorted(members, key=lambda c: (key(c), c)))
    return AwardResult(
        award.id,
        kind,
        count,
        ranked,
        selection.winners,
        selection.tied,
        selection.resolved_by,
        selection.problems,
        selection.resolved_group,
        group,
    )


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


def _participant_count(registry: Registry, campaign: Campaign, kind: str) -> int:
    units = {r.unit for r in registry.reports.get(campaign.id, ())}
    if kind == NomineeKind.COLLECTIVE:
        return len(units)
    return sum(1 for p in registry.people.values() if p.unit in units)
