"""The evaluation as a readable terminal report, in Vietnamese."""

from __future__ import annotations

from ..evaluation.describe import ranking_group_name, standing_label, tie_words
from ..evaluation.results import AwardResult, CampaignResult, NominationResult
from ..model import Registry
from ..model.campaign import Campaign
from ..text import decimal, lower_first, table_date
from ..vocabulary import CriterionState, NomineeKind
from .result_json import counts

_MARK = {CriterionState.NOT_MET: "✗ không đạt", CriterionState.UNKNOWN: "? chưa đủ căn cứ"}


def _name(registry: Registry, kind: NomineeKind, ident: str) -> str:
    return registry.units[ident].name if kind == NomineeKind.COLLECTIVE else registry.people[ident].name


def render_text(registry: Registry, result: CampaignResult) -> str:
    """The whole report of one campaign: its state, each award's ranking, each nomination, the decisions."""
    c = result.campaign
    n = counts(result)
    days = result.days_left
    if days is None or c.deadline is None:
        deadline = "kế hoạch không đặt hạn nộp hồ sơ"
    else:
        left = f"còn {days} ngày" if days > 0 else "hôm nay là hạn chót" if days == 0 else f"đã quá hạn {-days} ngày"
        deadline = f"hạn nộp hồ sơ {table_date(c.deadline)} ({left})"
    lines = [
        f"Phong trào “{c.name}” năm {c.year} — tính đến ngày {table_date(result.as_of)}",
        f"Tình trạng: {lower_first(result.state.label)}; {deadline}.",
        f"Hồ sơ: {n['nominations']} đề nghị, {n['dossiers_sent']} đã nộp, {n['complete']} đầy đủ, "
        f"{n['eligible']} đủ điều kiện, {n['winners']} được chọn; {n['units_taking_part']} đơn vị tham gia.",
    ]
    for award in result.awards:
        lines += _award_lines(registry, result, award)
    lines += ["", "Từng hồ sơ:"]
    for r in result.nominations:
        lines += _nomination_lines(registry, result.campaign, r)
    if result.granted:
        lines += ["", "Quyết định:"]
        for g in result.granted:
            revoked = f" — ĐÃ HỦY BỎ theo {g.revoked_by}: {g.revoked_reason}" if g.revoked_by else ""
            lines.append(f"- {g.nomination} ({g.award}) theo {g.decision}{revoked}")
    lines += [f"⚠ {d}" for d in result.differences]
    return "\n".join(lines) + "\n"


def _award_lines(registry: Registry, result: CampaignResult, award: AwardResult) -> list[str]:
    """One award for one kind of nominee: who passed the council, in rank order; ties and the council's resolution."""
    name = result.campaign.award(award.award).name  # type: ignore[union-attr]
    group = ranking_group_name(result.campaign, registry, award.award, award.kind, award.group)
    count = "chưa có số suất" if award.quota is None else f"{award.quota:02d} suất"
    lines = ["", f"{name} — {award.kind.label}{f' — {group}' if group else ''} ({count})"]
    if not award.ranked and award.quota is not None:
        passed = "qua biểu quyết của hội đồng" if result.campaign.council else "đủ điều kiện"
        lines.append(f"  Chưa có hồ sơ nào {passed}.")
    words = tie_words(result.campaign, award.award)
    for rank, ident in enumerate(award.ranked, 1):
        r = result.result(ident)
        vote = f"{r.vote.in_favour}/{r.vote.denominator} phiếu" if r.vote else "chưa biểu quyết"
        facts = ([vote] if result.campaign.council else []) + ([f"{decimal(r.points)} điểm"] if r.points is not None else [])
        lines.append(
            f"  {rank}. {_name(registry, r.nomination.kind, r.nomination.nominee)} ({ident})"
            + (f": {', '.join(facts)}" if facts else "")
            + f" — {standing_label(result.campaign, award.award, r.outcome)}"
        )
    if award.tied:
        lines.append(
            f"  ⚠ {words.equal} ở ngưỡng: {', '.join(award.tied)}. {words.who.capitalize()} cần quyết định ({words.where})."
        )
    if award.resolution:
        lines.append(f"  {'Kết luận của hội đồng' if result.campaign.council else 'Quyết định'}: {award.resolution}")
    return lines + [f"  ⚠ {p}" for p in award.problems]


def _nomination_lines(registry: Registry, campaign: Campaign, r: NominationResult) -> list[str]:
    """One nomination: where it stands, the criteria it does not (yet) meet, and why."""
    label = standing_label(campaign, r.nomination.award, r.outcome)
    lines = [f"- {r.nomination.id}: {_name(registry, r.nomination.kind, r.nomination.nominee)} — {label}"]
    if r.criteria:
        met = sum(criterion.outcome.state == CriterionState.MET for criterion in r.criteria)
        lines.append(f"    Đạt {met}/{len(r.criteria)} tiêu chí.")
    for criterion in r.criteria:
        if criterion.outcome.state != CriterionState.MET:
            mark = _MARK.get(criterion.outcome.state, "?")
            required = "" if criterion.mandatory else " (không bắt buộc)"
            lines.append(f"    {mark} {criterion.criterion}{required}: {criterion.outcome.reason}")
    lines += [f"    • {reason}" for reason in r.reasons]
    if r.dossier.disagreement:
        lines.append(f"    ⚠ {r.dossier.disagreement}")
    return lines
