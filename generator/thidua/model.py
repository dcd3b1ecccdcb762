"""The domain as frozen dataclasses, built from records that passed validation.

Plain dicts stop here. A person's private fields are never copied into the
model, so nothing downstream (evaluation, rendering) can publish them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .validate import Record


@dataclass(frozen=True)
class LegalRef:
    law: str
    article: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Law:
    id: str
    kind: str
    number: str
    name: str
    issuer: str | None
    issued: dt.date
    effective_from: dt.date
    effective_to: dt.date | None
    replaced_by: str | None
    note: str | None


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str
    parent: str | None
    head: str | None
    owners: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    """The public side of a person; private fields are deliberately absent."""

    id: str
    name: str
    unit: str
    position: str | None
    category: str | None
    fictional: bool


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


@dataclass(frozen=True)
class Evidence:
    id: str
    name: str
    rating: str | None
    discipline: str | None
    case_kinds: tuple[str, ...]
    subject: str


@dataclass(frozen=True)
class Compare:
    evidence: str
    at_least: str | None = None
    one_of: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


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


Rule = Compare | AllOf | AnyOf | AtLeast


@dataclass(frozen=True)
class Criterion:
    id: str
    applies_to: str
    text: str
    mandatory: bool
    basis: tuple[LegalRef, ...]
    rule: Rule


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
    quota: tuple[tuple[str, Quota], ...]
    criteria: tuple[str, ...]
    basis: tuple[LegalRef, ...]


@dataclass(frozen=True)
class DossierItem:
    id: str
    name: str
    form: str
    signed_by: str | None
    basis: tuple[LegalRef, ...]


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
    participant_kinds: tuple[str, ...]
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
    responsibilities: tuple[Responsibility, ...]
    closing: str | None
    recipients: tuple[Recipient, ...]
    signer: Signer
    fictional: bool


@dataclass(frozen=True)
class Level:
    id: str
    name: str


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    levels: tuple[Level, ...]

    def level(self, ident: str) -> Level | None:
        return next((level for level in self.levels if level.id == ident), None)


@dataclass(frozen=True)
class RatingEntry:
    subject: str
    value: str | float
    note: str | None


@dataclass(frozen=True)
class Rating:
    id: str
    name: str
    year: int
    kept_by: str
    subjects: str
    scale: str | None
    measure: str | None
    entries: tuple[RatingEntry, ...]


@dataclass(frozen=True)
class Registry:
    """Everything the later stages read, by id."""

    campaigns: dict[str, Campaign]
    units: dict[str, Unit]
    people: dict[str, Person]
    laws: dict[str, Law]
    scales: dict[str, Scale]
    ratings: dict[str, Rating]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _legal(items: list[dict[str, Any]] | None) -> tuple[LegalRef, ...]:
    return tuple(LegalRef(i["law"], i.get("article"), i.get("note")) for i in items or [])


def _rule(data: dict[str, Any]) -> Rule:
    if "all" in data:
        return AllOf(tuple(_rule(r) for r in data["all"]))
    if "any" in data:
        return AnyOf(tuple(_rule(r) for r in data["any"]))
    if "at_least_of" in data:
        group = data["at_least_of"]
        return AtLeast(group["count"], tuple(_rule(r) for r in group["rules"]))
    return Compare(data["evidence"], data.get("at_least"), tuple(data.get("in", ())), data.get("min"), data.get("max"))


def _quota(value: int | dict[str, Any]) -> Quota:
    if isinstance(value, int):
        return Quota(count=value)
    return Quota(percent=value["percent"], of=value["of"], rounding=value["rounding"])


def campaign_from(data: dict[str, Any]) -> Campaign:
    doc = data["document"]
    period = data.get("period", {})
    participants = data["participants"]
    return Campaign(
        id=data["id"], name=data["name"], short_name=data.get("short_name"), year=data["year"],
        period_from=_date(period.get("from")), period_to=_date(period.get("to")),
        issuer=data["issuer"],
        document=PlanDocument(doc["kind"], doc.get("number"), doc["symbol"], doc["place"],
                              dt.date.fromisoformat(doc["date"]), doc["title"], doc.get("file")),
        basis=tuple(
            Basis(b["text"], DocRef(d["kind"], d["number"], dt.date.fromisoformat(d["date"]), d.get("issuer"), d.get("title"))
                  if (d := b.get("document")) else None)
            for b in data.get("basis", [])
        ),
        legal_basis=_legal(data.get("legal_basis")),
        preamble=data.get("preamble"),
        purposes=tuple(data["purposes"]), requirements=tuple(data["requirements"]),
        participants_text=participants["text"], participant_kinds=tuple(participants["kinds"]),
        participant_unit_kinds=tuple(participants.get("unit_kinds", ())),
        content=data["content"],
        tasks=tuple(Task(t["id"], t["name"], tuple(Task(s["id"], s["name"]) for s in t.get("subtasks", [])))
                    for t in data["tasks"]),
        evidence=tuple(Evidence(e["id"], e["name"], e["source"].get("rating"), e["source"].get("discipline"),
                                tuple(e.get("case_kinds", ())), e["subject"]) for e in data["evidence"]),
        criteria=tuple(Criterion(c["id"], c["applies_to"], c["text"], c["mandatory"], _legal(c.get("basis")), _rule(c["rule"]))
                       for c in data["criteria"]),
        awards=tuple(Award(a["id"], a["name"], a.get("conferred_by"),
                           tuple((kind, _quota(q)) for kind, q in a["quota"].items()),
                           tuple(a.get("criteria", ())), _legal(a.get("basis"))) for a in data["awards"]),
        dossier=tuple(DossierItem(d["id"], d["name"], d["form"], d.get("signed_by"), _legal(d.get("basis")))
                      for d in data["dossier"]),
        deadline=dt.date.fromisoformat(data["deadline"]["date"]),
        deadline_text=data["deadline"]["text"], deadline_receiver=data["deadline"].get("receiver"),
        responsibilities=tuple(Responsibility(r["text"], tuple(r.get("units", ())), tuple(r.get("unit_kinds", ())))
                               for r in data["responsibilities"]),
        closing=data.get("closing"),
        recipients=tuple(Recipient(r["name"], tuple(r.get("units", ())), tuple(r.get("unit_kinds", ())))
                         for r in data["recipients"]),
        signer=Signer(data["signer"]["authority"], data["signer"]["title"], data["signer"]["person"]),
        fictional=bool(data.get("fictional", False)),
    )


def registry_from(records: list[Record]) -> Registry:
    """The domain model of a tree that validated without problems."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_kind.setdefault(record.kind.name, []).append(record.data)
    units = {u["id"]: Unit(u["id"], u["name"], u["kind"], u.get("parent"), u.get("head"), tuple(u.get("owners", ())))
             for u in by_kind.get("unit", [])}
    people = {p["id"]: Person(p["id"], p["name"], p["unit"], p.get("position"), p.get("category"), bool(p.get("fictional")))
              for p in by_kind.get("person", [])}
    laws = {
        x["id"]: Law(x["id"], x["kind"], x["number"], x["name"], x.get("issuer"), dt.date.fromisoformat(x["issued"]),
                     dt.date.fromisoformat(x["effective_from"]), _date(x.get("effective_to")), x.get("replaced_by"), x.get("note"))
        for x in by_kind.get("law", [])
    }
    campaigns = {c["id"]: campaign_from(c) for c in by_kind.get("campaign", [])}
    scales = {s["id"]: Scale(s["id"], s["name"], tuple(Level(v["id"], v["name"]) for v in s["levels"]))
              for s in by_kind.get("scale", [])}
    ratings = {
        r["id"]: Rating(r["id"], r["name"], r["year"], r["kept_by"], r["subjects"], r.get("scale"), r.get("measure"),
                        tuple(RatingEntry(e["subject"], e["value"], e.get("note")) for e in r["entries"]))
        for r in by_kind.get("rating", [])
    }
    return Registry(campaigns, units, people, laws, scales, ratings)
