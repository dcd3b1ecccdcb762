"""Checks of the emulation council (Hội đồng Thi đua - Khen thưởng), its sessions and the decisions that follow."""

from __future__ import annotations

from ...text import table_date
from ..record import Record
from .amounts import check_decision_amounts
from .common import attendance, checks, day, unique
from .lookup import Lookup
from .posting import check_decision_posting
from .session import check_decision_procedure, check_session


@checks("council")
def check_council(c: Lookup, r: Record) -> None:
    c.ref(r, ("unit",), "unit")
    unique(c, r, ("members",), "person", "Thành viên")
    for i, _ in enumerate(r.data["members"]):
        c.ref(r, ("members", i, "person"), "person")
    chairs = [m for m in r.data["members"] if m["role"] == "chu-tich"]
    if len(chairs) != 1:
        c.add(r, ("members",), "council-chair", f"Hội đồng phải có đúng một chủ tịch (role: chu-tich); đang có {len(chairs)}.")


@checks("meeting")
def check_meeting(c: Lookup, r: Record) -> None:
    c.ref(r, ("campaign",), "campaign")
    council = c.ref(r, ("council",), "council")
    attendance(c, r, ())
    if council is not None:
        members = {m["person"] for m in council.data["members"]}
        for group in ("present", "absent"):
            for i, person in enumerate(r.data.get(group, [])):
                if person not in members and c.get("person", person):
                    c.add(
                        r,
                        (group, i),
                        "not-member",
                        f"«{person}» không phải thành viên hội đồng «{council.id}»; hãy kiểm tra lại.",
                    )
    unique(c, r, ("votes",), "nomination", "Hồ sơ")
    for i, _ in enumerate(r.data["votes"]):
        c.ref(r, ("votes", i, "nomination"), "nomination", r.scope)
    if council is not None:
        check_session(c, r, council, c.get("campaign", r.data["campaign"]))
    if "minutes" in r.data:
        _minutes(c, r)
    voted = {v["nomination"] for v in r.data["votes"]}
    for i, resolution in enumerate(r.data.get("resolutions", [])):
        for j, nomination in enumerate(resolution["tied"]):
            if c.ref(r, ("resolutions", i, "tied", j), "nomination", r.scope) and nomination not in voted:
                c.add(
                    r,
                    ("resolutions", i, "tied", j),
                    "tie-not-voted",
                    f"«{nomination}» không có trong kết quả biểu quyết (votes) của phiên họp; hãy kiểm tra lại.",
                )
        for j, nomination in enumerate(resolution["chosen"]):
            if nomination not in resolution["tied"]:
                c.add(
                    r,
                    ("resolutions", i, "chosen", j),
                    "chosen-not-tied",
                    f"«{nomination}» không nằm trong các hồ sơ bằng phiếu (tied); hãy chọn trong số đó.",
                )


def _minutes(c: Lookup, r: Record) -> None:
    """The session's minutes: a scan that exists, dated the day of the session or after."""
    minutes = r.data["minutes"]
    if "file" in minutes:
        c.file(r, ("minutes", "file"))
    written, held = day(minutes.get("date")), day(r.data["date"])
    if written and held and written < held:
        c.add(
            r, ("minutes", "date"), "date-order", f"Biên bản ghi ngày {table_date(written)}, trước phiên họp; hãy kiểm tra ngày."
        )


@checks("decision")
def check_decision(c: Lookup, r: Record) -> None:
    campaign = c.ref(r, ("campaign",), "campaign")
    if "person" in r.data["signer"]:
        c.ref(r, ("signer", "person"), "person")
    if campaign is not None:
        check_decision_procedure(c, r, campaign)
        check_decision_amounts(c, r, campaign)
        check_decision_posting(c, r, campaign)
    if "file" in r.data:
        c.file(r, ("file",))
    awards = [a["id"] for a in campaign.data["awards"]] if campaign else []
    for i, item in enumerate(r.data.get("awards", [])):
        nomination = c.ref(r, ("awards", i, "nomination"), "nomination", r.scope)
        if campaign and item["award"] not in awards:
            c.add(
                r,
                ("awards", i, "award"),
                "unknown-award",
                f"«{item['award']}» không phải hình thức khen thưởng của phong trào; hãy chọn một trong: {', '.join(awards)}.",
            )
        elif nomination and nomination.data["award"] != item["award"]:
            c.add(
                r,
                ("awards", i, "award"),
                "award-mismatch",
                f"Hồ sơ «{nomination.id}» đề nghị «{nomination.data['award']}», không phải «{item['award']}»; hãy kiểm tra lại.",
            )
    for i, item in enumerate(r.data.get("revokes", [])):
        target = c.ref(r, ("revokes", i, "decision"), "decision", r.scope)
        c.ref(r, ("revokes", i, "nomination"), "nomination", r.scope)
        if target and item["nomination"] not in {a["nomination"] for a in target.data.get("awards", [])}:
            c.add(
                r,
                ("revokes", i, "nomination"),
                "revoke-not-awarded",
                f"Quyết định «{target.id}» không khen thưởng hồ sơ «{item['nomination']}»; không thể hủy bỏ.",
            )
        if target and target.data["date"] > r.data["date"]:
            c.add(
                r, ("date",), "date-order", f"Quyết định hủy bỏ ký trước quyết định «{target.id}» mà nó hủy; hãy kiểm tra ngày."
            )
