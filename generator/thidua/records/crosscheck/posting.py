"""Checks of the public posting of a proposed list (công khai): the plan asks for it; the list names dossiers of the
campaign, posted after the council chose them; opinions are received from the day of posting and answered after; a
decision is signed only once the days for opinions are over, and only for dossiers that were posted."""

from __future__ import annotations

import datetime as dt

from ...model.campaign import posting_rule_from
from ...text import table_date
from ..record import Record
from .common import checks, day
from .lookup import Lookup


@checks("posting")
def check_posting(c: Lookup, r: Record) -> None:
    campaign = c.ref(r, ("campaign",), "campaign")
    if campaign is not None and "posting" not in campaign.data:
        c.add(
            r,
            ("campaign",),
            "posting-undeclared",
            f"Kế hoạch «{campaign.id}» không quy định công khai danh sách; hãy thêm posting (số ngày, nơi công khai, "
            "đơn vị nhận ý kiến) vào kế hoạch, hoặc bỏ tệp này.",
        )
    posted = day(r.data["date"])
    listed = r.data["nominations"]
    for i, _ in enumerate(listed):
        c.ref(r, ("nominations", i), "nomination", r.scope)
    chosen_on = [
        d
        for m in c.of_kind("meeting", r.scope)
        if set(listed) & {v["nomination"] for v in m.data["votes"]}
        if (d := day(m.data["date"]))
    ]
    if posted and chosen_on and posted < max(chosen_on):
        c.add(
            r,
            ("date",),
            "posting-before-session",
            f"Danh sách công khai ngày {table_date(posted)}, trước phiên họp ngày {table_date(max(chosen_on))} chọn các hồ sơ "
            "này; hãy kiểm tra ngày.",
        )
    for i, comment in enumerate(r.data.get("comments", [])):
        _comment(c, r, i, comment, posted, listed)


def _comment(c: Lookup, r: Record, i: int, comment: dict[str, object], posted: dt.date | None, listed: list[str]) -> None:
    received = day(comment["received"])
    if posted and received and received < posted:
        c.add(r, ("comments", i, "received"), "date-order", f"Ý kiến nhận ngày {table_date(received)}, trước ngày niêm yết.")
    if "about" in comment and comment["about"] not in listed:
        c.add(r, ("comments", i, "about"), "not-posted", f"«{comment['about']}» không có trong danh sách công khai này.")
    answer = comment.get("answer")
    answered = day(answer.get("date")) if isinstance(answer, dict) else None
    if received and answered and answered < received:
        c.add(r, ("comments", i, "answer", "date"), "date-order", "Ngày trả lời trước ngày nhận ý kiến; hãy kiểm tra lại.")


def check_decision_posting(c: Lookup, r: Record, campaign: Record) -> None:
    """Where the plan posts its list: each dossier granted was posted, and the decision comes after the days for
    opinions."""
    rule = posting_rule_from(campaign.data.get("posting"))
    signed = day(r.data["date"])
    if rule is None or signed is None:
        return
    posted: dict[str, dt.date] = {}  # the latest posting of each nomination: opinions run from it
    for posting in c.of_kind("posting", r.scope):
        start = day(posting.data["date"])
        if start is not None:
            for nomination in posting.data["nominations"]:
                posted[nomination] = max(posted.get(nomination, start), start)
    for i, grant in enumerate(r.data.get("awards", [])):
        start = posted.get(grant["nomination"])
        if start is None:
            c.add(
                r,
                ("awards", i, "nomination"),
                "decision-unposted",
                f"Hồ sơ «{grant['nomination']}» chưa được công khai để lấy ý kiến như kế hoạch quy định; chưa thể khen.",
            )
            continue
        last = rule.last_day(start)
        if signed <= last:
            c.add(
                r,
                ("date",),
                "decision-in-posting",
                f"Quyết định ký ngày {table_date(signed)}, khi danh sách công khai từ {table_date(start)} còn nhận ý kiến đến "
                f"hết ngày {table_date(last)}; hãy ký sau thời gian lấy ý kiến.",
            )
            return
