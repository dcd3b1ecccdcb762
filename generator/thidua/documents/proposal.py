"""The Tờ trình of each proposing unit, from its nominations: one per Tờ trình the nominations record (its number),
and a draft for the unit's nominations that record none yet."""

from __future__ import annotations

from typing import Any

from ..evaluation.results import CampaignResult
from ..model import Registry
from ..model.campaign import Campaign
from ..model.records import Document, Nomination
from ..text import slugify, table_date
from ..vocabulary import NomineeKind
from .decision import _awardee
from .facts import (
    BLANK,
    Gaps,
    Planned,
    basis_lines,
    campaign_phrase,
    count_text,
    letterhead,
    number_text,
    place_date,
    signer_block,
)

PROPOSAL, MINUTES = "to-trinh", "bien-ban-hop"  # the dossier forms (the plan's «form») of the two documents used


def _form_document(c: Campaign, n: Nomination, form: str) -> Document | None:
    """The nomination's document of the dossier item with that form (the plan names its items as it likes)."""
    item = next((i for i in c.dossier if i.form == form), None)
    return n.document(item.id) if item else None


def _groups(c: Campaign, nominations: tuple[Nomination, ...]) -> dict[tuple[str, str | None], list[Nomination]]:
    """Nominations by proposing unit and the number of their Tờ trình (None: none recorded yet)."""
    grouped: dict[tuple[str, str | None], list[Nomination]] = {}
    for n in nominations:
        doc = _form_document(c, n, PROPOSAL)
        grouped.setdefault((n.proposed_by, doc.number if doc else None), []).append(n)
    return dict(sorted(grouped.items(), key=lambda pair: (pair[0][0], pair[0][1] or "")))


def _addressee(registry: Registry, c: Campaign) -> str:
    """The emulation council of the body that issued the plan, where the plan has a council; else that body."""
    council = next((x for x in sorted(registry.councils.values(), key=lambda x: x.id) if x.unit == c.issuer), None)
    return council.name if c.council and council else registry.units[c.deadline_receiver or c.issuer].name


def _row(registry: Registry, index: int, n: Nomination) -> dict[str, Any]:
    name, unit = _awardee(registry, n)
    if n.kind == NomineeKind.INDIVIDUAL:
        person = registry.people[n.nominee]
        unit = f"{person.position}, {unit}" if person.position else unit
    return {"index": index, "name": name, "unit": unit, "summary": n.summary or ""}


def _proposal(registry: Registry, c: Campaign, unit_id: str, number: str | None, group: list[Nomination]) -> Planned:
    gaps = Gaps()
    first = group[0]
    doc = _form_document(c, first, PROPOSAL)
    where = ("nomination", first.id, c.id)
    if doc is None:
        gaps.add(
            *where,
            ("documents",),
            "hồ sơ chưa ghi Tờ trình (documents, type: to-trinh) có số, ngày, người ký: Tờ trình là bản dự thảo.",
        )
    elif doc.number is None:
        gaps.add(*where, ("documents",), "Tờ trình chưa có số (number): hãy ghi số khi đơn vị vào số, ví dụ 23/TTr-VP.")
    unit = registry.units[unit_id]
    # Without a Tờ trình on record nobody is known to sign: the block stays blank (the head may be the nominee).
    block = (
        signer_block(registry, doc.signer, gaps, where, ("documents", first.documents.index(doc), "signer"))
        if doc
        else {"lines": [BLANK], "name": BLANK}
    )
    minutes = sorted(
        {(m.number or "", m.date) for n in group if (m := _form_document(c, n, MINUTES)) is not None}, key=lambda x: (x[1], x[0])
    )
    basis = basis_lines(registry, c, doc.date if doc else c.document.date)[-1:]
    basis += [
        f"Căn cứ Biên bản họp {'số ' + num + ' ' if num else ''}ngày {table_date(day)} của {unit.name};" for num, day in minutes
    ]
    awards = ", ".join(a.name for a in c.awards if any(n.award == a.id for n in group))
    conferred = next((a.conferred_by for a in c.awards if any(n.award == a.id for n in group) and a.conferred_by), None)
    collectives = sum(1 for n in group if n.kind == NomineeKind.COLLECTIVE)
    addressee = _addressee(registry, c)
    counted = count_text(collectives, len(group) - collectives)
    context = {
        "head": letterhead(registry, unit_id),
        "number": number_text(number, None),
        "place_date": place_date(c, doc.date if doc else None),
        "subject": f"Về việc đề nghị tặng {awards} trong {campaign_phrase(c)}",
        "addressee": addressee,
        "basis": basis,
        "request": f"{unit.name} đề nghị {conferred or addressee} xét, tặng {awards} cho {counted} có thành tích trong "
        f"{campaign_phrase(c)}, cụ thể như sau:",
        "rows": [_row(registry, i, n) for i, n in enumerate(group, start=1)],
        "closing": f"Kính đề nghị {addressee} xem xét, quyết định./.",
        "recipients": ["Như trên;", "Lưu: VT."],
        "signer": block,
        "sample": any(n.fictional for n in group),
    }
    suffix = slugify(number.split("/")[0]) if number else "du-thao"
    return Planned(
        c.id,
        f"to-trinh-{unit_id}-{suffix}",
        "to-trinh.docx",
        f"Tờ trình {'số ' + number if number else '(dự thảo)'} của {unit.name}",
        context,
        doc.date if doc else c.document.date,
        unit.name,
        tuple(gaps.found),
        fictional=bool(context["sample"]),
    )


def proposal_documents(registry: Registry, result: CampaignResult) -> list[Planned]:
    """The Tờ trình of every proposing unit of the campaign."""
    c = result.campaign
    return [
        _proposal(registry, c, unit, number, group)
        for (unit, number), group in _groups(c, registry.nominations.get(c.id, ())).items()
    ]
