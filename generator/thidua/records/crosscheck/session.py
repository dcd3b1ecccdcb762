"""The procedure of a council session and of the decision after it: a session votes only with enough members present,
after the deadline, on dossiers already sent, with members who are nominated standing aside; a decision follows the
session and is signed by the head of the issuing body, or for the head ("KT.", "TL.").

The quorum is the council's setting (voting.quorum_percent); without it, over half of the members, a default stated as
such in the message: no article of the law read so far sets it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...clock import VIETNAM
from ...model.records import moment
from ...text import decimal, table_date
from ..record import Record
from .common import day
from .lookup import Lookup

ON_BEHALF = ("KT.", "TL.")  # signed for the head: ký thay, thừa lệnh (Nghị định 30/2020/NĐ-CP)


def check_session(c: Lookup, r: Record, council: Record, campaign: Record | None) -> None:
    """Quorum, the day of the session, the dossiers voted on, the members standing aside."""
    voting = council.data["voting"]
    present, members = len(r.data["present"]), len(council.data["members"])
    quorum = voting.get("quorum_percent", 50)
    if members and present * 100 <= quorum * members:
        said = "quy chế của hội đồng" if "quorum_percent" in voting else "mặc định khi quy chế hội đồng chưa ghi"
        c.add(
            r,
            ("present",),
            "quorum",
            f"Phiên họp chỉ có {present}/{members} thành viên dự, chưa quá {decimal(quorum)}% thành viên hội đồng ({said}), "
            "nên không được biểu quyết; hãy kiểm tra danh sách có mặt hoặc họp lại.",
            at_key=True,
        )
    held = day(r.data["date"])
    deadline = day((campaign.data.get("deadline") or {}).get("date")) if campaign else None
    if held and deadline and held <= deadline:
        c.add(
            r,
            ("date",),
            "session-before-deadline",
            f"Phiên họp ngày {table_date(held)} chưa qua hạn nộp hồ sơ (hết ngày {table_date(deadline)}): hồ sơ còn được nộp; "
            "hãy kiểm tra ngày họp.",
        )
    if held:
        _dossiers_sent(c, r, held)
    _standing_aside(c, r)


def _dossiers_sent(c: Lookup, r: Record, held: dt.date) -> None:
    """Each dossier voted on was sent before the session."""
    for i, vote in enumerate(r.data["votes"]):
        nomination = c.get("nomination", vote["nomination"], r.scope)
        if nomination is None:
            continue
        sent = nomination.data.get("submitted_at")
        if sent is None:
            c.add(r, ("votes", i, "nomination"), "vote-unsent", f"Hồ sơ «{nomination.id}» chưa nộp nhưng có phiếu ở phiên họp.")
        elif (on := _day_sent(sent)) is not None and on > held:
            c.add(
                r,
                ("votes", i, "nomination"),
                "vote-before-sent",
                f"Hồ sơ «{nomination.id}» nộp sau phiên họp ngày {table_date(held)}; hội đồng không thể đã biểu quyết hồ sơ đó.",
            )


def _day_sent(value: Any) -> dt.date | None:
    """The day (in Vietnam) a dossier was sent, or None where the value is not a time (the schema reports it)."""
    try:
        return moment(str(value)).astimezone(VIETNAM).date()
    except ValueError:
        return None


def _standing_aside(c: Lookup, r: Record) -> None:
    """A member nominated in a dossier voted on stands aside for it; one standing aside is present; votes fit."""
    aside = {(x["person"], x["nomination"]) for x in r.data.get("recusals", [])}
    voted = {v["nomination"]: v for v in r.data["votes"]}
    for i, (person, nomination) in enumerate((x["person"], x["nomination"]) for x in r.data.get("recusals", [])):
        if person not in r.data["present"]:
            c.add(r, ("recusals", i, "person"), "aside-absent", f"«{person}» không có mặt ở phiên họp; chỉ ghi người có mặt.")
        if nomination not in voted:
            c.add(r, ("recusals", i, "nomination"), "aside-not-voted", f"Phiên họp không biểu quyết hồ sơ «{nomination}».")
    for i, vote in enumerate(r.data["votes"]):
        nomination = c.get("nomination", vote["nomination"], r.scope)
        nominee = (nomination.data.get("nominee") or {}).get("person") if nomination else None
        if nominee in r.data["present"] and (nominee, vote["nomination"]) not in aside:
            c.add(
                r,
                ("votes", i, "nomination"),
                "aside-missing",
                f"«{nominee}» là người được đề nghị trong hồ sơ «{vote['nomination']}» và có mặt: phải không biểu quyết hồ sơ "
                "này; hãy ghi vào recusals.",
            )
        voting_on = len(r.data["present"]) - sum(1 for _, n in aside if n == vote["nomination"])
        if vote["in_favour"] > voting_on:
            c.add(
                r,
                ("votes", i, "in_favour"),
                "too-many-votes",
                f"{vote['in_favour']} phiếu đồng ý nhiều hơn {voting_on} thành viên biểu quyết hồ sơ này; hãy kiểm tra lại.",
            )


def check_decision_procedure(c: Lookup, r: Record, campaign: Record) -> None:
    """A decision comes after the sessions that voted on what it grants, and is signed by whom may sign it."""
    signed = day(r.data["date"])
    granted = {a["nomination"] for a in r.data.get("awards", [])}
    sessions = [m for m in c.of_kind("meeting", r.scope) if granted & {v["nomination"] for v in m.data["votes"]}]
    last = max((d for m in sessions if (d := day(m.data["date"]))), default=None)
    if signed and last and signed < last:
        c.add(
            r,
            ("date",),
            "decision-before-session",
            f"Quyết định ký ngày {table_date(signed)}, trước phiên họp ngày {table_date(last)} của hội đồng xét các hồ sơ này; "
            "hãy kiểm tra ngày.",
        )
    _signer_authority(c, r, campaign)


def _signer_authority(c: Lookup, r: Record, campaign: Record) -> None:
    """The head of the body issuing the plan signs; anyone else signs for the head ("KT. CHỦ TỊCH")."""
    signer: dict[str, Any] = r.data["signer"]
    person = c.get("person", signer.get("person"))
    if person is None:
        return
    issuer = c.ref(r, ("issuer",), "unit") if "issuer" in r.data else c.get("unit", campaign.data["issuer"])
    head = issuer.data.get("head") if issuer else None
    position = str(signer.get("position") or person.data.get("position") or "")
    if person.id == head or position.upper().startswith(ON_BEHALF):
        return
    named = c.get("person", head)
    c.add(
        r,
        ("signer",),
        "signer-authority",
        f"Quyết định phải do {named.data['name'] if named else 'thủ trưởng cơ quan ban hành'} ký, hoặc cấp phó ký thay "
        f"(chức vụ ghi «KT. …», ví dụ KT. CHỦ TỊCH); người ký {person.data['name']} không ghi ký thay.",
        at_key=True,
    )
