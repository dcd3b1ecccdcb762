"""Criteria rules, checked in three values: met, not met, or not yet known.

Rules only read declared evidence through the EvidenceReader; nothing here is
evaluated as code. Every outcome carries a Vietnamese reason and its facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Registry
from ..model.campaign import AllOf, AnyOf, AtLeast, Campaign, Compare, Criterion, Evidence, Fallback, Members, Rule, Threshold
from ..model.commune import Rating
from ..text import decimal
from ..vocabulary import CriterionState, NomineeKind
from .evidence import EvidenceReader, Fact

ATTRIBUTE_NAMES = {"unit_kind": "loại đơn vị", "category": "đối tượng", "unit": "đơn vị"}


@dataclass(frozen=True)
class Subject:
    """A collective (a unit) or an individual (a person), with the attributes thresholds may depend on."""

    kind: NomineeKind
    id: str
    unit_kind: str | None
    category: str | None
    unit: str | None

    def attribute(self, name: str) -> str | None:
        return {"unit_kind": self.unit_kind, "category": self.category, "unit": self.unit}[name]


@dataclass(frozen=True)
class Finding:
    """What checking a rule (or a criterion) for one subject found: its state, why, and the facts read."""

    state: CriterionState
    reason: str
    facts: tuple[Fact, ...] = ()


def _combine(outcomes: list[Finding]) -> tuple[Fact, ...]:
    return tuple(f for o in outcomes for f in o.facts)


class RuleChecker:
    """Checks a campaign's criteria for subjects, caching each (criterion, subject) result."""

    def __init__(self, registry: Registry, campaign: Campaign) -> None:
        self.registry = registry
        self.campaign = campaign
        self.reader = EvidenceReader(registry, campaign)
        self.evidence = {e.id: e for e in campaign.evidence}
        self._cache: dict[tuple[str, str, str], Finding] = {}

    def subject(self, kind: NomineeKind, ident: str) -> Subject:
        if kind == NomineeKind.COLLECTIVE:
            unit = self.registry.units[ident]
            return Subject(kind, ident, unit.kind, None, ident)
        person = self.registry.people[ident]
        unit_kind = self.registry.units[person.unit].kind if person.unit in self.registry.units else None
        return Subject(kind, ident, unit_kind, person.category, person.unit)

    def criterion(self, criterion: Criterion, subject: Subject) -> Finding:
        key = (criterion.id, subject.kind, subject.id)
        if key not in self._cache:
            self._cache[key] = self.check(criterion.rule, subject)
        return self._cache[key]

    def check(self, rule: Rule, subject: Subject) -> Finding:
        if isinstance(rule, Compare):
            return self._compare(rule, subject)
        if isinstance(rule, Members):
            return self._members(rule, subject)
        if isinstance(rule, Fallback):
            return self._fallback(rule, subject)
        inner = [self.check(r, subject) for r in rule.rules]
        met = sum(o.state == CriterionState.MET for o in inner)
        unknown = sum(o.state == CriterionState.UNKNOWN for o in inner)
        need = len(inner) if isinstance(rule, AllOf) else 1 if isinstance(rule, AnyOf) else rule.count
        if met >= need:
            state = CriterionState.MET
        elif met + unknown >= need:
            state = CriterionState.UNKNOWN
        else:
            state = CriterionState.NOT_MET
        head = f"đạt {met}/{len(inner)} điều kiện, cần {need}"
        reasons = "; ".join(o.reason for o in inner)
        return Finding(state, f"{head[:1].upper()}{head[1:]}: {reasons}", _combine(inner))

    def _fallback(self, rule: Fallback, subject: Subject) -> Finding:
        primary = self.check(rule.primary, subject)
        if primary.state == CriterionState.MET:
            return Finding(CriterionState.MET, f"Đạt theo nhóm chính: {primary.reason}", primary.facts)
        otherwise = self.check(rule.otherwise, subject)
        facts = primary.facts + otherwise.facts
        if primary.state == CriterionState.NOT_MET:
            return Finding(
                otherwise.state, f"Nhóm chính không đạt ({primary.reason}); xét nhóm thay thế: {otherwise.reason}", facts
            )
        state = CriterionState.MET if otherwise.state == CriterionState.MET else CriterionState.UNKNOWN
        return Finding(state, f"Nhóm chính chưa đủ căn cứ ({primary.reason}); nhóm thay thế: {otherwise.reason}", facts)

    def _threshold(self, threshold: Threshold, subject: Subject) -> float | None:
        if threshold.by is None:
            return threshold.default
        value = subject.attribute(threshold.by)
        return dict(threshold.values).get(value or "", threshold.default)

    def _compare(self, rule: Compare, subject: Subject) -> Finding:
        evidence = self.evidence[rule.evidence]
        fact = self.reader.read(evidence, subject.kind, subject.id)
        where = f"{fact.name}: {fact.shown} (nguồn: {fact.source})"
        if not fact.known:
            return Finding(CriterionState.UNKNOWN, where, (fact,))
        failures = self._level_failures(rule, evidence, fact) if rule.at_least or rule.one_of else []
        for bound, is_min in ((rule.minimum, True), (rule.maximum, False)):
            limit = self._threshold(bound, subject) if bound is not None else None
            if bound is not None and limit is None:
                group = ATTRIBUTE_NAMES.get(bound.by or "", "")
                return Finding(
                    CriterionState.UNKNOWN,
                    f"{where}; kế hoạch không quy định ngưỡng cho {group} «{subject.attribute(bound.by or '')}»",
                    (fact,),
                )
            if limit is not None:
                failures += _bound_failures(float(fact.value or 0), limit, is_min)
        if failures:
            return Finding(CriterionState.NOT_MET, f"{where}: {'; '.join(failures)}", (fact,))
        return Finding(CriterionState.MET, where, (fact,))

    def _level_failures(self, rule: Compare, evidence: Evidence, fact: Fact) -> list[str]:
        """How a rating level falls short of ``at_least`` or of the levels ``in`` names."""
        rating = self.registry.ratings[evidence.source_id or ""]
        rank = self.registry.scales[rating.scale or ""].rank
        failures = []
        if rule.at_least and rank[str(fact.value)] > rank[rule.at_least]:
            failures.append(f"chưa đạt mức «{self._level_name(rating.scale, rule.at_least)}»")
        if rule.one_of and fact.value not in rule.one_of:
            failures.append("không thuộc các mức " + ", ".join(f"«{self._level_name(rating.scale, x)}»" for x in rule.one_of))
        return failures

    def _level_name(self, scale_id: str | None, level: str) -> str:
        scale = self.registry.scales.get(scale_id or "")
        found = scale.level(level) if scale else None
        return found.name if found else level

    def _members(self, rule: Members, subject: Subject) -> Finding:
        criterion = self.campaign.criterion(rule.criterion)
        assert criterion is not None  # the validator checks that the criterion exists
        members = self.registry.members_of(subject.id)
        if not members:
            return Finding(CriterionState.UNKNOWN, "Tập thể chưa có danh sách thành viên trong records/people")
        outcomes = [self.criterion(criterion, self.subject(NomineeKind.INDIVIDUAL, p.id)) for p in members]
        met = sum(o.state == CriterionState.MET for o in outcomes)
        unknown = sum(o.state == CriterionState.UNKNOWN for o in outcomes)
        total = len(members)

        def enough(count: int) -> bool:
            share_ok = rule.min_share is None or count * 100 >= rule.min_share * total
            count_ok = rule.min_count is None or count >= rule.min_count
            return share_ok and count_ok

        wanted = " và ".join(
            x
            for x in (
                f"ít nhất {decimal(rule.min_share)}% thành viên" if rule.min_share is not None else "",
                f"ít nhất {rule.min_count} thành viên" if rule.min_count is not None else "",
            )
            if x
        )
        reason = f"{met}/{total} thành viên đạt tiêu chí «{criterion.text}» ({unknown} chưa đủ căn cứ); cần {wanted}"
        state = CriterionState.MET if enough(met) else CriterionState.UNKNOWN if enough(met + unknown) else CriterionState.NOT_MET
        return Finding(state, reason)


def _bound_failures(value: float, limit: float, is_min: bool) -> list[str]:
    if is_min and value < limit:
        return [f"dưới mức tối thiểu {decimal(limit)}"]
    if not is_min and value > limit:
        return ["phải bằng 0" if limit == 0 else f"vượt mức tối đa {decimal(limit)}"]
    return []


def describe(rule: Rule, campaign: Campaign, registry: Registry) -> str:
    """A Vietnamese sentence saying how a rule is checked, naming its evidence and its owner."""
    if isinstance(rule, (AllOf, AnyOf, AtLeast)):
        parts = [describe(inner, campaign, registry) for inner in rule.rules]
        head = (
            "Đạt tất cả"
            if isinstance(rule, AllOf)
            else "Đạt ít nhất một"
            if isinstance(rule, AnyOf)
            else f"Đạt ít nhất {rule.count}"
        )
        return f"{head} trong các điều kiện: " + " ".join(parts)
    if isinstance(rule, Fallback):
        return (
            f"Xét nhóm chính: {describe(rule.primary, campaign, registry)} "
            f"Nếu nhóm chính không đạt, xét nhóm thay thế: {describe(rule.otherwise, campaign, registry)}"
        )
    if isinstance(rule, Members):
        criterion = campaign.criterion(rule.criterion)
        wanted = " và ".join(
            x
            for x in (
                f"ít nhất {decimal(rule.min_share)}%" if rule.min_share is not None else "",
                f"ít nhất {rule.min_count} người" if rule.min_count is not None else "",
            )
            if x
        )
        return f"Có {wanted} thành viên đạt tiêu chí cá nhân «{criterion.text if criterion else rule.criterion}»."
    return _describe_comparison(rule, campaign, registry)


def _describe_comparison(rule: Compare, campaign: Campaign, registry: Registry) -> str:
    """How one comparison is checked: its conditions, then whose record the fact comes from."""
    evidence = next(e for e in campaign.evidence if e.id == rule.evidence)
    rating = registry.ratings.get(evidence.source_id or "") if evidence.source == "rating" else None
    scale = registry.scales.get(rating.scale or "") if rating else None

    def level_name(ident: str) -> str:
        level = scale.level(ident) if scale else None
        return level.name if level else ident

    def bound(threshold: Threshold, word: str) -> str:
        if threshold.by is None:
            return f"{word} {decimal(threshold.default or 0)}"
        per = ", ".join(f"{key}: {decimal(value)}" for key, value in threshold.values)
        rest = f", các trường hợp khác: {decimal(threshold.default)}" if threshold.default is not None else ""
        return f"{word} theo {ATTRIBUTE_NAMES[threshold.by]} ({per}{rest})"

    conditions = []
    if rule.at_least:
        conditions.append(f"từ mức «{level_name(rule.at_least)}» trở lên")
    if rule.one_of:
        conditions.append("thuộc một trong các mức " + ", ".join(f"«{level_name(x)}»" for x in rule.one_of))
    if rule.minimum is not None:
        conditions.append(bound(rule.minimum, "không dưới"))
    if rule.maximum is not None:
        plain_zero = rule.maximum.by is None and rule.maximum.default == 0
        conditions.append("bằng 0" if plain_zero else bound(rule.maximum, "không quá"))
    return f"{evidence.name}: {' và '.join(conditions)}{_source_text(evidence, rating, registry)}."


def _source_text(evidence: Evidence, rating: Rating | None, registry: Registry) -> str:
    """`` (theo …, do … giữ)``: whose record a fact is read from."""
    if rating is not None:
        owner = registry.units.get(rating.kept_by)
        return f" (theo {rating.name}{', do ' + owner.name + ' giữ' if owner else ''})"
    if evidence.source == "discipline":
        register = registry.discipline.get(evidence.source_id or "")
        return f" (theo {register.name})" if register else ""
    return " (theo báo cáo kết quả của đơn vị)"
