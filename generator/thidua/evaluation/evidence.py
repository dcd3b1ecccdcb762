"""Read one evidence for one subject from the record of whoever owns the fact.

A fact that its owner has not recorded is unknown, never assumed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Registry
from ..model.campaign import Campaign, Evidence
from ..model.commune import Rating, RatingEntry
from ..model.records import Report
from ..text import decimal
from ..vocabulary import NomineeKind

_CASE_NAMES = {"ky-luat": "kỷ luật", "dieu-tra": "điều tra", "khieu-nai": "khiếu nại", "vi-pham-ky-cuong": "vi phạm kỷ cương"}


@dataclass(frozen=True)
class Fact:
    """The value of one evidence for one subject, with where it comes from."""

    evidence: str
    name: str
    value: str | float | None  # None: not known
    shown: str  # the value as a reader sees it
    source: str  # the record and its owner

    @property
    def known(self) -> bool:
        return self.value is not None


class EvidenceReader:
    """Facts of one campaign, read from the registry (no I/O, no clock)."""

    def __init__(self, registry: Registry, campaign: Campaign) -> None:
        self.registry = registry
        self.campaign = campaign
        self.period = (campaign.period_from or dt.date(campaign.year, 1, 1), campaign.period_to or dt.date(campaign.year, 12, 31))
        self._entries: dict[str, dict[str, RatingEntry]] = {}  # by rating, then subject: a province has thousands
        self._by_unit: dict[str, list[Report]] | None = None  # by unit
        self._sources: dict[tuple[str, str], str] = {}  # how each rating and discipline register is cited, by kind and id

    def _entry(self, rating: Rating, subject: str) -> RatingEntry | None:
        if rating.id not in self._entries:  # reversed: the first entry of a subject stays, as a scan would find
            self._entries[rating.id] = {entry.subject: entry for entry in reversed(rating.entries)}
        return self._entries[rating.id].get(subject)

    def _owner(self, unit: str) -> str:
        found = self.registry.units.get(unit)
        return found.name if found else unit

    def read(self, evidence: Evidence, kind: str, subject: str) -> Fact:
        """The fact for a nominee of ``kind`` with id ``subject``."""
        if evidence.source == "rating":
            return self._rating(evidence, kind, subject)
        if evidence.source == "discipline":
            return self._discipline(evidence, kind, subject)
        return self._reports(evidence, kind, subject)

    def _rating(self, evidence: Evidence, kind: str, subject: str) -> Fact:
        rating = self.registry.ratings[evidence.source_id or ""]
        target = self.campaign.issuer if evidence.subject == "issuer" else subject
        if ("rating", rating.id) not in self._sources:
            self._sources["rating", rating.id] = f"{rating.name}, do {self._owner(rating.kept_by)} giữ"
        source = self._sources["rating", rating.id]
        wanted = "units" if evidence.subject == "issuer" or kind == NomineeKind.COLLECTIVE else "people"
        entry = self._entry(rating, target) if rating.subjects == wanted else None
        if entry is None:
            return Fact(evidence.id, evidence.name, None, "chưa có kết quả", source)
        if isinstance(entry.value, str):
            scale = self.registry.scales.get(rating.scale or "")
            level = scale.level(entry.value) if scale else None
            return Fact(evidence.id, evidence.name, entry.value, level.name if level else entry.value, source)
        shown = decimal(entry.value) + (f" {rating.measure}" if rating.measure else "")
        return Fact(evidence.id, evidence.name, float(entry.value), shown, source)

    def _discipline(self, evidence: Evidence, kind: str, subject: str) -> Fact:
        register = self.registry.discipline[evidence.source_id or ""]
        if ("discipline", register.id) not in self._sources:
            self._sources["discipline", register.id] = (
                f"{register.name}, do {self._owner(register.kept_by)} giữ, cập nhật đến {register.as_of:%d/%m/%Y}"
            )
        source = self._sources["discipline", register.id]
        start, end = self.period
        if register.period_from > start or register.period_to < end:
            return Fact(evidence.id, evidence.name, None, "sổ không bao trùm thời gian tính thành tích", source)
        if evidence.subject == "members":
            people = {p.id for p in self.registry.members_of(subject)} if kind == NomineeKind.COLLECTIVE else set()
        else:
            people = {subject} if kind == NomineeKind.INDIVIDUAL else set()
        units = {subject} if kind == NomineeKind.COLLECTIVE else set()
        counted = [
            c
            for c in register.cases
            if (c.person in people or c.unit in units)
            and c.overlaps(start, end)
            and (not evidence.case_kinds or c.kind in evidence.case_kinds)
        ]
        if not counted:
            return Fact(evidence.id, evidence.name, 0.0, "không có trường hợp nào", source)
        kinds = sorted({_CASE_NAMES[c.kind] for c in counted})
        return Fact(evidence.id, evidence.name, float(len(counted)), f"{len(counted)} trường hợp ({', '.join(kinds)})", source)

    def _reports(self, evidence: Evidence, kind: str, subject: str) -> Fact:
        unit = subject if kind == NomineeKind.COLLECTIVE else self.registry.people[subject].unit
        if self._by_unit is None:
            self._by_unit = {}
            for report in self.registry.reports.get(self.campaign.id, ()):
                self._by_unit.setdefault(report.unit, []).append(report)
        reports = self._by_unit.get(unit, [])
        source = f"báo cáo kết quả của {self._owner(unit)}"
        if not reports:
            return Fact(evidence.id, evidence.name, None, "đơn vị chưa có báo cáo kết quả", source)
        start, end = self.period
        items = [
            i for r in reports for i in r.items if start <= i.date <= end and (not evidence.tasks or i.task in evidence.tasks)
        ]
        return Fact(
            evidence.id, evidence.name, float(len(items)), f"{len(items)} kết quả trong thời gian tính thành tích", source
        )
