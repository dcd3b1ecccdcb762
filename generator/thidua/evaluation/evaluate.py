"""Evaluate a campaign: dossiers, criteria, principles, council votes, winners and the decision.

Pure: it reads the registry, the as-of date and git landing times handed in,
and returns frozen results. No file, no clock, no network.

Awards are taken one at a time in the order the plan's declarations fix (``selection.award_order``): an
award whose criteria count the holders of another comes after it, so individual outcomes are known before
the collective outcomes that count them. Campaigns that read another's computed result come after it too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..model import Registry
from ..model.campaign import Award, Campaign
from ..model.records import CouncilMeeting, Nomination
from ..ordering import ordered
from ..text import decimal
from ..vocabulary import CampaignState, CriterionState, Standing, Timing
from .council import VoteResult, vote_result
from .dossier import DossierStatus, check_dossier
from .evidence import EvidenceReader, Outcomes
from .grants import granted
from .joint import settle
from .principles import moments
from .results import AwardResult, CampaignResult, CriterionResult, Granted, NominationResult, may_still_win
from .rules import RuleChecker
from .selection import Won, award_order, participants, select_award
from .shared import settle_shared
from .ties import resolutions

Landings = dict[tuple[str, str], dt.datetime]


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


def _sessions(registry: Registry, campaign: Campaign) -> tuple[CouncilMeeting, ...]:
    """The council's sessions on a campaign, in the order they were held."""
    return tuple(sorted(registry.meetings.get(campaign.id, ()), key=lambda m: (m.date, m.id)))


class _Campaign:
    """What evaluating one campaign holds while it goes through the awards."""

    def __init__(
        self, registry: Registry, campaign: Campaign, as_of: dt.date, landings: Landings | None, outcomes: Outcomes
    ) -> None:
        self.registry = registry
        self.campaign = campaign
        self.as_of = as_of
        self.landings = landings if campaign.deadline_git_tracked else None
        self.outcomes = outcomes
        self.reader = EvidenceReader(registry, campaign, as_of, outcomes)
        self.checker = RuleChecker(registry, campaign, self.reader)
        self.sessions = _sessions(registry, campaign) if campaign.council else ()
        self.voted_in = {v.nomination: m for m in self.sessions for v in m.votes}  # a later session's vote stands
        self.decided_on = {n: d.date for (_, n), d in granted(registry, campaign.id).items()}
        self.duplicate = _duplicates(registry.nominations.get(campaign.id, ()))

    def nomination(self, n: Nomination, award: Award) -> NominationResult:
        """One nomination up to the quota: its dossier, criteria (each item counted once where the plan says so),
        points, the principles that bar it, the council's vote, and where it stands."""
        campaign = self.campaign
        landed = (self.landings or {}).get((campaign.id, n.id))
        dossier = check_dossier(campaign, n, landed, self.as_of, self.registry)
        subject = self.checker.subject(n.kind, n.nominee)
        chosen = campaign.criteria_for(award, n.kind)
        findings = [self.checker.criterion(c, subject) for c in chosen]
        if campaign.evidence_once:
            findings = settle(self.checker, subject, chosen, findings)
        criteria = tuple(CriterionResult(c.id, c.mandatory, f) for c, f in zip(chosen, findings, strict=True))
        points = _points(campaign, criteria)
        session = self.voted_in.get(n.id)
        council = self.registry.councils.get(session.council) if session else None
        vote = vote_result(council, session, n.id) if council and session else None
        days = moments(session.date if session else None, self.decided_on.get(n.id), self.as_of)
        personal = tuple(self.reader.principles.blocks(n.kind, n.nominee, days))
        bars = personal + tuple(self.duplicate.get(n.id, []))
        outcome, reasons = _standing(campaign, award, dossier, bars, criteria, points, vote)
        return NominationResult(n, dossier, criteria, points, bars, vote, outcome, tuple(reasons + list(bars)), personal)


def evaluate_campaign(
    registry: Registry, campaign: Campaign, as_of: dt.date, landings: Landings | None = None, outcomes: Outcomes | None = None
) -> CampaignResult:
    """Everything decided about one campaign as of one date (what happened after it is not known yet).

    ``landings`` gives, by (campaign, nomination id), when the nomination's file first reached the main line of history;
    ``outcomes`` the holders of awards of campaigns evaluated before (this campaign's are added to it).
    """
    registry = known_on(registry, campaign, as_of)
    state = _Campaign(registry, campaign, as_of, landings, outcomes if outcomes is not None else Outcomes())
    nominations = registry.nominations.get(campaign.id, ())
    final: dict[str, NominationResult] = {}
    awards: list[AwardResult] = []
    won: Won = {}
    settled = resolutions(state.sessions)
    for award in award_order(campaign):
        final |= {n.id: state.nomination(n, award) for n in nominations if n.award == award.id}
        awards += select_award(registry, campaign, award, final, won, state.sessions, state.reader)
        awards = settle_shared(campaign, final, awards, won, settled, state.decided_on)
        for done in {a.award for a in awards}:  # a shared achievement may have taken back an earlier award's winner
            state.outcomes.held[(campaign.id, done)] = {
                final[w].nomination.nominee: campaign.window.last_day for a in awards if a.award == done for w in a.winners
            }
            state.outcomes.undecided[(campaign.id, done)] = {
                r.nomination.nominee
                for r in final.values()
                if r.nomination.award == done and may_still_win(r.outcome, campaign, as_of)
            }
        state.outcomes.evaluated.add((campaign.id, award.id))
    granted, differences = _decisions(registry, campaign, awards)
    taking_part = tuple(sorted(participants(registry, campaign)))
    decided = any(d.kind == "khen-thuong" for d in registry.decisions.get(campaign.id, ()))
    days_left = (campaign.deadline - as_of).days if campaign.deadline is not None else None
    open_ = days_left is not None and days_left >= 0
    progress = CampaignState.DECIDED if decided else CampaignState.OPEN if open_ else CampaignState.REVIEWING
    return CampaignResult(
        campaign,
        as_of,
        progress,
        days_left,
        tuple(final[n.id] for n in nominations if n.id in final),
        tuple(awards),
        state.sessions,
        granted,
        differences,
        taking_part,
    )


def evaluate_registry(registry: Registry, as_of: dt.date, landings: Landings | None = None) -> list[CampaignResult]:
    """Every campaign evaluated, in id order; a campaign that reads another's computed result is evaluated after it."""
    edges = {(other, c.id) for c in registry.campaigns.values() for other in c.campaigns_read()}
    outcomes = Outcomes()
    done = {
        ident: evaluate_campaign(registry, registry.campaigns[ident], as_of, landings, outcomes)
        for ident in ordered(registry.campaigns, edges)
    }
    return [done[ident] for ident in sorted(done)]


def _duplicates(nominations: tuple[Nomination, ...]) -> dict[str, list[str]]:
    """One nominee once per award (an achievement cited twice is settled on the outcome: ``shared``).

    By moment of submission (as a timestamp: comparing aware datetimes is slow), unsubmitted last, then by id.
    """
    first_of_nominee: dict[tuple[str, str, str], str] = {}
    order = sorted(
        nominations, key=lambda n: (n.submitted_at is None, n.submitted_at.timestamp() if n.submitted_at else 0.0, n.id)
    )
    duplicate: dict[str, list[str]] = {}
    for n in order:
        key = (n.award, n.kind, n.nominee)
        if key in first_of_nominee:
            duplicate.setdefault(n.id, []).append(
                f"Trùng với hồ sơ «{first_of_nominee[key]}» đề nghị cùng hình thức cho cùng đối tượng."
            )
        first_of_nominee.setdefault(key, n.id)
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
    if not campaign.council:
        return Standing.OUTSIDE_QUOTA, []  # no council: eligible nominations go straight to the quota
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


def _decisions(registry: Registry, campaign: Campaign, awards: list[AwardResult]) -> tuple[tuple[Granted, ...], tuple[str, ...]]:
    decisions = sorted(registry.decisions.get(campaign.id, ()), key=lambda d: (d.date, d.id))
    revoked: dict[tuple[str, str], tuple[str | None, str | None]] = {
        (r.decision, r.nomination): (d.id, r.reason) for d in decisions if d.kind == "huy-bo" for r in d.revokes
    }
    granted = tuple(
        Granted(g.nomination, g.award, d.id, *revoked.get((d.id, g.nomination), (None, None)), amount=g.amount)
        for d in decisions
        if d.kind == "khen-thuong"
        for g in d.awards
    )
    differences: list[str] = []
    if any(d.kind == "khen-thuong" for d in decisions):
        decided = {(g.award, g.nomination) for g in granted}
        covered = {award for award, _ in decided}  # a decision on one award says nothing of another's winners
        computed = {(a.award, w) for a in awards for w in a.winners if a.award in covered}
        differences += [
            f"Quyết định khen hồ sơ «{n}» ({a}) nhưng kết quả tính không chọn hồ sơ này." for a, n in sorted(decided - computed)
        ]
        differences += [
            f"Kết quả tính chọn hồ sơ «{n}» ({a}) nhưng chưa có quyết định nào khen hồ sơ này."
            for a, n in sorted(computed - decided)
        ]
    return granted, tuple(differences)
