"""A campaign plan as frozen dataclasses: tasks, evidence, criteria and their rules, awards, dossier."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from ..vocabulary import NomineeKind


@dataclass(frozen=True)
class LegalRef:
    law: str
    article: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DocRef:
    kind: str
    number: str
    date: dt.date
    issuer: str | None
    title: str | None


@dataclass(frozen=True)
class Basis:
    text: str
    document: DocRef | None


@dataclass(frozen=True)
class Task:
    id: str
    name: str
    subtasks: tuple[Task, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A fact a rule may read, and the record that owns it."""

    id: str
    name: str
    source: str  # "rating", "discipline" or "reports"
    source_id: str | None  # the rating or discipline register; None for reports
    case_kinds: tuple[str, ...]  # discipline: the kinds of case counted (empty: all)
    tasks: tuple[str, ...]  # reports: the tasks counted (empty: all)
    subject: str  # "nominee", "issuer" or "members"


@dataclass(frozen=True)
class Threshold:
    """A number, or one number per value of a nominee's attribute."""

    default: float | None
    by: str | None = None  # "unit_kind", "category" or "unit"
    values: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Compare:
    evidence: str
    at_least: str | None = None
    one_of: tuple[str, ...] = ()
    minimum: Threshold | None = None
    maximum: Threshold | None = None


@dataclass(frozen=True)
class AllOf:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class AnyOf:
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class AtLeast:
    count: int
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Fallback:
    primary: Rule
    otherwise: Rule


@dataclass(frozen=True)
class Members:
    criterion: str
    min_share: float | None
    min_count: int | None


Rule = Compare | AllOf | AnyOf | AtLeast | Fallback | Members


@dataclass(frozen=True)
class Criterion:
    id: str
    applies_to: NomineeKind
    text: str
    mandatory: bool
    basis: tuple[LegalRef, ...]
    rule: Rule
    points: float | None = None


@dataclass(frozen=True)
class Quota:
    count: int | None = None
    percent: float | None = None
    of: str | None = None
    rounding: str | None = None


@dataclass(frozen=True)
class Award:
    id: str
    name: str
    conferred_by: str | None
    quota: tuple[tuple[NomineeKind, Quota], ...]
    criteria: tuple[str, ...]
    basis: tuple[LegalRef, ...]
    ranking: str = "votes"
    min_points: float | None = None


@dataclass(frozen=True)
class DossierItem:
    id: str
    name: str
    form: str
    signed_by: str | None
    basis: tuple[LegalRef, ...]
    numbered: bool = True


@dataclass(frozen=True)
class Responsibility:
    text: str
    units: tuple[str, ...]
    unit_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Recipient:
    name: str
    units: tuple[str, ...]
    unit_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Signer:
    authority: str
    title: str
    person: str


@dataclass(frozen=True)
class PlanDocument:
    kind: str
    number: int | None
    symbol: str
    place: str
    date: dt.date
    title: str
    file: str | None

    @property
    def number_text(self) -> str:
        """``Số: 05/KH-UBND``, or ``Số: /KH-UBND`` while the plan has no number yet."""
        number = f"{self.number:02d}" if self.number is not None else ""
        return f"{number}/{self.symbol}"


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    short_name: str | None
    year: int
    period_from: dt.date | None
    period_to: dt.date | None
    issuer: str
    document: PlanDocument
    basis: tuple[Basis, ...]
    legal_basis: tuple[LegalRef, ...]
    preamble: str | None
    purposes: tuple[str, ...]
    requirements: tuple[str, ...]
    participants_text: str
    participant_kinds: tuple[NomineeKind, ...]
    participant_unit_kinds: tuple[str, ...]
    content: str
    tasks: tuple[Task, ...]
    evidence: tuple[Evidence, ...]
    criteria: tuple[Criterion, ...]
    awards: tuple[Award, ...]
    dossier: tuple[DossierItem, ...]
    deadline: dt.date
    deadline_text: str
    deadline_receiver: str | None
    deadline_git_tracked: bool
    responsibilities: tuple[Responsibility, ...]
    closing: str | None
    recipients: tuple[Recipient, ...]
    signer: Signer
    fictional: bool
    tie_breakers: tuple[str, ...] = ()

    def award(self, ident: str) -> Award | None:
        return next((a for a in self.awards if a.id == ident), None)

    def criterion(self, ident: str) -> Criterion | None:
        return next((c for c in self.criteria if c.id == ident), None)

    @functools.cached_property
    def criterion_points(self) -> dict[str, float | None]:
        """Each criterion's points, by id (None where the plan gives none)."""
        return {c.id: c.points for c in self.criteria}

    def criteria_for(self, award: Award, kind: NomineeKind) -> tuple[Criterion, ...]:
        """The criteria an award checks for one kind of nominee (all of that kind when the award lists none)."""
        chosen = [c for c in self.criteria if c.applies_to == kind]
        return tuple(c for c in chosen if not award.criteria or c.id in award.criteria)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _legal(items: list[dict[str, Any]] | None) -> tuple[LegalRef, ...]:
    return tuple(LegalRef(i["law"], i.get("article"), i.get("note")) for i in items or [])


def _threshold(value: float | dict[str, Any] | None) -> Threshold | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return Threshold(value.get("default"), value["by"], tuple(sorted(value["values"].items())))
    return Threshold(float(value))


def _rule(data: dict[str, Any]) -> Rule:
    if "all" in data:
        return AllOf(tuple(_rule(r) for r in data["all"]))
    if "any" in data:
        return AnyOf(tuple(_rule(r) for r in data["any"]))
    if "at_least_of" in data:
        group = data["at_least_of"]
        return AtLeast(group["count"], tuple(_rule(r) for r in group["rules"]))
    if "fallback" in data:
        return Fallback(_rule(data["fallback"]["primary"]), _rule(data["fallback"]["otherwise"]))
    if "members" in data:
        group = data["members"]
        return Members(group["criterion"], group.get("min_share"), group.get("min_count"))
    return Compare(
        data["evidence"],
        data.get("at_least"),
        tuple(data.get("in", ())),
        _threshold(data.get("min")),
        _threshold(data.get("max")),
    )


_NUMBERED_FORMS = ("to-trinh", "bien-ban-hop")


def _quota(value: int | dict[str, Any]) -> Quota:
    if isinstance(value, int):
        return Quota(count=value)
    return Quota(percent=value["percent"], of=value["of"], rounding=value["rounding"])


def campaign_from(data: dict[str, Any]) -> Campaign:
    doc = data["document"]
    period = data.get("period", {})
    participants = data["participants"]
    return Campaign(
        id=data["id"],
        name=data["name"],
        short_name=data.get("short_name"),
        year=data["year"],
        period_from=_date(period.get("from")),
        period_to=_date(period.get("to")),
        issuer=data["issuer"],
        document=PlanDocument(
            doc["kind"],
            doc.get("number"),
            doc["symbol"],
            doc["place"],
            dt.date.fromisoformat(doc["date"]),
            doc["title"],
            doc.get("file"),
        ),
        basis=tuple(
            Basis(
                b["text"],
                DocRef(d["kind"], d["number"], dt.date.fromisoformat(d["date"]), d.get("issuer"), d.get("title"))
                if (d := b.get("document"))
                else None,
            )
            for b in data.get("basis", [])
        ),
        legal_basis=_legal(data.get("legal_basis")),
        preamble=data.get("preamble"),
        purposes=tuple(data["purposes"]),
        requirements=tuple(data["requirements"]),
        participants_text=participants["text"],
        participant_kinds=tuple(NomineeKind(k) for k in participants["kinds"]),
        participant_unit_kinds=tuple(participants.get("unit_kinds", ())),
        content=data["content"],
        tasks=tuple(
            Task(t["id"], t["name"], tuple(Task(s["id"], s["name"]) for s in t.get("subtasks", [])), t.get("note"))
            for t in data["tasks"]
        ),
        evidence=tuple(_evidence(e) for e in data["evidence"]),
        criteria=tuple(
            Criterion(
                c["id"],
                NomineeKind(c["applies_to"]),
                c["text"],
                c["mandatory"],
                _legal(c.get("basis")),
                _rule(c["rule"]),
                c.get("points"),
            )
            for c in data["criteria"]
        ),
        awards=tuple(
            Award(
                a["id"],
                a["name"],
                a.get("conferred_by"),
                tuple((NomineeKind(kind), _quota(q)) for kind, q in a["quota"].items()),
                tuple(a.get("criteria", ())),
                _legal(a.get("basis")),
                a.get("ranking", "votes"),
                a.get("min_points"),
            )
            for a in data["awards"]
        ),
        dossier=tuple(
            DossierItem(
                d["id"],
                d["name"],
                d["form"],
                d.get("signed_by"),
                _legal(d.get("basis")),
                d.get("numbered", d["form"] in _NUMBERED_FORMS),
            )
            for d in data["dossier"]
        ),
        deadline=dt.date.fromisoformat(data["deadline"]["date"]),
        deadline_text=data["deadline"]["text"],
        deadline_receiver=data["deadline"].get("receiver"),
        deadline_git_tracked=data["deadline"].get("git_tracked", True),
        responsibilities=tuple(
            Responsibility(r["text"], tuple(r.get("units", ())), tuple(r.get("unit_kinds", ()))) for r in data["responsibilities"]
        ),
        closing=data.get("closing"),
        recipients=tuple(
            Recipient(r["name"], tuple(r.get("units", ())), tuple(r.get("unit_kinds", ()))) for r in data["recipients"]
        ),
        signer=Signer(data["signer"]["authority"], data["signer"]["title"], data["signer"]["person"]),
        fictional=bool(data.get("fictional", False)),
        tie_breakers=tuple(data.get("tie_breakers", ())),
    )


def _evidence(data: dict[str, Any]) -> Evidence:
    source = data["source"]
    kind = next(iter(source))
    return Evidence(
        data["id"],
        data["name"],
        kind,
        source[kind] if kind != "reports" else None,
        tuple(data.get("case_kinds", ())),
        tuple(source["reports"].get("tasks", ())) if kind == "reports" else (),
        data["subject"],
    )
