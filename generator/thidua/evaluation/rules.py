"""Criteria rules, checked in three values: met, not met, or not yet known.

Rules only read declared evidence through the EvidenceReader; nothing here is
evaluated as code. Every finding carries a Vietnamese reason and its facts.
"""

from __future__ import annotations

from ..model import Registry
from ..model.campaign import (
    AllOf,
    AnyOf,
    Campaign,
    Compare,
    Criterion,
    Evidence,
    Fallback,
    HasAttribute,
    Members,
    Rule,
    Threshold,
)
from ..text import decimal
from ..vocabulary import NomineeKind
from .describe import group_name
from .evidence import EvidenceReader, Fact
from .findings import ATTRIBUTE_NAMES, MET, NOT_MET, ROUNDING_NAMES, UNKNOWN, Finding, Subject, combined, rounded
from .members import count_members


class RuleChecker:
    """Checks a campaign's criteria for subjects, caching each (criterion, subject) finding."""

    def __init__(self, registry: Registry, campaign: Campaign, reader: EvidenceReader | None = None) -> None:
        self.registry = registry
        self.campaign = campaign
        self.reader = reader or EvidenceReader(registry, campaign)
        self.evidence = {e.id: e for e in campaign.evidence}
        self._cache: dict[tuple[str, str, str], Finding] = {}

    def subject(self, kind: NomineeKind, ident: str) -> Subject:
        if kind == NomineeKind.COLLECTIVE:
            unit = self.registry.units[ident]
            return Subject(kind, ident, unit.kind, None, ident)
        person = self.registry.people[ident]
        unit_kind = self.registry.units[person.unit].kind if person.unit in self.registry.units else None
        return Subject(kind, ident, unit_kind, person.category, person.unit, person.attributes)

    def criterion(self, criterion: Criterion, subject: Subject) -> Finding:
        key = (criterion.id, subject.kind, subject.id)
        if key not in self._cache:
            self._cache[key] = self.check(criterion.rule, subject)
        return self._cache[key]

    def check(self, rule: Rule, subject: Subject) -> Finding:
        if isinstance(rule, Compare):
            return self.compare(rule, subject)
        if isinstance(rule, Members):
            return count_members(self, rule, subject)
        if isinstance(rule, HasAttribute):
            return self._attribute(rule, subject)
        if isinstance(rule, Fallback):
            return self._fallback(rule, subject)
        inner = [self.check(r, subject) for r in rule.rules]
        need = len(inner) if isinstance(rule, AllOf) else 1 if isinstance(rule, AnyOf) else rule.count
        met = sum(o.state == MET for o in inner)
        head = f"đạt {met}/{len(inner)} điều kiện, cần {need}"
        reasons = "; ".join(o.reason for o in inner)
        details = tuple(line for o in inner for line in o.details)
        return Finding(
            combined(inner, need), f"{head[:1].upper()}{head[1:]}: {reasons}", tuple(f for o in inner for f in o.facts), details
        )

    def _fallback(self, rule: Fallback, subject: Subject) -> Finding:
        primary = self.check(rule.primary, subject)
        if primary.state == MET:
            return Finding(MET, f"Đạt theo nhóm chính: {primary.reason}", primary.facts, primary.details)
        otherwise = self.check(rule.otherwise, subject)
        facts, details = primary.facts + otherwise.facts, primary.details + otherwise.details
        if primary.state == NOT_MET:
            reason = f"Nhóm chính không đạt ({primary.reason}); xét nhóm thay thế: {otherwise.reason}"
            return Finding(otherwise.state, reason, facts, details)
        state = MET if otherwise.state == MET else UNKNOWN
        return Finding(state, f"Nhóm chính chưa đủ căn cứ ({primary.reason}); nhóm thay thế: {otherwise.reason}", facts, details)

    def _attribute(self, rule: HasAttribute, subject: Subject) -> Finding:
        name = self.campaign.attribute_name(rule.attribute)
        value = subject.attribute(rule.attribute)
        if value is None:
            return Finding(UNKNOWN, f"{name}: hồ sơ cá nhân chưa ghi")
        state = MET if value in rule.values else NOT_MET
        wanted = ", ".join(self.campaign.value_name(rule.attribute, v) for v in rule.values)
        shown = self.campaign.value_name(rule.attribute, value)
        return Finding(state, f"{name}: {shown}" + ("" if state == MET else f", không thuộc {wanted}"))

    def threshold(self, threshold: Threshold, subject: Subject) -> tuple[float | None, str]:
        """The limit for this subject, and how it was worked out when it was (a target times a factor, rounded)."""
        if threshold.target is not None:
            return self._target(threshold, subject)
        if threshold.by is None:
            return threshold.default, ""
        value = subject.attribute(threshold.by)
        return dict(threshold.values).get(value or "", threshold.default), ""

    def _target(self, threshold: Threshold, subject: Subject) -> tuple[float | None, str]:
        rating = self.registry.ratings[threshold.target or ""]
        entry = self.reader.entry(rating, subject.unit or "")
        if entry is None or isinstance(entry.value, str):
            return None, f"{rating.name} chưa có chỉ tiêu của đơn vị"
        limit = rounded(float(entry.value) * threshold.times, threshold.rounding)
        how = f"chỉ tiêu {decimal(float(entry.value))} × {decimal(threshold.times)} = {decimal(float(entry.value) * threshold.times)}"
        return float(limit), f"{how}, {ROUNDING_NAMES[threshold.rounding or 'down']} thành {limit}"

    def compare(self, rule: Compare, subject: Subject) -> Finding:
        evidence = self.evidence[rule.evidence]
        fact = self.reader.read(evidence, subject.kind, subject.id)
        where = f"{fact.name}: {fact.shown} (nguồn: {fact.source})"
        if fact.none:  # nothing at all in a complete record: short of any minimum, within any maximum
            return Finding(NOT_MET if rule.minimum is not None or rule.at_least or rule.one_of else MET, where, (fact,))
        if not fact.known:
            return Finding(UNKNOWN, where, (fact,))
        failures = self._level_failures(rule, evidence, fact) if rule.at_least or rule.one_of else []
        details: list[str] = []
        for bound, is_min in ((rule.minimum, True), (rule.maximum, False)):
            limit, how = self.threshold(bound, subject) if bound is not None else (None, "")
            details += [how] if how else []
            if bound is not None and limit is None:
                by = bound.by or ""
                group = ATTRIBUTE_NAMES.get(by, self.campaign.attribute_name(by).lower())
                value = subject.attribute(by)
                record = "hồ sơ cá nhân" if subject.kind == NomineeKind.INDIVIDUAL else "hồ sơ đơn vị"
                missing = how or (
                    f"{record} chưa ghi {group}"
                    if value is None
                    else f"kế hoạch không quy định ngưỡng cho {group} «{group_name(self.campaign, self.registry, by, value)}»"
                )
                return Finding(UNKNOWN, f"{where}; {missing}", (fact,))
            if limit is not None:
                failures += _bound_failures(float(fact.value or 0), limit, is_min)
        state = NOT_MET if failures else MET
        if not fact.complete and (state == NOT_MET) == (rule.minimum is not None):  # more items may still come
            return Finding(
                UNKNOWN, f"{where}; sổ minh chứng chưa cập nhật hết thời gian tính thành tích", (fact,), tuple(details)
            )
        return Finding(state, f"{where}: {'; '.join(failures)}" if failures else where, (fact,), tuple(details))

    def _level_failures(self, rule: Compare, evidence: Evidence, fact: Fact) -> list[str]:
        """How a rating level falls short of ``at_least`` or of the levels ``in`` names."""
        rating = self.registry.ratings[evidence.source_id or ""]
        rank = self.registry.scales[rating.scale or ""].rank
        failures = []
        if rule.at_least and rank[str(fact.value)] > rank[rule.at_least]:
            failures.append(f"chưa đạt mức «{self.level_name(rating.scale, rule.at_least)}»")
        if rule.one_of and fact.value not in rule.one_of:
            failures.append("không thuộc các mức " + ", ".join(f"«{self.level_name(rating.scale, x)}»" for x in rule.one_of))
        return failures

    def level_name(self, scale_id: str | None, level: str) -> str:
        scale = self.registry.scales.get(scale_id or "")
        found = scale.level(level) if scale else None
        return found.name if found else level


def _bound_failures(value: float, limit: float, is_min: bool) -> list[str]:
    if is_min and value < limit:
        return [f"dưới mức tối thiểu {decimal(limit)}"]
    if not is_min and value > limit:
        return ["phải bằng 0" if limit == 0 else f"vượt mức tối đa {decimal(limit)}"]
    return []
