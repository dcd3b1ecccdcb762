"""Evaluate a campaign: dossiers, criteria, principles, council votes, winners and the decision.

Pure: it reads the registry, the as-of date and git landing times handed in,
and returns frozen results. No file, no clock, no network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Registry
from ..model.campaign import Award, Campaign
from ..model.records import CouncilMeeting, Nomination
from ..text import decimal
from ..vocabulary import CampaignState, CriterionState, NomineeKind, Standing, Timing
from .council import Selection, VoteResult, quota_count, select, vote_result
from .dossier import DossierStatus, check_dossier
from .rules import Finding, RuleChecker


@dataclass(frozen=True)
class CriterionResult:
    criterion: str
    mandatory: bool
    outcome: Finding


@dataclass(frozen=True)
class NominationResult:
    nomination: Nomination
    dossier: DossierStatus
    criteria: tuple[CriterionResult, ...]
    points: float | None
    blocks: tuple[str, ...]  # principles that bar the award, in Vietnamese
    vote: VoteResult | None
    outcome: Standing
    reasons: tuple[str, ...]
    personal: tuple[str, ...] = ()  # blocks about discipline or complaints: kept off the public site

    @property
    def public_reasons(self) -> tuple[str, ...]:
        """Reasons fit to publish: a discipline or complaint case is named only in general terms."""
        shown = tuple(r for r in self.reasons if r not in self.personal)
        if self.personal:
            shown += (
                "Chưa xét khen thưởng theo nguyên tắc của Luật Thi đua, khen thưởng về kỷ luật, điều tra, khiếu nại "
                "(chi tiết do văn phòng lưu).",
            )
        return shown


@dataclass(frozen=True)
class AwardResult:
    award: str
    kind: NomineeKind
    quota: int
    ranked: tuple[str, ...]  # nominations that passed the council, best first
    winners: tuple[str, ...]
    tied: tuple[str, ...]
    resolution: str | None
    problems: tuple[str, ...]
    resolved_group: tuple[str, ...] = ()  # the tied candidates the council's resolution was about


@dataclass(frozen=True)
class Granted:
    nomination: str
    award: str
    decision: str
    revoked_by: str | None
    revoked_reason: str | None


@dataclass(frozen=True)
class CampaignResult:
    campaign: Campaign
    as_of: dt.date
    state: CampaignState
    days_left: int
    nominations: tuple[NominationResult, ...]
    awards: tuple[AwardResult, ...]
    meeting: CouncilMeeting | None
    granted: tuple[Granted, ...]
    differences: tuple[str, ...]
    participants: tuple[str, ...]  # units taking part

    def result(self, nomination: str) -> NominationResult:
        return next(r for r in self.nominations if r.nomination.id == nomination)


def _criteria_state(results: tuple[CriterionResult, ...]) -> CriterionState:
    mandatory = [r.outcome.state for r in results if r.mandatory]
    if CriterionState.NOT_MET in mandatory:
        return CriterionState.NOT_MET
    return CriterionState.UNKNOWN if CriterionState.UNKNOWN in mandatory else CriterionState.MET


def _points(campaign: Campaign, results: tuple[CriterionResult, ...], state: CriterionState = CriterionState.MET) -> float | None:
    """Total points of the criteria in ``state`` (met, or not yet known: what they could still add);
    None when the plan does not score."""
    weights = campaign.criterion_points
    if all(weights.get(r.criterion) is None for r in results):
        return None
    return float(sum(weights.get(r.criterion) or 0 for r in results if r.outcome.state == state))


def _blocks(registry: Registry, campaign: Campaign, nomination: Nomination, as_of: dt.date) -> list[str]:
    """Principles of the law that bar an award whatever the criteria say."""
    start = campaign.period_from or dt.date(campaign.year, 1, 1)
    end = campaign.period_to or dt.date(campaign.year, 12, 31)
    found = []
    for register in sorted(registry.discipline.values(), key=lambda r: r.id):
        for case in register.cases:
            target = case.person if nomination.kind == NomineeKind.INDIVIDUAL else case.unit
            if target != nomination.nominee:
                continue
            if case.kind == "ky-luat" and case.overlaps(start, end):
                found.append(f"Bị kỷ luật trong thời gian tính thành tích ({register.name}).")
            elif case.kind in ("dieu-tra", "khieu-nai") and case.open_on(as_of):
                what = "đang bị điều tra, xem xét" if case.kind == "dieu-tra" else "đang có khiếu nại, tố cáo chưa giải quyết"
                found.append(f"{what[:1].upper()}{what[1:]} ({register.name}); chưa xét khen thưởng.")
    return found


def known_on(registry: Registry, campaign: Campaign, as_of: dt.date) -> Registry:
    """The campaign's records as they stood at the end of ``as_of``: later submissions, meetings and decisions not yet."""
    nominations = tuple(
        replace(n, submitted_at=None) if n.submitted_on is not None and n.submitted_on > as_of else n
        for n in registry.nominations.get(campaign.id, ())
    )
    meetings = tuple(m for m in registry.meetings.get(campaign.id, ()) if m.date <= as_of)
    decisions = tuple(d for d in registry.decisions.get(campaign.id, ()) if d.date <= as_of)
    return replace(
        registry,
        nominations={**registry.nominations, campaign.id: nominations},
        meetings={**registry.meetings, campaign.id: meetings},
        decisions={**registry.decisions, campaign.id: decisions},
    )


def _latest_meeting(registry: Registry, campaign: Campaign) -> CouncilMeeting | None:
    meetings = registry.meetings.get(campaign.id, ())
    return max(meetings, key=lambda m: (m.date, m.id)) if meetings else None


def evaluate_campaign(
    registry: Registry, campaign: Campaign, as_of: dt.date, landings: dict[tuple[str, str], dt.datetime] | None = None
) -> CampaignResult:
    """Everything decided about one campaign as of one date (what happened after it is not known yet).

    ``landings`` gives, by (campaign, nomination id), when the nomination's file first reached the main line of history.
    """
    registry = known_on(registry, campaign, as_of)
    landings = landings if campaign.deadline_git_tracked else None
    checker = RuleChecker(registry, campaign)
    nominations = registry.nominations.get(campaign.id, ())
    meeting = _latest_meeting(registry, campaign)
    council = registry.councils.get(meeting.council) if meeting else None

    duplicate = _duplicates(nominations)
    partial: dict[str, NominationResult] = {}
    for n in nominations:
        dossier = check_dossier(campaign, n, (landings or {}).get((campaign.id, n.id)), as_of, registry.people)
        award = campaign.award(n.award)
        subject = checker.subject(n.kind, n.nominee)
        criteria = tuple(
            CriterionResult(c.id, c.mandatory, checker.criterion(c, subject))
            for c in (campaign.criteria_for(award, n.kind) if award else ())
        )
        points = _points(campaign, criteria)
        personal = tuple(_blocks(registry, campaign, n, as_of))
        blocks = personal + tuple(duplicate.get(n.id, []))
        vote = vote_result(council, meeting, n.id) if council and meeting else None
        outcome, reasons = _standing(campaign, award, dossier, blocks, criteria, points, vote)
        partial[n.id] = NominationResult(
            n, dossier, criteria, points, blocks, vote, outcome, tuple(reasons + list(blocks)), personal
        )

    awards, final = _select_winners(registry, campaign, meeting, partial)
    granted, differences = _decisions(registry, campaign, awards)
    participants = tuple(sorted({r.unit for r in registry.reports.get(campaign.id, ())} | {n.proposed_by for n in nominations}))
    decided = any(d.kind == "khen-thuong" for d in registry.decisions.get(campaign.id, ()))
    days_left = (campaign.deadline - as_of).days
    progress = CampaignState.DECIDED if decided else CampaignState.OPEN if days_left >= 0 else CampaignState.REVIEWING
    return CampaignResult(
        campaign,
        as_of,
        progress,
        days_left,
        tuple(final[n.id] for n in nominations),
        tuple(awards),
        meeting,
        granted,
        differences,
        participants,
    )


def _duplicates(nominations: tuple[Nomination, ...]) -> dict[str, list[str]]:
    """Principles across nominations: one nominee once per award, one achievement once per campaign.

    By moment of submission (as a timestamp: comparing aware datetimes is slow), unsubmitted last, then by id.
    """
    first_of_nominee: dict[tuple[str, str, str], str] = {}
    first_of_achievement: dict[tuple[str, str], str] = {}
    order = sorted(
        nominations, key=lambda n: (n.submitted_at is None, n.submitted_at.timestamp() if n.submitted_at else 0.0, n.id)
    )
    duplicate: dict[str, list[str]] = {}
    by_id = {n.id: n for n in nominations}
    for n in order:
        key = (n.award, n.kind, n.nominee)
        if key in first_of_nominee:
            duplicate.setdefault(n.id, []).append(
                f"Trùng với hồ sơ «{first_of_nominee[key]}» đề nghị cùng hình thức cho cùng đối tượng."
            )
        first_of_nominee.setdefault(key, n.id)
        for item in n.achievements:
            owner = first_of_achievement.setdefault((n.proposed_by, item), n.id)
            other = by_id[owner]
            # The same nominee may cite it for two awards: the plan's order gives them at most one.
            if (other.kind, other.nominee) != (n.kind, n.nominee):
                duplicate.setdefault(n.id, []).append(
                    f"Thành tích «{item}» đã được dùng trong hồ sơ «{owner}»; một thành tích không được khen thưởng hai lần."
                )
    return duplicate


def _standing(
    campaign: Campaign,
    award: Award | None,
    dossier: DossierStatus,
    blocks: tuple[str, ...],
    criteria: tuple[CriterionResult, ...],
    points: float | None,
    vote: VoteResult | None,
) -> tuple[Standing, list[str]]:
    """Where a nomination stands before the quota, and why: the first step it does not pass, in the order of the steps."""
    if dossier.timing == Timing.NOT_SUBMITTED:
        return Standing.NOT_SUBMITTED, []
    if not dossier.complete:
        return Standing.INCOMPLETE, [
            "Còn thiếu: " + ", ".join(dossier.to_send) if dossier.to_send else "Hồ sơ có văn bản chưa hợp lệ."
        ]
    if dossier.timing == Timing.LATE:
        return Standing.LATE, [f"Nộp sau hạn chót {campaign.deadline:%d/%m/%Y}."]
    if blocks:
        return Standing.BLOCKED, []
    state = _criteria_state(criteria)
    if state != CriterionState.MET:  # the criteria results say which and why
        return (Standing.NOT_ELIGIBLE if state == CriterionState.NOT_MET else Standing.PENDING), []
    if award and award.min_points is not None and (points or 0) < award.min_points:
        return _below_points(campaign, award.min_points, criteria, points or 0)
    if vote is None:
        return Standing.AWAITING_COUNCIL, []
    if not vote.passed:
        return Standing.BELOW_THRESHOLD, [f"{vote.in_favour}/{vote.denominator} phiếu đồng ý, chưa đạt tỉ lệ của hội đồng."]
    return Standing.OUTSIDE_QUOTA, []  # until a quota says otherwise


def _below_points(
    campaign: Campaign, minimum: float, criteria: tuple[CriterionResult, ...], points: float
) -> tuple[Standing, list[str]]:
    """Points under the award's minimum: not eligible, or pending while the criteria not yet known could make it up."""
    possible = points + (_points(campaign, criteria, CriterionState.UNKNOWN) or 0)
    if possible >= minimum:
        return Standing.PENDING, [
            f"Tổng điểm {decimal(points)} chưa đạt mức tối thiểu {decimal(minimum)}, "
            f"nhưng có thể đạt {decimal(possible)} khi đủ căn cứ."
        ]
    return Standing.NOT_ELIGIBLE, [f"Tổng điểm {decimal(points)} dưới mức tối thiểu {decimal(minimum)}."]


def evaluate_registry(
    registry: Registry, as_of: dt.date, landings: dict[tuple[str, str], dt.datetime] | None = None
) -> list[CampaignResult]:
    """Every campaign evaluated, in id order."""
    return [evaluate_campaign(registry, registry.campaigns[ident], as_of, landings) for ident in sorted(registry.campaigns)]


def _select_winners(
    registry: Registry, campaign: Campaign, meeting: CouncilMeeting | None, partial: dict[str, NominationResult]
) -> tuple[list[AwardResult], dict[str, NominationResult]]:
    final = dict(partial)
    chosen: dict[tuple[str, str], str] = {}  # (kind, nominee) → award already chosen
    resolutions = [(frozenset(r.tied), r.chosen, r.text) for r in meeting.resolutions] if meeting else []
    results: list[AwardResult] = []
    for award in campaign.awards:
        for kind, quota in award.quota:
            pool = [r for r in final.values() if r.nomination.award == award.id and r.nomination.kind == kind]
            candidates = []
            for r in pool:
                if r.outcome != Standing.OUTSIDE_QUOTA:
                    continue
                earlier = chosen.get((kind, r.nomination.nominee))
                if earlier:
                    name = campaign.award(earlier).name  # type: ignore[union-attr]
                    final[r.nomination.id] = _with(r, Standing.CHOSEN_ELSEWHERE, f"Đã được chọn cho {name}.")
                    continue
                candidates.append(r.nomination.id)
            participants = _participant_count(registry, campaign, kind)
            count = quota_count(quota, participants, len([r for r in pool if r.outcome != Standing.NOT_SUBMITTED]))

            key = _ranking_key(campaign, award, final)
            selection: Selection = select(candidates, key, count, resolutions)
            settled = "Bằng phiếu ở ngưỡng số lượng khen; hội đồng đã kết luận: " + (selection.resolved_by or "")
            for ident in selection.winners:
                final[ident] = _with(final[ident], Standing.WINNER, settled if ident in selection.resolved_group else "")
                chosen[(kind, final[ident].nomination.nominee)] = award.id
            for ident in selection.tied:
                final[ident] = _with(final[ident], Standing.TIE, "Bằng phiếu ở ngưỡng số lượng khen; hội đồng cần quyết định.")
            for ident in selection.outside:
                note = settled if ident in selection.resolved_group else f"Đã đủ {count} suất khen."
                final[ident] = _with(final[ident], Standing.OUTSIDE_QUOTA, note)
            ranked = tuple(sorted(candidates, key=lambda c: (key(c), c)))
            results.append(
                AwardResult(
                    award.id,
                    kind,
                    count,
                    ranked,
                    selection.winners,
                    selection.tied,
                    selection.resolved_by,
                    selection.problems,
                    selection.resolved_group,
                )
            )
    return results, final


def _ranking_key(campaign: Campaign, award: Award, results: dict[str, NominationResult]) -> Callable[[str], tuple[object, ...]]:
    """Rank by votes (or points, then votes), then by the plan's declared tie-breakers; smaller is better."""

    def key(ident: str) -> tuple[object, ...]:
        r = results[ident]
        votes = -(r.vote.in_favour if r.vote else 0)
        main: list[object] = [-(r.points or 0), votes] if award.ranking == "points" else [votes]
        for breaker in campaign.tie_breakers:
            if breaker == "earlier-submission":
                main.append(r.nomination.submitted_at)
            elif breaker == "more-points":
                main.append(-(r.points or 0))
            else:
                main.append(-sum(c.outcome.state == CriterionState.MET for c in r.criteria))
        return tuple(main)

    return key


def _with(result: NominationResult, outcome: Standing, reason: str) -> NominationResult:
    reasons = result.reasons + ((reason,) if reason else ())
    return NominationResult(
        result.nomination,
        result.dossier,
        result.criteria,
        result.points,
        result.blocks,
        result.vote,
        outcome,
        reasons,
        result.personal,
    )


def _participant_count(registry: Registry, campaign: Campaign, kind: str) -> int:
    units = {r.unit for r in registry.reports.get(campaign.id, ())}
    if kind == NomineeKind.COLLECTIVE:
        return len(units)
    return sum(1 for p in registry.people.values() if p.unit in units)


def _decisions(registry: Registry, campaign: Campaign, awards: list[AwardResult]) -> tuple[tuple[Granted, ...], tuple[str, ...]]:
    decisions = sorted(registry.decisions.get(campaign.id, ()), key=lambda d: (d.date, d.id))
    revoked = {(r.decision, r.nomination): (d.id, r.reason) for d in decisions if d.kind == "huy-bo" for r in d.revokes}
    granted = tuple(
        Granted(g.nomination, g.award, d.id, *revoked.get((d.id, g.nomination), (None, None)))
        for d in decisions
        if d.kind == "khen-thuong"
        for g in d.awards
    )
    differences: list[str] = []
    if any(d.kind == "khen-thuong" for d in decisions):
        computed = {(a.award, w) for a in awards for w in a.winners}
        decided = {(g.award, g.nomination) for g in granted}
        differences += [
            f"Quyết định khen hồ sơ «{n}» ({a}) nhưng kết quả tính không chọn hồ sơ này." for a, n in sorted(decided - computed)
        ]
        differences += [
            f"Kết quả tính chọn hồ sơ «{n}» ({a}) nhưng quyết định không khen hồ sơ này." for a, n in sorted(computed - decided)
        ]
    return granted, tuple(differences)
