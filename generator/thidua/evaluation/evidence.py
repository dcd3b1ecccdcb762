"""Read one evidence for one subject from the record of whoever owns the fact.

A fact that its owner has not recorded is unknown, never assumed. Everything dated (report lines,
discipline cases, items of a register) counts only inside the campaign's window; an award counts for the
campaign the plan names, whatever day its decision is signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Registry
from ..model.campaign import AwardSource, Campaign, Evidence
from ..model.commune import Item, Person, Rating, RatingEntry
from ..model.records import Decision, Report
from ..text import decimal, table_date
from ..vocabulary import NomineeKind
from .principles import Principles

_CASE_NAMES = {"ky-luat": "kỷ luật", "dieu-tra": "điều tra", "khieu-nai": "khiếu nại", "vi-pham-ky-cuong": "vi phạm kỷ cương"}


@dataclass(frozen=True)
class Fact:
    """The value of one evidence for one subject, with where it comes from."""

    evidence: str
    name: str
    value: str | float | None  # None: not known
    shown: str  # the value as a reader sees it
    source: str  # the record and its owner
    items: tuple[Item, ...] = ()  # dated items behind the value (a register's, awards held), in the window
    complete: bool = True  # False: the owner's record does not yet cover the whole window (more may come)
    none: bool = False  # known to have no value at all (no item in a complete register): below any minimum

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass
class Outcomes:
    """Who holds each award of the campaigns evaluated so far: this one's as its awards are selected, earlier ones'."""

    held: dict[tuple[str, str], dict[str, dt.date]] = field(default_factory=dict)  # (campaign, award) -> holder -> date
    evaluated: set[tuple[str, str]] = field(default_factory=set)  # (campaign, award) already selected
    undecided: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # nominees who may still be selected


@dataclass(frozen=True)
class _Grants:
    """What the decisions of one campaign grant, by (award, nominee)."""

    any: bool  # at least one decision granting awards
    granted: dict[tuple[str, str], list[tuple[Decision, str]]]  # the decision and the nomination it grants
    revoked: set[tuple[str, str]]
    nominated: set[tuple[str, str]]


class EvidenceReader:
    """Facts of one campaign, read from the registry (no I/O, no clock)."""

    def __init__(
        self, registry: Registry, campaign: Campaign, as_of: dt.date | None = None, outcomes: Outcomes | None = None
    ) -> None:
        self.registry = registry
        self.campaign = campaign
        self.window = campaign.window
        self.as_of = as_of
        self.outcomes = outcomes or Outcomes()
        self._entries: dict[str, dict[str, RatingEntry]] = {}  # by rating, then subject: a province has thousands
        self._by_unit: dict[str, list[Report]] | None = None  # by unit
        self._sources: dict[tuple[str, str], str] = {}  # how each rating and discipline register is cited, by kind and id
        self._grants: dict[str, _Grants] = {}  # by campaign
        self.principles = Principles(registry, campaign, as_of)
        self._cases: dict[str, dict[tuple[str, str], list[int]]] = {}  # case positions by register, person or unit

    def _by_then(self, day: dt.date) -> bool:
        """Whether something dated ``day`` had happened by the day of evaluation (what comes later is not known yet)."""
        return self.as_of is None or day <= self.as_of

    def known(self, rating: Rating) -> bool:
        """Whether a rating is known on the day of evaluation: the decision it was made by is not dated after it."""
        return rating.document is None or self._by_then(rating.document.date)

    def entry(self, rating: Rating, subject: str) -> RatingEntry | None:
        if not self.known(rating):
            return None
        if rating.id not in self._entries:  # reversed: the first entry of a subject stays, as a scan would find
            self._entries[rating.id] = {entry.subject: entry for entry in reversed(rating.entries)}
        return self._entries[rating.id].get(subject)

    def owner(self, unit: str) -> str:
        found = self.registry.units.get(unit)
        return found.name if found else unit

    def read(self, evidence: Evidence, kind: NomineeKind, subject: str) -> Fact:
        """The fact for a nominee of ``kind`` with id ``subject``."""
        if evidence.source == "rating":
            return self._rating(evidence, kind, subject)
        if evidence.source == "discipline":
            return self._discipline(evidence, kind, subject)
        if evidence.source == "items":
            return self._items(evidence, kind, subject)
        if evidence.source == "awards":
            return self._awards(evidence, subject)
        return self._reports(evidence, kind, subject)

    def _rating(self, evidence: Evidence, kind: NomineeKind, subject: str) -> Fact:
        rating = self.registry.ratings[evidence.source_id or ""]
        target = self.campaign.issuer if evidence.subject == "issuer" else subject
        if ("rating", rating.id) not in self._sources:
            cited = f", theo {rating.document.cited()}" if rating.document else ""
            self._sources["rating", rating.id] = f"{rating.name}, do {self.owner(rating.kept_by)} giữ{cited}"
        source = self._sources["rating", rating.id]
        if not self.known(rating):
            return Fact(evidence.id, evidence.name, None, "chưa có kết quả vào ngày xét (văn bản ban hành sau)", source)
        wanted = "units" if evidence.subject == "issuer" or kind == NomineeKind.COLLECTIVE else "people"
        entry = self.entry(rating, target) if rating.subjects == wanted else None
        if entry is None:
            return Fact(evidence.id, evidence.name, None, "chưa có kết quả", source)
        if isinstance(entry.value, str):
            scale = self.registry.scales.get(rating.scale or "")
            level = scale.level(entry.value) if scale else None
            return Fact(evidence.id, evidence.name, entry.value, level.name if level else entry.value, source)
        shown = decimal(entry.value) + (f" {rating.measure}" if rating.measure else "")
        return Fact(evidence.id, evidence.name, float(entry.value), shown, source)

    def _discipline(self, evidence: Evidence, kind: NomineeKind, subject: str) -> Fact:
        register = self.registry.discipline[evidence.source_id or ""]
        if ("discipline", register.id) not in self._sources:
            self._sources["discipline", register.id] = (
                f"{register.name}, do {self.owner(register.kept_by)} giữ, cập nhật đến {register.as_of:%d/%m/%Y}"
            )
        source = self._sources["discipline", register.id]
        if register.period_from > self.window.first_day or register.period_to < self.window.last_day:
            return Fact(evidence.id, evidence.name, None, "sổ không bao trùm thời gian tính thành tích", source)
        if evidence.subject == "members":
            people = {p.id for p in self.registry.members_of(subject)} if kind == NomineeKind.COLLECTIVE else set()
        else:
            people = {subject} if kind == NomineeKind.INDIVIDUAL else set()
        units = {subject} if kind == NomineeKind.COLLECTIVE else set()
        if register.id not in self._cases:  # by person and by unit, once: a province's register is read 10,000 times
            found: dict[tuple[str, str], list[int]] = {}
            for index, case in enumerate(register.cases):
                if case.person is not None:
                    found.setdefault(("person", case.person), []).append(index)
                if case.unit is not None:
                    found.setdefault(("unit", case.unit), []).append(index)
            self._cases[register.id] = found
        by_subject = self._cases[register.id]
        wanted = [("person", p) for p in people] + [("unit", u) for u in units]
        counted = [
            c
            for c in (register.cases[i] for i in sorted({i for who in wanted for i in by_subject.get(who, ())}))
            if self.window.overlaps(c.start, c.end)
            and self._by_then(c.start)
            and (not evidence.case_kinds or c.kind in evidence.case_kinds)
        ]
        if not counted:
            return Fact(evidence.id, evidence.name, 0.0, "không có trường hợp nào", source)
        kinds = sorted({_CASE_NAMES[c.kind] for c in counted})
        return Fact(evidence.id, evidence.name, float(len(counted)), f"{len(counted)} trường hợp ({', '.join(kinds)})", source)

    def _reports(self, evidence: Evidence, kind: NomineeKind, subject: str) -> Fact:
        unit = subject if kind == NomineeKind.COLLECTIVE else self.registry.people[subject].unit
        if self._by_unit is None:
            self._by_unit = {}
            for report in self.registry.reports.get(self.campaign.id, ()):
                if self._by_then(report.date):  # a report sent later is not known yet
                    self._by_unit.setdefault(report.unit, []).append(report)
        reports = self._by_unit.get(unit, [])
        source = f"báo cáo kết quả của {self.owner(unit)}"
        if not reports:
            return Fact(evidence.id, evidence.name, None, "đơn vị chưa có báo cáo kết quả", source)
        lines = [
            i
            for r in reports
            for i in r.items
            if self.window.contains(i.date) and (not evidence.tasks or i.task in evidence.tasks)
        ]
        # Each report line is an item of its own, so that a plan counting each once can give it to one criterion.
        items = tuple(
            Item(f"{unit}/{i.id}", unit, i.task, i.title, i.date, self.owner(unit), None, None, None, f"bao-cao/{unit}")
            for i in lines
        )
        shown = f"{len(lines)} kết quả trong thời gian tính thành tích"
        return Fact(evidence.id, evidence.name, float(len(lines)), shown, source, items)

    def _items(self, evidence: Evidence, kind: NomineeKind, subject: str) -> Fact:
        """Items of a register for the subject, in the window and of the kinds and levels the plan counts."""
        register = self.registry.registers[evidence.source_id or ""]
        source = f"{register.name}, do {self.owner(register.kept_by)} giữ, cập nhật đến {table_date(register.as_of)}"
        if register.subjects != ("units" if kind == NomineeKind.COLLECTIVE else "people"):
            return Fact(evidence.id, evidence.name, None, "sổ không ghi minh chứng cho đối tượng này", source)
        items = tuple(
            item
            for item in register.by_subject.get(subject, ())
            if self.window.contains(item.date)
            and self._by_then(item.date)
            and (not evidence.item_kinds or item.kind in evidence.item_kinds)
            and (not evidence.levels or item.level in evidence.levels)
        )
        complete = min(register.as_of, self.as_of or register.as_of) >= self.window.last_day
        if evidence.best:
            values = [item.value for item in items if item.value is not None]
            if not values:  # nothing at all in a complete register is known; items without a value are not
                none = complete and not items
                shown = "không có minh chứng nào" if none else "minh chứng chưa ghi giá trị" if items else "chưa có minh chứng"
                return Fact(evidence.id, evidence.name, None, shown, source, (), complete, none=none)
            best = max(values)
            return Fact(
                evidence.id, evidence.name, best, decimal(best), source, tuple(i for i in items if i.value == best), complete
            )
        shown = f"{len(items)} minh chứng trong thời gian tính thành tích"
        return Fact(evidence.id, evidence.name, float(len(items)), shown, source, items, complete)

    def _awards(self, evidence: Evidence, subject: str) -> Fact:
        """Whether the subject holds an award: this campaign's as selected, another's as decided (or computed)."""
        award_source = evidence.awards
        assert award_source is not None  # an awards evidence names its award
        campaign_id = award_source.campaign or self.campaign.id
        other = self.registry.campaigns.get(campaign_id)
        award = other.award(award_source.award) if other else None
        title = award.name if award else award_source.award
        if award_source.campaign and award_source.decided:
            return self._decided(evidence, award_source, subject, title)
        key = (campaign_id, award_source.award)
        source = f"kết quả xét {title}" + (
            f" của phong trào {other.name} {other.year}" if other and award_source.campaign else ""
        )
        if key not in self.outcomes.evaluated:
            return Fact(evidence.id, evidence.name, None, "chưa có kết quả xét", source)
        held = self.outcomes.held.get(key, {})
        if subject in self.outcomes.undecided.get(key, set()):
            return Fact(
                evidence.id, evidence.name, None, "chưa có kết quả cuối cùng (đang chờ căn cứ, hội đồng hoặc chỉ tiêu)", source
            )
        if subject not in held:
            return Fact(evidence.id, evidence.name, 0.0, "không", source)
        item = Item(f"{campaign_id}/{award_source.award}", subject, "khen-thuong", title, held[subject], "", None, None, None)
        return Fact(evidence.id, evidence.name, 1.0, "có", source, (item,))

    def _decided(self, evidence: Evidence, award_source: AwardSource, subject: str, title: str) -> Fact:
        """An award of another campaign, as its decisions grant it, whatever day they are signed (the plan names the
        campaign, hence the year). A revoked grant does not count; a nomination that may still win and that no
        decision grants yet is not yet known (each unit of that campaign may decide on its own day)."""
        campaign_id = award_source.campaign or ""
        grants = self._grants_of(campaign_id)
        source = f"quyết định khen thưởng {title}"
        key = (award_source.award, subject)
        items = tuple(
            Item(f"{d.id}/{nomination}", subject, "khen-thuong", title, d.date, d.number or "", None, None, d.file)
            for d, nomination in grants.granted.get(key, ())
        )
        if items:
            return Fact(evidence.id, evidence.name, float(len(items)), "có", source, items)
        if key in grants.revoked:
            return Fact(evidence.id, evidence.name, 0.0, "không (quyết định khen thưởng đã bị hủy bỏ)", source)
        computed = (campaign_id, award_source.award)
        may_win = (
            subject in self.outcomes.held.get(computed, {}) or subject in self.outcomes.undecided.get(computed, set())
            if computed in self.outcomes.evaluated
            else key in grants.nominated
        )
        if may_win:
            why = (
                "chưa có quyết định khen thưởng cho đề nghị này" if grants.any else "phong trào đó chưa có quyết định khen thưởng"
            )
            return Fact(evidence.id, evidence.name, None, why, source)
        return Fact(evidence.id, evidence.name, 0.0, "không", source)

    def _grants_of(self, campaign_id: str) -> _Grants:
        """The grants of a campaign's decisions signed by the day of evaluation, by award and nominee (once per campaign)."""
        if campaign_id not in self._grants:
            decisions = [d for d in self.registry.decisions.get(campaign_id, ()) if self.as_of is None or d.date <= self.as_of]
            revoked = {(r.decision, r.nomination) for d in decisions if d.kind == "huy-bo" for r in d.revokes}
            nominee = {n.id: (n.award, n.nominee) for n in self.registry.nominations.get(campaign_id, ())}
            found = _Grants(any(d.kind == "khen-thuong" for d in decisions), {}, set(), set(nominee.values()))
            for d in decisions:
                for g in d.awards if d.kind == "khen-thuong" else ():
                    if g.nomination not in nominee or nominee[g.nomination][0] != g.award:
                        continue
                    if (d.id, g.nomination) in revoked:
                        found.revoked.add(nominee[g.nomination])
                    else:
                        found.granted.setdefault(nominee[g.nomination], []).append((d, g.nomination))
            self._grants[campaign_id] = found
        return self._grants[campaign_id]

    def person(self, ident: str) -> Person | None:
        return self.registry.people.get(ident)
