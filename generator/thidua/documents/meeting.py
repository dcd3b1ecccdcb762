"""The Biên bản họp of the emulation council, from a session's record: who came, the quorum, each vote, the resolutions."""

from __future__ import annotations

from typing import Any

from ..evaluation.council import vote_result
from ..evaluation.results import CampaignResult
from ..model import Registry
from ..model.records import Council, CouncilMeeting
from ..text import decimal
from .decision import _awardee
from .facts import ROLES, VOTE_MODES, Gaps, Planned, campaign_phrase, letterhead, number_text, person_block, written_date


def _member_line(registry: Registry, council: Council, person: str) -> str:
    role = next((m.role for m in council.members if m.person == person), None)
    name = registry.people[person].name if person in registry.people else person
    return f"- {name}, {ROLES.get(role or '', 'khách mời')};"


def _quorum(council: Council, m: CouncilMeeting) -> str:
    members = len(council.members)
    enough = len(m.present) * 100 > council.quorum_percent * members
    verdict = "đủ" if enough else "không đủ"
    return (
        f"Có mặt {len(m.present):02d}/{members:02d} thành viên Hội đồng; theo quy chế (có mặt trên "
        f"{decimal(council.quorum_percent)}% tổng số thành viên), phiên họp {verdict} số thành viên để biểu quyết."
    )


def _rule(council: Council) -> str:
    over = "từ" if council.inclusive else "trên"
    base = "tổng số thành viên Hội đồng" if council.denominator == "members" else "số thành viên có mặt"
    return f"hồ sơ được đề nghị khi có {over} {decimal(council.threshold_percent)}% {base} đồng ý"


def _votes(registry: Registry, council: Council, m: CouncilMeeting, campaign: str) -> tuple[list[dict[str, Any]], list[str]]:
    nominations = {n.id: n for n in registry.nominations.get(campaign, ())}
    rows, passed = [], []
    for index, vote in enumerate(m.votes, start=1):
        n = nominations.get(vote.nomination)
        name, _ = _awardee(registry, n) if n else (vote.nomination, "")
        tally = vote_result(council, m, vote.nomination)
        share = f"{decimal(round(tally.in_favour * 100 / tally.denominator, 1))}%" if tally and tally.denominator else ""
        verdict = "đạt" if tally and tally.passed else "không đạt"
        unit = registry.units[n.proposed_by].name if n else ""
        rows.append(
            {
                "index": index,
                "name": name,
                "unit": unit,
                "votes": f"{vote.in_favour:02d}/{tally.denominator:02d}" if tally else "",
                "share": f"{share} ({verdict})",
            }
        )
        if tally and tally.passed:
            passed.append(f"{name} ({vote.in_favour:02d}/{tally.denominator:02d} phiếu)")
    return rows, passed


def meeting_documents(registry: Registry, result: CampaignResult) -> list[Planned]:
    """One Biên bản per council session on the campaign."""
    c = result.campaign
    found = []
    for m in registry.meetings.get(c.id, ()):
        council = registry.councils[m.council]
        gaps = Gaps()
        where = ("meeting", m.id, m.campaign)
        if m.minutes_number is None:
            gaps.add(*where, ("minutes",), "biên bản phiên họp chưa có số: hãy ghi minutes.number, ví dụ 03/BB-HĐTĐKT.")
        rows, passed = _votes(registry, council, m, c.id)
        absent = [_member_line(registry, council, p) for p in m.absent]
        context = {
            "head": letterhead(registry, council.unit, own=council.name),
            "number": number_text(m.minutes_number, None),
            "subject": f"Họp xét khen thưởng trong {campaign_phrase(c)}",
            "opening": f"Hôm nay, {written_date(m.date)}, {council.name} họp xét các hồ sơ đề nghị khen thưởng trong "
            f"{campaign_phrase(c)}.",
            "attendance": [
                f"Chủ trì: {registry.people[m.chair].name if m.chair in registry.people else m.chair}.",
                f"Thư ký: {registry.people[m.secretary].name if m.secretary in registry.people else m.secretary}.",
                "Thành viên có mặt:",
                *[_member_line(registry, council, p) for p in m.present],
                *(["Thành viên vắng mặt:", *absent] if absent else []),
                _quorum(council, m),
            ],
            "agenda": [
                f"Hội đồng xem xét {len(m.votes):02d} hồ sơ đề nghị khen thưởng và biểu quyết bằng hình thức "
                f"{VOTE_MODES.get(council.vote_mode, council.vote_mode)}; theo quy chế, {_rule(council)}. Kết quả:",
            ],
            "votes": rows,
            "conclusions": (
                [f"Các hồ sơ đạt tỉ lệ phiếu đồng ý theo quy chế: {'; '.join(passed)}."]
                if passed
                else ["Không hồ sơ nào đạt tỉ lệ phiếu đồng ý theo quy chế."]
            )
            + [r.text for r in m.resolutions],
            "closing": "Biên bản được lập và thông qua tại phiên họp./.",
            "signer": person_block(registry, m.chair, "CHỦ TỌA"),
            "secretary": person_block(registry, m.secretary, "THƯ KÝ"),
            "sample": m.fictional,
        }
        found.append(
            Planned(
                c.id,
                f"bien-ban-{m.id}",
                "bien-ban-hoi-dong.docx",
                f"Biên bản họp {council.name} ngày {m.date:%d/%m/%Y}",
                context,
                m.date,
                council.name,
                tuple(gaps.found),
                fictional=bool(context["sample"]),
            )
        )
    return found
