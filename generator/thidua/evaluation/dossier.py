"""Is a nomination's dossier complete, dated sensibly, and on time?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..clock import VIETNAM
from ..model import Registry
from ..model.campaign import Campaign
from ..model.commune import Person
from ..model.records import Nomination
from ..text import decimal, table_date
from ..vocabulary import NomineeKind, Timing


@dataclass(frozen=True)
class DossierStatus:
    complete: bool
    missing: tuple[str, ...]  # dossier item ids not present
    problems: tuple[str, ...]  # Vietnamese sentences: what is wrong with what is present
    timing: Timing
    submitted_at: dt.datetime | None
    landed_at: dt.datetime | None  # when the file first reached the main branch, if known
    disagreement: str | None  # record and git history tell different stories
    to_send: tuple[str, ...]  # what the unit still has to send, in Vietnamese


ON_BEHALF = ("KT.", "TL.")  # a signature for the head: ký thay, thừa lệnh (Nghị định 30/2020/NĐ-CP)


def _day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(VIETNAM).date()


def _signers(campaign: Campaign, nomination: Nomination, registry: Registry) -> list[str]:
    """Who may sign (Luật Thi đua, khen thưởng, Điều 84): the Tờ trình, the proposing unit's head, or a member of the
    unit signing on the head's behalf ("KT.", "TL." before the position), never the nominee; the Báo cáo thành tích, the
    nominee or the head of the collective. Checked where the signer is a known person."""
    people = registry.people
    home = people[nomination.nominee].unit if nomination.kind == NomineeKind.INDIVIDUAL else nomination.nominee
    problems = []
    for item in campaign.dossier:
        doc = nomination.document(item.id)
        signer = people.get(doc.signer.person or "") if doc else None
        if signer is None or doc is None:
            continue
        if item.form == "to-trinh":
            problems += _proposal_signer(item.name, nomination, signer, doc.signer.position or signer.position, registry)
        if item.form == "bao-cao-thanh-tich" and signer.id != nomination.nominee and signer.unit != home:
            problems.append(
                f"{item.name} phải do người được đề nghị hoặc thủ trưởng tập thể được đề nghị ký; "
                f"người ký {signer.name} không phải."
            )
    return problems


def _proposal_signer(name: str, nomination: Nomination, signer: Person, position: str | None, registry: Registry) -> list[str]:
    """The Tờ trình: the head of the proposing unit, or a member of it signing for the head; never the nominee."""
    if nomination.kind == NomineeKind.INDIVIDUAL and signer.id == nomination.nominee:
        return [f"{name} không được do chính người được đề nghị ký; cấp phó ký thay (KT.) thủ trưởng đơn vị."]
    unit = registry.units.get(nomination.proposed_by)
    head = unit.head if unit else None
    on_behalf = (position or "").upper().startswith(ON_BEHALF)
    if signer.id == head or (on_behalf and signer.unit == nomination.proposed_by):
        return []
    if head is None:
        return [f"{name}: đơn vị đề nghị chưa ghi thủ trưởng (head) để đối chiếu người ký; hãy ghi head trong hồ sơ đơn vị."]
    who = registry.people[head].name if head in registry.people else head
    return [
        f"{name} phải do thủ trưởng đơn vị đề nghị ({who}) ký, hoặc người của đơn vị ký thay (KT.), thừa lệnh (TL.); "
        f"người ký {signer.name} không phải."
    ]


def _unit_vote(campaign: Campaign, nomination: Nomination) -> list[str]:
    """The proposing unit's own meeting (Biên bản họp): enough members present, enough in favour (the plan's rule)."""
    rule = campaign.unit_vote
    whose = "kế hoạch quy định" if rule.declared else "mặc định khi kế hoạch chưa quy định"
    problems = []
    for item in campaign.dossier:
        doc = nomination.document(item.id) if item.form == "bien-ban-hop" else None
        meeting = doc.meeting if doc else None
        if meeting is None:
            continue
        members = len(meeting.present) + len(meeting.absent)
        if members and len(meeting.present) * 100 <= rule.quorum_percent * members:
            problems.append(
                f"{item.name}: {len(meeting.present)}/{members} thành viên dự họp, chưa quá {decimal(rule.quorum_percent)}% "
                f"thành viên ({whose}), nên cuộc họp chưa hợp lệ."
            )
        base = len(meeting.present) if rule.denominator == "present" else members
        share, limit = meeting.in_favour * 100, rule.threshold_percent * base
        if not (share >= limit if rule.inclusive else share > limit):
            counted = "người dự họp" if rule.denominator == "present" else "thành viên"
            problems.append(
                f"{item.name}: {meeting.in_favour}/{base} {counted} đồng ý, chưa đạt {'từ' if rule.inclusive else 'trên'} "
                f"{decimal(rule.threshold_percent)}% ({whose})."
            )
    return problems


def _present(campaign: Campaign, nomination: Nomination) -> tuple[list[str], list[str], list[str]]:
    """Dossier items missing, problems with those present (a number not written), and what the unit must still send."""
    missing: list[str] = []
    problems: list[str] = []
    to_send: list[str] = []
    for item in campaign.dossier:
        doc = nomination.document(item.id)
        if doc is None:
            missing.append(item.id)
            to_send.append(item.name)
        elif item.numbered and not doc.number:
            problems.append(f"{item.name} chưa ghi số văn bản.")
            to_send.append(f"số của {item.name}")
    return missing, problems, to_send


def _dates(campaign: Campaign, nomination: Nomination) -> list[str]:
    """Dates that cannot be: a meeting after the Tờ trình it led to, a document dated after the dossier was submitted."""
    problems = []
    minutes = [doc for i in campaign.dossier if i.form == "bien-ban-hop" and (doc := nomination.document(i.id))]
    proposals = [doc for i in campaign.dossier if i.form == "to-trinh" and (doc := nomination.document(i.id))]
    for meeting in minutes:
        for proposal in proposals:
            if meeting.date > proposal.date:
                problems.append(
                    f"Biên bản họp ({table_date(meeting.date)}) ghi ngày sau Tờ trình ({table_date(proposal.date)}): "
                    "cuộc họp phải diễn ra trước khi trình."
                )
    submitted_on = nomination.submitted_on
    if submitted_on is not None:
        names = {i.id: i.name for i in campaign.dossier}
        problems += [
            f"{names.get(doc.type, doc.type)} ghi ngày {table_date(doc.date)}, sau ngày nộp hồ sơ {table_date(submitted_on)}."
            for doc in nomination.documents
            if doc.date > submitted_on
        ]
    return problems


def _timing(campaign: Campaign, nomination: Nomination) -> Timing:
    """Not submitted (where the plan asks for a dossier), late (after a deadline the plan sets), else on time."""
    if nomination.submitted_at is None:
        return Timing.NOT_SUBMITTED if campaign.dossier else Timing.ON_TIME  # without a dossier, the record is the proposal
    submitted_on = nomination.submitted_on
    late = campaign.deadline is not None and submitted_on is not None and submitted_on > campaign.deadline
    return Timing.LATE if late else Timing.ON_TIME


def _disagreement(campaign: Campaign, nomination: Nomination, landed_at: dt.datetime | None) -> str | None:
    """What the office must verify when the record's submission time and git's history tell different stories."""
    if landed_at is None or nomination.submitted_at is None or _day(landed_at) <= _day(nomination.submitted_at):
        return None
    said = (
        f"Hồ sơ ghi nộp ngày {table_date(_day(nomination.submitted_at))} nhưng tệp hồ sơ chỉ vào kho "
        f"ngày {table_date(_day(landed_at))}; văn phòng cần xác minh thời điểm nộp."
    )
    if campaign.deadline is not None and _day(landed_at) > campaign.deadline >= _day(nomination.submitted_at):
        said += " Theo lịch sử kho, hồ sơ đã nộp sau hạn chót."
    return said


def _unsent(campaign: Campaign, nomination: Nomination, as_of: dt.date) -> list[str]:
    """The last step while the dossier may still be sent: sending it."""
    if _timing(campaign, nomination) == Timing.NOT_SUBMITTED and (campaign.deadline is None or as_of <= campaign.deadline):
        return ["nộp hồ sơ cho nơi nhận hồ sơ"]
    return []


def still_to_send(campaign: Campaign, nomination: Nomination, as_of: dt.date) -> list[str]:
    """What the proposing unit must still send, as on ``as_of``: documents the plan asks for, numbers not written, and
    the dossier itself while it may still be sent."""
    return _present(campaign, nomination)[2] + _unsent(campaign, nomination, as_of)


def check_dossier(
    campaign: Campaign, nomination: Nomination, landed_at: dt.datetime | None, as_of: dt.date, registry: Registry
) -> DossierStatus:
    """Is the dossier complete (every document the plan asks for, numbered, signed by whom it should be, dated sensibly)
    and on time; and what the unit must still send."""
    missing, problems, to_send = _present(campaign, nomination)
    problems = (
        _signers(campaign, nomination, registry) + _unit_vote(campaign, nomination) + problems + _dates(campaign, nomination)
    )
    timing = _timing(campaign, nomination)
    to_send += _unsent(campaign, nomination, as_of)
    complete = not missing and not problems
    return DossierStatus(
        complete,
        tuple(missing),
        tuple(problems),
        timing,
        nomination.submitted_at,
        landed_at,
        _disagreement(campaign, nomination, landed_at),
        tuple(to_send),
    )
