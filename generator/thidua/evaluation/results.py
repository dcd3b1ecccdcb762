"""What evaluating a campaign gives: each nomination's standing and why, each award's ranking and winners, the decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..model.campaign import Campaign
from ..model.records import CouncilMeeting, Nomination
from ..vocabulary import CampaignState, NomineeKind, Standing
from .council import VoteResult
from .dossier import DossierStatus
from .findings import Finding


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
    quota: int | None  # None: the number is not known yet (the unit has no target)
    ranked: tuple[str, ...]  # nominations that passed the council, best first
    winners: tuple[str, ...]
    tied: tuple[str, ...]
    resolution: str | None
    problems: tuple[str, ...]
    resolved_group: tuple[str, ...] = ()  # the tied candidates the council's resolution was about
    group: str | None = None  # the group ranked apart (a value of the ranking's attribute, or a unit under its target)


@dataclass(frozen=True)
class Granted:
    nomination: str
    award: str
    decision: str
    revoked_by: str | None
    revoked_reason: str | None
    amount: int | None = None  # the money the decision writes (đồng)


@dataclass(frozen=True)
class CampaignResult:
    campaign: Campaign
    as_of: dt.date
    state: CampaignState
    days_left: int | None  # None: the plan sets no deadline
    nominations: tuple[NominationResult, ...]
    awards: tuple[AwardResult, ...]
    sessions: tuple[CouncilMeeting, ...]  # the council's sessions on the campaign, in the order held
    granted: tuple[Granted, ...]
    differences: tuple[str, ...]
    participants: tuple[str, ...]  # units taking part

    @property
    def meeting(self) -> CouncilMeeting | None:
        """The latest session of the council."""
        return self.sessions[-1] if self.sessions else None

    def result(self, nomination: str) -> NominationResult:
        return next(r for r in self.nominations if r.nomination.id == nomination)


def with_standing(result: NominationResult, outcome: Standing, reason: str) -> NominationResult:
    """The same result at another standing, one more reason given."""
    return replace(result, outcome=outcome, reasons=result.reasons + ((reason,) if reason else ()))


def may_still_win(standing: Standing, campaign: Campaign, as_of: dt.date | None) -> bool:
    """Whether a nomination may still win: waiting for facts, the council or a tie's resolution, or not sent (or sent
    without every document) while the campaign still takes dossiers."""
    if standing in (Standing.PENDING, Standing.AWAITING_COUNCIL, Standing.TIE):
        return True
    still_open = campaign.deadline is None or as_of is None or as_of <= campaign.deadline
    return standing in (Standing.NOT_SUBMITTED, Standing.INCOMPLETE) and still_open
