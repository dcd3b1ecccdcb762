"""The domain as frozen dataclasses, built from records that passed validation.

Plain dicts stop here. A person's private fields are never copied into the
model, so nothing downstream (evaluation, rendering) can publish them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..vocabulary import NomineeKind
from .amounts import Amount, amount_from
from .campaign import Campaign, _date, campaign_from
from .commune import Item, Law, Letterhead, Level, Person, Provision, Rating, RatingEntry, Register, Scale, Status, Unit, doc_ref
from .records import (
    Council,
    CouncilMeeting,
    Decision,
    DisciplineRegister,
    Nomination,
    Posting,
    Report,
    council_from,
    decision_from,
    discipline_from,
    meeting_from,
    nomination_from,
    posting_from,
    report_from,
)
from .stories import Story, story_from


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class ValidRecord(Protocol):
    """What the model is built from: a record that passed validation, its kind and its data (validation's Record is one)."""

    @property
    def kind(self) -> _Named: ...

    @property
    def data(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Registry:
    """Everything the later stages read, by id."""

    campaigns: dict[str, Campaign]
    units: dict[str, Unit]
    people: dict[str, Person]
    laws: dict[str, Law]
    scales: dict[str, Scale]
    ratings: dict[str, Rating]
    discipline: dict[str, DisciplineRegister] = field(default_factory=dict)
    councils: dict[str, Council] = field(default_factory=dict)
    reports: dict[str, tuple[Report, ...]] = field(default_factory=dict)  # by campaign
    nominations: dict[str, tuple[Nomination, ...]] = field(default_factory=dict)  # by campaign
    meetings: dict[str, tuple[CouncilMeeting, ...]] = field(default_factory=dict)  # by campaign
    decisions: dict[str, tuple[Decision, ...]] = field(default_factory=dict)  # by campaign, those with a number
    drafts: dict[str, tuple[Decision, ...]] = field(default_factory=dict)  # by campaign: decisions without a number yet
    stories: dict[str, Story] = field(default_factory=dict)  # exemplary people and deeds, by id
    registers: dict[str, Register] = field(default_factory=dict)  # dated evidence items, by register
    postings: dict[str, tuple[Posting, ...]] = field(default_factory=dict)  # lists posted for opinions, by campaign

    @functools.cached_property
    def amounts(self) -> tuple[Amount, ...]:
        """Every amount the legal texts set, in id order of the texts."""
        return tuple(a for _, law in sorted(self.laws.items()) for a in law.sets)

    def members_of(self, unit: str) -> tuple[Person, ...]:
        """The people of a unit, in id order."""
        return self._members.get(unit, ())

    @functools.cached_property
    def _members(self) -> dict[str, tuple[Person, ...]]:
        grouped: dict[str, list[Person]] = {}
        for _, person in sorted(self.people.items()):
            grouped.setdefault(person.unit, []).append(person)
        return {unit: tuple(people) for unit, people in grouped.items()}

    def children(self, unit: str) -> list[str]:
        """The units directly below a unit, in id order."""
        return self._children.get(unit, [])

    def descendants(self, unit: str) -> list[str]:
        """Every unit below a unit, level by level, each level in id order."""
        found: list[str] = []
        level = self.children(unit)
        while level:
            found += level
            level = [child for u in level for child in self.children(u) if child not in found]
        return found

    @functools.cached_property
    def _children(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for ident, unit in sorted(self.units.items()):
            if unit.parent:
                grouped.setdefault(unit.parent, []).append(ident)
        return grouped

    def nominee(self, n: Nomination) -> tuple[str, str]:
        """The name of a nomination's nominee and the unit it belongs to (itself, for a collective)."""
        if n.kind == NomineeKind.COLLECTIVE:
            return self.units[n.nominee].name, n.nominee
        person = self.people[n.nominee]
        return person.name, person.unit

    def news(self, as_of: dt.date, unit: str | None = None) -> tuple[Story, ...]:
        """Stories published by ``as_of`` (none dated later is known yet), newest first (then by id), of one unit or
        of all."""
        chosen = (s for s in self.stories.values() if s.date <= as_of and (unit is None or s.unit == unit))
        return tuple(sorted(chosen, key=lambda s: (-s.date.toordinal(), s.id)))


def registry_from(records: Iterable[ValidRecord]) -> Registry:
    """The domain model of a tree that validated without problems."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_kind.setdefault(record.kind.name, []).append(record.data)
    units = {u["id"]: _unit(u) for u in by_kind.get("unit", [])}
    people = {p["id"]: _person(p) for p in by_kind.get("person", [])}
    laws = {
        x["id"]: Law(
            x["id"],
            x["kind"],
            x["number"],
            x["name"],
            x.get("issuer"),
            dt.date.fromisoformat(x["issued"]),
            dt.date.fromisoformat(x["effective_from"]),
            _date(x.get("effective_to")),
            x.get("replaced_by"),
            x.get("note"),
            tuple(amount_from(x["id"], a) for a in x.get("sets", ())),
            tuple(
                Provision(p["id"], p["article"], p["says"], tuple(p["steps"]), p["checked"], p.get("note"))
                for p in x.get("provisions", ())
            ),
        )
        for x in by_kind.get("law", [])
    }
    campaigns = {c["id"]: campaign_from(c) for c in by_kind.get("campaign", [])}
    scales = {
        s["id"]: Scale(s["id"], s["name"], tuple(Level(v["id"], v["name"]) for v in s["levels"]))
        for s in by_kind.get("scale", [])
    }
    ratings = {
        r["id"]: Rating(
            r["id"],
            r["name"],
            r["year"],
            r["kept_by"],
            r["subjects"],
            r.get("scale"),
            r.get("measure"),
            tuple(RatingEntry(e["subject"], e["value"], e.get("note")) for e in r["entries"]),
            doc_ref(r.get("document")),
        )
        for r in by_kind.get("rating", [])
    }
    return Registry(
        campaigns,
        units,
        people,
        laws,
        scales,
        ratings,
        discipline={d["id"]: discipline_from(d) for d in by_kind.get("discipline", [])},
        councils={c["id"]: council_from(c) for c in by_kind.get("council", [])},
        reports=_by_campaign(report_from(r) for r in by_kind.get("report", [])),
        nominations=_by_campaign(nomination_from(n) for n in by_kind.get("nomination", [])),
        meetings=_by_campaign(meeting_from(m) for m in by_kind.get("meeting", [])),
        decisions=_by_campaign(decision_from(d) for d in by_kind.get("decision", []) if "number" in d),
        drafts=_by_campaign(decision_from(d) for d in by_kind.get("decision", []) if "number" not in d),
        postings=_by_campaign(posting_from(x) for x in by_kind.get("posting", [])),
        stories={s["id"]: story_from(s) for s in sorted(by_kind.get("story", []), key=lambda s: str(s["id"]))},
        registers={r["id"]: _register(r) for r in by_kind.get("register", [])},
    )


def _unit(u: dict[str, Any]) -> Unit:
    head = u.get("letterhead", {})
    offset = u.get("print_offset", {"x": 0, "y": 0})
    return Unit(
        u["id"],
        u["name"],
        u["kind"],
        u.get("parent"),
        u.get("head"),
        tuple(u.get("owners", ())),
        bool(u.get("fictional")),
        Letterhead(tuple(head.get("name", ())), head.get("authority"), head.get("short")),
        (float(offset["x"]), float(offset["y"])),
    )


def _person(p: dict[str, Any]) -> Person:
    statuses = tuple(Status(s["status"], dt.date.fromisoformat(s["from"]), _date(s.get("to"))) for s in p.get("statuses", ()))
    return Person(
        p["id"],
        p["name"],
        p["unit"],
        p.get("position"),
        p.get("category"),
        bool(p.get("fictional")),
        tuple(sorted(p.get("attributes", {}).items())),
        statuses,
    )


def _register(r: dict[str, Any]) -> Register:
    items = tuple(
        Item(
            i["id"],
            i["subject"],
            i["kind"],
            i["name"],
            dt.date.fromisoformat(i["date"]),
            i["issuer"],
            i.get("level"),
            i.get("value"),
            i.get("file"),
            r["id"],
        )
        for i in r["items"]
    )
    return Register(r["id"], r["name"], r["kept_by"], r["subjects"], dt.date.fromisoformat(r["as_of"]), items)


def _by_campaign(items: Iterable[Any]) -> dict[str, tuple[Any, ...]]:
    """Group per-campaign records, each group in id order so that reading order never matters."""
    grouped: dict[str, list[Any]] = {}
    for item in items:
        grouped.setdefault(item.campaign, []).append(item)
    return {key: tuple(sorted(group, key=lambda x: x.id)) for key, group in sorted(grouped.items())}
