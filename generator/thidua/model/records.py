"""What happens during a campaign: reports, discipline, nominations, council meetings, decisions."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from ..clock import VIETNAM
from ..vocabulary import NomineeKind


@dataclass(frozen=True)
class ReportItem:
    id: str
    task: str
    subtask: str | None
    title: str
    date: dt.date
    detail: str | None
    figure: tuple[float, str] | None


@dataclass(frozen=True)
class Report:
    id: str
    campaign: str
    unit: str
    date: dt.date
    items: tuple[ReportItem, ...]
    fictional: bool = False


@dataclass(frozen=True)
class DisciplineCase:
    person: str | None
    unit: str | None
    kind: str
    start: dt.date
    end: dt.date | None

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return self.start <= end and (self.end is None or self.end >= start)

    def open_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class DisciplineRegister:
    id: str
    name: str
    kept_by: str
    period_from: dt.date
    period_to: dt.date
    as_of: dt.date
    cases: tuple[DisciplineCase, ...]


@dataclass(frozen=True)
class Signer:
    """Who signed a document: a person of the records, or a name and position."""

    person: str | None
    name: str | None
    position: str | None
    authority: str | None = None  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the first line of the signature block
    title: str | None = None  # "CHỦ TỊCH": the title printed under it


@dataclass(frozen=True)
class UnitMeeting:
    chair: str
    secretary: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    vote_mode: str
    in_favour: int
    voters: int


@dataclass(frozen=True)
class Document:
    type: str
    number: str | None
    date: dt.date
    signer: Signer
    file: str
    meeting: UnitMeeting | None


@dataclass(frozen=True)
class Nomination:
    id: str
    campaign: str
    award: str
    kind: NomineeKind
    nominee: str  # a unit id or a person id
    proposed_by: str
    submitted_at: dt.datetime | None  # aware; a date alone is read as the start of that day in Vietnam
    summary: str | None
    achievements: tuple[str, ...]
    documents: tuple[Document, ...]
    fictional: bool

    @functools.cached_property  # read by the evaluation, the boards and the chart
    def submitted_on(self) -> dt.date | None:
        return self.submitted_at.astimezone(VIETNAM).date() if self.submitted_at else None

    def document(self, type_: str) -> Document | None:
        """The first document of this type, if any."""
        return self._by_type.get(type_)

    @functools.cached_property  # the dossier check and the boards ask for each type of every nomination
    def _by_type(self) -> dict[str, Document]:
        return {document.type: document for document in reversed(self.documents)}  # reversed: the first one stays


@dataclass(frozen=True)
class CouncilMember:
    person: str
    role: str


@dataclass(frozen=True)
class Council:
    id: str
    name: str
    unit: str
    members: tuple[CouncilMember, ...]
    vote_mode: str
    threshold_percent: float
    inclusive: bool
    denominator: str  # "members" or "present"
    quorum_percent: float = 50  # members present must be over this share for a session to vote


@dataclass(frozen=True)
class Vote:
    nomination: str
    in_favour: int


@dataclass(frozen=True)
class Resolution:
    tied: tuple[str, ...]
    chosen: tuple[str, ...]
    text: str
    in_favour: int | None


@dataclass(frozen=True)
class CouncilMeeting:
    id: str
    campaign: str
    council: str
    date: dt.date
    chair: str
    secretary: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    votes: tuple[Vote, ...]
    resolutions: tuple[Resolution, ...]
    minutes_number: str | None
    recusals: tuple[tuple[str, str], ...] = ()  # (member, nomination) the member did not vote on
    fictional: bool = False

    def votes_for(self, nomination: str) -> int | None:
        return next((v.in_favour for v in self.votes if v.nomination == nomination), None)

    def voting_on(self, nomination: str) -> int:
        """How many of those present voted on a nomination: all but the members who stood aside."""
        return len(self.present) - sum(1 for _, n in self.recusals if n == nomination)


@dataclass(frozen=True)
class AwardGrant:
    award: str
    nomination: str
    amount: int | None = None  # the money the decision writes for it (đồng)


@dataclass(frozen=True)
class Revocation:
    decision: str
    nomination: str
    reason: str


@dataclass(frozen=True)
class Decision:
    id: str
    campaign: str
    kind: str  # "khen-thuong" or "huy-bo"
    number: str | None  # None: a draft, not numbered (nor in force) yet; the registry keeps drafts apart
    date: dt.date
    signer: Signer
    awards: tuple[AwardGrant, ...]
    revokes: tuple[Revocation, ...]
    file: str | None
    fictional: bool = False  # sample data: every page and row showing it says so
    issued_as: str | None = None  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …": the line under the title of the decision
    recipients: tuple[str, ...] = ()  # «Nơi nhận»
    issuer: str | None = None  # the issuing unit, where it is not the plan's


@dataclass(frozen=True)
class Comment:
    """An opinion received on a posted list (without who sent it), and the answer given."""

    received: dt.date
    about: str | None  # the nomination it is about, if one
    text: str
    answered: dt.date | None
    answer: str | None


@dataclass(frozen=True)
class Posting:
    """The list of nominations proposed for awards, posted for opinions from a day (công khai)."""

    id: str
    campaign: str
    date: dt.date
    nominations: tuple[str, ...]
    comments: tuple[Comment, ...]
    fictional: bool


def posting_from(data: dict[str, Any]) -> Posting:
    return Posting(
        data["id"],
        data["campaign"],
        dt.date.fromisoformat(data["date"]),
        tuple(data["nominations"]),
        tuple(
            Comment(
                dt.date.fromisoformat(c["received"]),
                c.get("about"),
                c["text"],
                dt.date.fromisoformat(c["answer"]["date"]) if "answer" in c else None,
                c["answer"]["text"] if "answer" in c else None,
            )
            for c in data.get("comments", ())
        ),
        bool(data.get("fictional", False)),
    )


def moment(text: str) -> dt.datetime:
    """An aware datetime from ``2025-12-03T09:15:00+07:00``, or from ``2025-12-03`` (start of day in Vietnam)."""
    if "T" in text:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), VIETNAM)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _signer(data: dict[str, Any]) -> Signer:
    return Signer(data.get("person"), data.get("name"), data.get("position"), data.get("authority"), data.get("title"))


def report_from(data: dict[str, Any]) -> Report:
    return Report(
        data["id"],
        data["campaign"],
        data["unit"],
        dt.date.fromisoformat(data["date"]),
        tuple(
            ReportItem(
                i["id"],
                i["task"],
                i.get("subtask"),
                i["title"],
                dt.date.fromisoformat(i["date"]),
                i.get("detail"),
                (i["figure"]["value"], i["figure"]["measure"]) if "figure" in i else None,
            )
            for i in data["items"]
        ),
        bool(data.get("fictional", False)),
    )


def discipline_from(data: dict[str, Any]) -> DisciplineRegister:
    return DisciplineRegister(
        data["id"],
        data["name"],
        data["kept_by"],
        dt.date.fromisoformat(data["period"]["from"]),
        dt.date.fromisoformat(data["period"]["to"]),
        dt.date.fromisoformat(data["as_of"]),
        tuple(
            DisciplineCase(c.get("person"), c.get("unit"), c["kind"], dt.date.fromisoformat(c["from"]), _day(c.get("to")))
            for c in data["cases"]
        ),
    )


def _meeting(data: dict[str, Any] | None) -> UnitMeeting | None:
    if data is None:
        return None
    return UnitMeeting(
        data["chair"],
        data["secretary"],
        tuple(data["present"]),
        tuple(data.get("absent", ())),
        data["vote_mode"],
        data["in_favour"],
        data["voters"],
    )


def nomination_from(data: dict[str, Any]) -> Nomination:
    kind, nominee = (
        (NomineeKind.COLLECTIVE, data["nominee"]["unit"])
        if "unit" in data["nominee"]
        else (NomineeKind.INDIVIDUAL, data["nominee"]["person"])
    )
    return Nomination(
        data["id"],
        data["campaign"],
        data["award"],
        kind,
        nominee,
        data["proposed_by"],
        moment(data["submitted_at"]) if "submitted_at" in data else None,
        data.get("summary"),
        tuple(data.get("achievements", ())),
        tuple(
            Document(
                d["type"],
                d.get("number"),
                dt.date.fromisoformat(d["date"]),
                _signer(d["signer"]),
                d["file"],
                _meeting(d.get("meeting")),
            )
            for d in data.get("documents", ())
        ),
        bool(data.get("fictional", False)),
    )


def council_from(data: dict[str, Any]) -> Council:
    voting = data["voting"]
    return Council(
        data["id"],
        data["name"],
        data["unit"],
        tuple(CouncilMember(m["person"], m["role"]) for m in data["members"]),
        voting["mode"],
        voting["threshold_percent"],
        voting["inclusive"],
        voting["denominator"],
        float(voting.get("quorum_percent", 50)),
    )


def meeting_from(data: dict[str, Any]) -> CouncilMeeting:
    return CouncilMeeting(
        data["id"],
        data["campaign"],
        data["council"],
        dt.date.fromisoformat(data["date"]),
        data["chair"],
        data["secretary"],
        tuple(data["present"]),
        tuple(data.get("absent", ())),
        tuple(Vote(v["nomination"], v["in_favour"]) for v in data["votes"]),
        tuple(
            Resolution(tuple(r["tied"]), tuple(r["chosen"]), r["text"], r.get("in_favour")) for r in data.get("resolutions", ())
        ),
        data.get("minutes", {}).get("number"),
        tuple((x["person"], x["nomination"]) for x in data.get("recusals", ())),
        bool(data.get("fictional", False)),
    )


def decision_from(data: dict[str, Any]) -> Decision:
    return Decision(
        data["id"],
        data["campaign"],
        data["kind"],
        data.get("number"),
        dt.date.fromisoformat(data["date"]),
        _signer(data["signer"]),
        tuple(AwardGrant(a["award"], a["nomination"], a.get("amount")) for a in data.get("awards", ())),
        tuple(Revocation(r["decision"], r["nomination"], r["reason"]) for r in data.get("revokes", ())),
        data.get("file"),
        bool(data.get("fictional", False)),
        data.get("issued_as"),
        tuple(data.get("recipients", ())),
        data.get("issuer"),
    )
