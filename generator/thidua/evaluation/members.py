"""A collective criterion counted over its members: how many people (or sub-units) meet an individual criterion or
hold a title, out of a denominator that leaves out declared statuses, against a share rounded as the plan says."""

from __future__ import annotations

from typing import Protocol

from ..model import Registry
from ..model.campaign import Campaign, Criterion, Evidence, Members, Threshold
from ..text import decimal, name_sort_key
from ..vocabulary import NomineeKind
from .evidence import EvidenceReader
from .findings import MET, NOT_MET, ROUNDING_NAMES, UNKNOWN, Finding, Subject, combined, rounded


class Checks(Protocol):
    """What counting members needs of the rule checker."""

    registry: Registry
    campaign: Campaign
    reader: EvidenceReader
    evidence: dict[str, Evidence]

    def subject(self, kind: NomineeKind, ident: str) -> Subject: ...

    def criterion(self, criterion: Criterion, subject: Subject) -> Finding: ...

    def threshold(self, threshold: Threshold, subject: Subject) -> tuple[float | None, str]: ...


def population(registry: Registry, unit: str, count: str, scope: str) -> list[tuple[NomineeKind, str]]:
    """The members a collective is counted over: its people (or its sub-units), directly or down every level."""
    units = [unit] + (registry.descendants(unit) if scope == "all" else [])
    if count == "units":
        below = registry.descendants(unit) if scope == "all" else registry.children(unit)
        return [(NomineeKind.COLLECTIVE, u) for u in below]
    return [(NomineeKind.INDIVIDUAL, p.id) for u in units for p in registry.members_of(u)]


def count_members(c: Checks, rule: Members, subject: Subject) -> Finding:
    """Met when enough members meet the criterion or hold the title; the details say who, out of what, and why."""
    members = population(c.registry, subject.id, rule.count, rule.scope)
    day = c.campaign.window.last_day
    excluded: dict[str, int] = {}
    counted: list[tuple[NomineeKind, str]] = []
    for kind, ident in members:
        person = c.registry.people.get(ident) if kind == NomineeKind.INDIVIDUAL else None
        status = person.status_on(day) if person else None
        if status is not None and status in rule.excluding:
            excluded[status] = excluded.get(status, 0) + 1
        else:
            counted.append((kind, ident))
    noun = "đơn vị" if rule.count == "units" else "thành viên"
    if not counted:
        return Finding(UNKNOWN, f"Tập thể chưa có {noun} nào để tính")
    findings = [_member(c, rule, kind, ident) for kind, ident in counted]
    need, how = _need(c, rule, subject, len(counted))
    if need is None:
        return Finding(UNKNOWN, how)
    met = [ident for (_, ident), f in zip(counted, findings, strict=True) if f.state == MET]
    unknown = sum(f.state == UNKNOWN for f in findings)
    what = _what(c, rule)
    reason = f"{len(met)}/{len(counted)} {noun} {what} ({unknown} chưa đủ căn cứ); cần ít nhất {need}" + (
        f" ({how})" if how else ""
    )
    details = [f"Mẫu số: {len(counted)} {noun}{_left_out(c, excluded, noun)}"]
    if met:  # who counted (a status left out of the denominator is only counted: it can be personal)
        details.append(f"{noun.capitalize()} {what}: {', '.join(_names(c.registry, counted, met))}")
    return Finding(combined(findings, need), reason, details=tuple(details))


def _left_out(c: Checks, excluded: dict[str, int], noun: str) -> str:
    """`` (không tính 1 thành viên: thôi học)``, `` (không tính 3 thành viên: 1 thôi học, 2 bảo lưu kết quả học tập)``."""
    if not excluded:
        return ""
    names = [(n, c.campaign.status_name(status)) for status, n in sorted(excluded.items())]
    why = names[0][1] if len(names) == 1 else ", ".join(f"{n} {name}" for n, name in names)
    return f" (không tính {sum(excluded.values())} {noun}: {why})"


def _member(c: Checks, rule: Members, kind: NomineeKind, ident: str) -> Finding:
    """One member: meets the individual criterion, or holds the title (never while barred by discipline or complaint)."""
    criterion = c.campaign.criterion(rule.criterion or "")
    if criterion is not None:
        return c.criterion(criterion, c.subject(kind, ident))
    evidence = c.evidence[rule.holds or ""]
    fact = c.reader.read(evidence, kind, ident)
    if not fact.known:
        return Finding(UNKNOWN, fact.shown)
    if not fact.value:
        return Finding(NOT_MET, fact.shown)
    if c.reader.principles.blocks(kind, ident, [("ngày xét", c.reader.as_of or c.campaign.window.last_day)]):
        return Finding(NOT_MET, "không được tính: đang bị kỷ luật, điều tra hoặc khiếu nại")
    return Finding(MET, fact.shown)


def _need(c: Checks, rule: Members, subject: Subject, denominator: int) -> tuple[int | None, str]:
    """How many members must count, from the share (rounded as the plan says) and the minimum count; and how."""
    need, lines = 0, []
    if rule.min_share is not None:
        exact = rule.min_share * denominator / 100
        need = rounded(exact, rule.rounding)
        lines.append(
            f"{decimal(rule.min_share)}% × {denominator} = {decimal(round(exact, 4))}, "
            f"{ROUNDING_NAMES[rule.rounding or 'down']} thành {need}"
        )
    if rule.min_count is not None:
        limit, how = c.threshold(rule.min_count, subject)
        if limit is None:
            return None, how or "kế hoạch không quy định số thành viên tối thiểu cho tập thể này"
        lines += [how] if how else []
        need = max(need, int(limit))
    return need, "; ".join(lines)


def _what(c: Checks, rule: Members) -> str:
    if rule.criterion:
        criterion = c.campaign.criterion(rule.criterion)
        return f"đạt tiêu chí «{criterion.text if criterion else rule.criterion}»"
    evidence = c.evidence[rule.holds or ""]
    return f"giữ «{evidence.name}»"


def _names(registry: Registry, counted: list[tuple[NomineeKind, str]], met: list[str]) -> list[str]:
    kinds = dict((ident, kind) for kind, ident in counted)
    names = [registry.people[i].name if kinds[i] == NomineeKind.INDIVIDUAL else registry.units[i].name for i in met]
    return sorted(names, key=name_sort_key)
