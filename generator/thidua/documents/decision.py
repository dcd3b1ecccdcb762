"""The Quyết định khen thưởng with its Danh sách kèm theo, and the Giấy khen of each awardee, from a decision record."""

from __future__ import annotations

from typing import Any

from ..evaluation.results import CampaignResult
from ..model import Registry
from ..model.campaign import Campaign
from ..model.records import Decision, Nomination
from ..text import dong, table_date
from ..vocabulary import NomineeKind
from .facts import (
    BLANK,
    Gaps,
    Planned,
    basis_lines,
    campaign_phrase,
    count_text,
    decision_symbol,
    letterhead,
    number_text,
    place_date,
    signer_block,
    upper,
)

DEFAULT_RECIPIENTS = ("Như Điều 3;", "Lưu: VT.")


def _issuer(c: Campaign, d: Decision) -> str:
    return d.issuer or c.issuer


def _where(d: Decision) -> tuple[str, str, str | None]:
    return ("decision", d.id, d.campaign)


def _awardee(registry: Registry, n: Nomination) -> tuple[str, str]:
    """The awardee's name as a document writes it, and the unit line under it."""
    if n.kind == NomineeKind.COLLECTIVE:
        unit = registry.units[n.nominee]
        parent = registry.units.get(unit.parent or "")
        return f"Tập thể {unit.name}", parent.name if parent else ""
    person = registry.people[n.nominee]
    return person.name, registry.units[person.unit].name


def _award_names(c: Campaign, d: Decision) -> str:
    """The awards a decision grants, by name, in the plan's order."""
    granted = {g.award for g in d.awards}
    return ", ".join(a.name for a in c.awards if a.id in granted) or ", ".join(sorted(granted))


def _missing_awardees(result: CampaignResult, decisions: list[Decision]) -> dict[str, list[str]]:
    """Nominations the council chose that no decision of the campaign names, given to the latest decision to grant."""
    named = {g.nomination for d in decisions for g in d.awards}
    chosen = [w for a in result.awards for w in a.winners if w not in named]
    granting = [d for d in decisions if d.kind == "khen-thuong"]
    if not granting or not chosen:
        return {}
    latest = max(granting, key=lambda d: (d.date, d.id))
    return {latest.id: chosen}


def _annex(registry: Registry, c: Campaign, d: Decision, number: str, gaps: Gaps) -> dict[str, Any]:
    nominations = {n.id: n for n in registry.nominations.get(c.id, ())}
    ordered = sorted(d.awards, key=lambda grant: nominations[grant.nomination].kind != NomineeKind.COLLECTIVE)
    rows, total, counts = [], 0, {NomineeKind.COLLECTIVE: 0, NomineeKind.INDIVIDUAL: 0}
    for place, grant in enumerate(ordered, start=1):
        n = nominations[grant.nomination]
        name, unit = _awardee(registry, n)
        award = c.award(grant.award)
        rows.append(
            {
                "index": place,
                "name": name,
                "unit": unit,
                "award": award.name if award else grant.award,
                "amount": dong(grant.amount) if grant.amount is not None else "",
            }
        )
        total += grant.amount or 0
        counts[n.kind] += 1
    return {
        "issuer": " ".join(letterhead(registry, _issuer(c, d))["body"]),
        "title": f"Tập thể, cá nhân được tặng {_award_names(c, d)}",
        "attached": f"(Kèm theo Quyết định số {number} ngày {table_date(d.date)})",
        "rows": rows,
        "total": f"Tổng cộng: {dong(total)} đồng." if total else "",
        "sum": total,
        "count": f"(Danh sách có {count_text(counts[NomineeKind.COLLECTIVE], counts[NomineeKind.INDIVIDUAL])}.)",
        "counts": counts,
    }


def _articles(c: Campaign, d: Decision, annex: dict[str, Any]) -> list[dict[str, str]]:
    counts = annex["counts"]
    articles = [
        {
            "head": "Điều 1.",
            "text": f"Tặng {_award_names(c, d)} cho {count_text(counts[NomineeKind.COLLECTIVE], counts[NomineeKind.INDIVIDUAL])} "
            f"(có danh sách kèm theo) đã có thành tích trong {campaign_phrase(c)}.",
        }
    ]
    if annex["total"]:
        articles.append(
            {
                "head": "Điều 2.",
                "text": f"Các tập thể, cá nhân được tặng kèm tiền thưởng theo danh sách kèm theo; tổng số tiền: {dong(annex['sum'])} đồng.",
            }
        )
    articles.append(
        {
            "head": f"Điều {len(articles) + 1}.",
            "text": "Quyết định này có hiệu lực kể từ ngày ký. Các tập thể, cá nhân có tên tại Điều 1 và các cơ quan, đơn vị "
            "liên quan chịu trách nhiệm thi hành Quyết định này./.",
        }
    )
    return articles


def _council_basis(registry: Registry, c: Campaign, d: Decision) -> list[str]:
    """«Xét đề nghị của Hội đồng … tại Biên bản họp số … ngày …»: the latest session held by the decision's day."""
    sessions = [m for m in registry.meetings.get(c.id, ()) if m.date <= d.date]
    if not sessions:
        return []
    m = max(sessions, key=lambda s: (s.date, s.id))
    council = registry.councils.get(m.council)
    name = council.name if council else m.council
    minutes = (
        f"Biên bản họp số {m.minutes_number} ngày {table_date(m.date)}"
        if m.minutes_number
        else f"phiên họp ngày {table_date(m.date)}"
    )
    return [f"Xét đề nghị của {name} tại {minutes}."]


def decision_documents(registry: Registry, result: CampaignResult) -> list[Planned]:
    """The Quyết định (with its list) of every granting decision of the campaign, drafts included, and the Giấy khen
    of each of its awardees (awards revoked since are left out)."""
    c = result.campaign
    decisions = sorted(registry.decisions.get(c.id, ()) + registry.drafts.get(c.id, ()), key=lambda d: d.id)
    missing = _missing_awardees(result, list(decisions))
    revoked = {(r.decision, r.nomination) for d in decisions for r in d.revokes}
    found: list[Planned] = []
    for d in decisions:
        if d.kind != "khen-thuong":
            continue
        gaps = Gaps()
        if d.number is None:
            gaps.add(
                *_where(d),
                ("number",),
                "quyết định chưa có số, ký hiệu (number): văn bản là bản dự thảo; khi văn thư vào số, hãy ghi number, ví dụ 215/QĐ-UBND.",
            )
        number = number_text(d.number, decision_symbol(c))
        signer = signer_block(registry, d.signer, gaps, _where(d), ("signer",))
        award = c.award(d.awards[0].award) if d.awards else None
        issued_as = d.issued_as or (upper(award.conferred_by) if award and award.conferred_by else None)
        if issued_as is None:
            issued_as = gaps.add(
                *_where(d),
                ("issued_as",),
                "quyết định chưa ghi thẩm quyền ban hành: hãy ghi issued_as, ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ (tên xã, viết hoa).",
            )
        shared = tuple(gaps.found)  # what the certificates share with the decision
        for nomination in missing.get(d.id, ()):
            gaps.add(
                *_where(d),
                ("awards",),
                f"Hội đồng đã chọn hồ sơ {nomination} nhưng quyết định không có tên trong danh sách (awards); hãy thêm "
                "nếu quyết định đã ký có tên, hoặc ghi kết luận của hội đồng. Danh sách không tự thêm tên.",
            )
        annex = _annex(registry, c, d, number, gaps)
        issuer = _issuer(c, d)
        head = letterhead(registry, issuer)
        context = {
            "head": head,
            "number": number,
            "place_date": place_date(c, d.date),
            "subject": f"Về việc tặng {_award_names(c, d)} cho tập thể, cá nhân có thành tích trong {campaign_phrase(c)}",
            "issued_as": issued_as,
            "basis": basis_lines(registry, c, d.date) + _council_basis(registry, c, d),
            "articles": _articles(c, d, annex),
            "recipients": list(d.recipients or DEFAULT_RECIPIENTS),
            "signer": signer,
            "annex": annex,
            "sample": d.fictional,
        }
        author = registry.units[issuer].name
        found.append(
            Planned(
                c.id,
                f"quyet-dinh-{d.id}",
                "quyet-dinh.docx",
                f"Quyết định số {number} kèm danh sách",
                context,
                d.date,
                author,
                tuple(gaps.found),
                fictional=d.fictional,
                decision=d.id,
            )
        )
        found += _certificates(registry, c, d, number, issued_as, signer, shared, revoked)
    return found


def _certificates(
    registry: Registry,
    c: Campaign,
    d: Decision,
    number: str,
    issued_as: str,
    signer: dict[str, Any],
    gaps: tuple[Any, ...],
    revoked: set[tuple[str, str]],
) -> list[Planned]:
    """Each awardee's Giấy khen, whole (A4 landscape) and as fields for the pre-printed blank."""
    nominations = {n.id: n for n in registry.nominations.get(c.id, ())}
    issuer = registry.units[_issuer(c, d)]
    found = []
    for grant in d.awards:
        if (d.id, grant.nomination) in revoked:
            continue
        n = nominations[grant.nomination]
        name, unit = _awardee(registry, n)
        context = {
            "conferred_by": issued_as,
            "name": name,
            "unit": unit,
            "citation": f"Đã có thành tích trong {campaign_phrase(c)}.",
            "decision_line": f"Quyết định số {number} ngày {table_date(d.date)}",
            "book_line": f"Số vào sổ khen thưởng: {BLANK}",
            "place_date": place_date(c, d.date),
            "signer": signer,
            "sample": d.fictional or n.fictional,
        }
        for template, prefix, label in (
            ("giay-khen.docx", "giay-khen", "Giấy khen"),
            ("giay-khen-in-phoi.docx", "giay-khen-in-phoi", "Giấy khen (in lên phôi)"),
        ):
            found.append(
                Planned(
                    c.id,
                    f"{prefix}-{d.id}-{n.id}",
                    template,
                    f"{label}: {name}",
                    context,
                    d.date,
                    issuer.name,
                    gaps,
                    offset=issuer.print_offset if prefix == "giay-khen-in-phoi" else (0.0, 0.0),
                    fictional=d.fictional or n.fictional,
                    decision=d.id,
                    nomination=n.id,
                )
            )
    return found
