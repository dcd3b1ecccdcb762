"""The commune around a campaign: laws, units, people (public fields only), scales and ratings."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from .amounts import Amount


@dataclass(frozen=True)
class Provision:
    """One rule of a legal text that thidua applies, with the steps of the procedure it is the basis of."""

    id: str
    article: str
    says: str
    steps: tuple[str, ...]
    checked: bool  # article and content compared with the original text
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
    sets: tuple[Amount, ...] = ()  # amounts this text sets (a base salary, the money of an award)
    provisions: tuple[Provision, ...] = ()

    def in_force(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


@dataclass(frozen=True)
class Letterhead:
    """How a unit is named at the top left of its documents (Nghị định 30/2020): lines the unit writes itself."""

    name: tuple[str, ...] = ()  # its own name, in capitals, line by line
    authority: str | None = None  # the line above it (the body it belongs to)
    short: str | None = None  # how its sub-units name it on their authority line


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str
    parent: str | None
    head: str | None
    owners: tuple[str, ...]
    fictional: bool = False
    letterhead: Letterhead = Letterhead()
    print_offset: tuple[float, float] = (0.0, 0.0)  # mm (right, down) the printer needs on pre-printed certificates


@dataclass(frozen=True)
class Status:
    """A status with its dates (thôi học, bảo lưu, không tham gia…)."""

    status: str
    start: dt.date
    end: dt.date | None

    def on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True)
class Person:
    """The public side of a person; private fields are deliberately absent."""

    id: str
    name: str
    unit: str
    position: str | None
    category: str | None
    fictional: bool
    attributes: tuple[tuple[str, str], ...] = ()
    statuses: tuple[Status, ...] = ()

    def attribute(self, name: str) -> str | None:
        return dict(self.attributes).get(name)

    def status_on(self, day: dt.date) -> str | None:
        """The status the person is in on ``day``, if any (the first listed, if several)."""
        return next((s.status for s in self.statuses if s.on(day)), None)


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
        place = self.rank.get(ident)
        return None if place is None else self.levels[place]

    @functools.cached_property
    def rank(self) -> dict[str, int]:
        """Each level's place, best first (0), as a scan from the top finds it."""
        return {level.id: place for place, level in reversed(list(enumerate(self.levels)))}  # reversed: the first stays


@dataclass(frozen=True)
class RatingEntry:
    subject: str
    value: str | float
    note: str | None


@dataclass(frozen=True)
class DocRef:
    """An official document cited: a plan's basis, the decision behind a rating."""

    kind: str
    number: str
    date: dt.date
    issuer: str | None
    title: str | None

    def cited(self) -> str:
        """``Quyết định số 198/QĐ-UBND ngày 03/12/2025``."""
        return f"{self.kind} số {self.number} ngày {self.date:%d/%m/%Y}"


def doc_ref(data: dict[str, str] | None) -> DocRef | None:
    """A cited document from its record fields (kind, number, date, issuer, title), or None."""
    if not data:
        return None
    return DocRef(data["kind"], data["number"], dt.date.fromisoformat(data["date"]), data.get("issuer"), data.get("title"))


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
    document: DocRef | None = None  # the decision the rating was made by: not known before its date


@dataclass(frozen=True)
class Item:
    """One dated piece of evidence (a certificate, a prize, a transcript line) from a register."""

    id: str
    subject: str
    kind: str
    name: str
    date: dt.date
    issuer: str
    level: str | None
    value: float | None
    file: str | None
    register: str = ""

    @property
    def key(self) -> str:
        """Unique among every item a plan reads: ids are unique within one register only."""
        return f"{self.register}/{self.id}"


@dataclass(frozen=True)
class Register:
    """Identified, dated evidence kept by a unit; complete up to ``as_of``."""

    id: str
    name: str
    kept_by: str
    subjects: str  # "people" or "units"
    as_of: dt.date
    items: tuple[Item, ...]

    @functools.cached_property
    def by_subject(self) -> dict[str, tuple[Item, ...]]:
        grouped: dict[str, list[Item]] = {}
        for item in self.items:
            grouped.setdefault(item.subject, []).append(item)
        return {subject: tuple(items) for subject, items in grouped.items()}
