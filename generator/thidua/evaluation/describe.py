"""The plan's rules in words: how each criterion is checked, naming its evidence and whose record it comes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Registry
from ..model.amounts import Amount, in_force, money
from ..model.campaign import (
    AllOf,
    AnyOf,
    AtLeast,
    Award,
    Campaign,
    Compare,
    Evidence,
    Fallback,
    HasAttribute,
    Members,
    Rule,
    Threshold,
    ValueRanking,
)
from ..model.commune import Rating
from ..text import decimal, dong, table_date
from ..vocabulary import NomineeKind, Standing
from .findings import ATTRIBUTE_NAMES, ROUNDING_NAMES


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
        return _describe_members(rule, campaign)
    if isinstance(rule, HasAttribute):
        values = ", ".join(campaign.value_name(rule.attribute, v) for v in rule.values)
        return f"{campaign.attribute_name(rule.attribute)} là một trong: {values}."
    return _describe_comparison(rule, campaign, registry)


def describe_ranking(ranking: ValueRanking, campaign: Campaign) -> str:
    """``theo Điểm trung bình tích lũy, cao nhất trước, trong từng Ngành; bằng nhau thì hội đồng quyết định``."""
    evidence = campaign.evidence_named(ranking.evidence)
    per = campaign.attribute_name(ranking.per) if ranking.per else None
    order = "cao nhất trước" if ranking.highest else "thấp nhất trước"
    group = f", trong từng nhóm {per.lower()} (số lượng khen tính cho mỗi nhóm)" if per else ""
    who = tie_words(campaign, "").who
    return f"theo {evidence.name if evidence else ranking.evidence}, {order}{group}; bằng nhau ở ngưỡng thì {who} quyết định"


def _describe_members(rule: Members, campaign: Campaign) -> str:
    """``Có ít nhất 10% (làm tròn lên) thành viên … giữ danh hiệu «…», không tính …``."""
    share = (
        f"ít nhất {decimal(rule.min_share)}%" + (f" ({ROUNDING_NAMES[rule.rounding]})" if rule.rounding else "")
        if rule.min_share is not None
        else ""
    )
    wanted = " và ".join(x for x in (share, _count(rule.min_count)) if x)
    whom = ("đơn vị cấp dưới" if rule.count == "units" else "thành viên") + (
        " (kể cả của các đơn vị cấp dưới)" if rule.scope == "all" and rule.count == "people" else ""
    )
    if rule.criterion:
        criterion = campaign.criterion(rule.criterion)
        what = f"đạt tiêu chí cá nhân «{criterion.text if criterion else rule.criterion}»"
    else:
        evidence = campaign.evidence_named(rule.holds or "")
        what = f"giữ «{evidence.name if evidence else rule.holds}» (người đang bị kỷ luật, điều tra, khiếu nại không được tính)"
    left_out = f"; không tính vào mẫu số: {', '.join(map(campaign.status_name, rule.excluding))}" if rule.excluding else ""
    return f"Có {wanted} {whom} {what}{left_out}."


def _count(threshold: Threshold | None) -> str:
    if threshold is None:
        return ""
    if threshold.target is not None:
        return f"ít nhất chỉ tiêu của đơn vị × {decimal(threshold.times)} ({ROUNDING_NAMES[threshold.rounding or 'down']})"
    return f"ít nhất {decimal(threshold.default or 0)} người" if threshold.by is None else "ít nhất số người theo bảng"


def _describe_comparison(rule: Compare, campaign: Campaign, registry: Registry) -> str:
    """How one comparison is checked: its conditions, then whose record the fact comes from."""
    evidence = next(e for e in campaign.evidence if e.id == rule.evidence)
    rating = registry.ratings.get(evidence.source_id or "") if evidence.source == "rating" else None
    scale = registry.scales.get(rating.scale or "") if rating else None

    def level_name(ident: str) -> str:
        level = scale.level(ident) if scale else None
        return level.name if level else ident

    def bound(threshold: Threshold, word: str) -> str:
        if threshold.target is not None:
            target = registry.ratings.get(threshold.target)
            return (
                f"{word} {target.name if target else threshold.target} × {decimal(threshold.times)} "
                f"({ROUNDING_NAMES[threshold.rounding or 'down']})"
            )
        if threshold.by is None:
            return f"{word} {decimal(threshold.default or 0)}"
        by = threshold.by
        per = ", ".join(f"{group_name(campaign, registry, by, key)}: {decimal(value)}" for key, value in threshold.values)
        rest = f", các trường hợp khác: {decimal(threshold.default)}" if threshold.default is not None else ""
        group = ATTRIBUTE_NAMES.get(by) or campaign.attribute_name(by).lower()
        return f"{word} theo {group} ({per}{rest})"

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
    if evidence.source == "items":
        items = registry.registers.get(evidence.source_id or "")
        kinds = f", loại {', '.join(evidence.item_kinds)}" if evidence.item_kinds else ""
        levels = f", cấp {', '.join(evidence.levels)}" if evidence.levels else ""
        return f" (theo {items.name if items else evidence.source_id}{kinds}{levels}, trong thời gian tính thành tích)"
    if evidence.awards is not None:
        source = evidence.awards
        other = registry.campaigns.get(source.campaign or "")
        how = "theo quyết định khen thưởng" if source.campaign and source.decided else "theo kết quả xét"
        return f" ({how}{' của phong trào ' + other.name + ' ' + str(other.year) if other else ''})"
    return " (theo báo cáo kết quả của đơn vị)"


def group_name(campaign: Campaign, registry: Registry, by: str | None, key: str) -> str:
    """How a reader sees a group a threshold or a ranking is keyed by: a unit's name, an attribute value's name."""
    if by == "unit":
        unit = registry.units.get(key)
        return unit.name if unit else key
    return campaign.value_name(by, key) if by else key


def ranking_group_name(campaign: Campaign, registry: Registry, award: str, kind: str, group: str | None) -> str | None:
    """The name of a group an award is ranked in apart: a unit under its target, a value of the ranking's attribute."""
    found = campaign.award(award)
    if group is None or found is None:
        return group
    if any(k == kind and quota.target is not None for k, quota in found.quota):
        return group_name(campaign, registry, "unit", group)
    per = found.ranking.per if isinstance(found.ranking, ValueRanking) else None
    return group_name(campaign, registry, per, group)


@dataclass(frozen=True)
class TieWords:
    """How a tie at the cut-off is spoken of: on votes before a council, on values before whoever has authority."""

    equal: str  # "Bằng phiếu", "Bằng nhau"
    who: str  # "hội đồng", "người có thẩm quyền"
    where: str  # where the choice is recorded
    settled: str  # "hội đồng đã kết luận", "người có thẩm quyền đã chọn"


def tie_words(campaign: Campaign, award: str) -> TieWords:
    found = campaign.award(award)
    by_votes = campaign.council and not (found is not None and isinstance(found.ranking, ValueRanking))
    equal = "Bằng phiếu" if by_votes else "Bằng nhau"  # without a council nobody votes
    if campaign.council:
        return TieWords(equal, "hội đồng", "ghi vào resolutions của phiên họp", "hội đồng đã kết luận")
    return TieWords(equal, "người có thẩm quyền", "ghi vào quyết định khen thưởng", "người có thẩm quyền đã chọn")


def standing_label(campaign: Campaign, award: str, standing: Standing) -> str:
    """A standing as a reader sees it; a tie says what is equal and who decides."""
    if standing != Standing.TIE:
        return standing.label
    words = tie_words(campaign, award)
    return f"{words.equal}, chờ {words.who} quyết định"


def describe_money(award: Award, registry: Registry, day: dt.date) -> str | None:
    """``cá nhân: 0,3 lần Mức lương cơ sở = 702.000 đồng; tập thể: … (theo Nghị định …; chưa kiểm chứng …)``, or None."""
    if award.amount is None:
        return None
    rule = in_force(registry.amounts, award.amount, day)
    if rule is None or rule.of is None:
        return f"theo mức «{award.amount}», chưa có mức áp dụng ngày {table_date(day)}"
    base = in_force(registry.amounts, rule.of, day)
    parts = []
    for kind, factor in rule.times:
        found = money(registry.amounts, award.amount, kind, day)
        worth = f" = {dong(found.total)} đồng" if found else ""
        parts.append(f"{NomineeKind(kind).label}: {decimal(factor)} lần {base.name.lower() if base else rule.of}{worth}")
    cited = [_cite(registry, a) for a in (rule, base) if a is not None]
    unchecked = not rule.checked or (base is not None and not base.checked)
    return "; ".join(parts) + f" (theo {', '.join(cited)}" + ("; chưa kiểm chứng với văn bản gốc)" if unchecked else ")")


def _cite(registry: Registry, amount: Amount) -> str:
    law = registry.laws.get(amount.law)
    where = f"{law.kind} {law.number}" if law else amount.law
    return f"{amount.article} {where}" if amount.article else where
