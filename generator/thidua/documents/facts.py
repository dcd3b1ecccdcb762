"""What every official document shares, as plain facts for its template: the header block, the signer block, the
place and date, the legal basis; and the gaps (a fact the records do not hold yet) that make a document a draft.

Nothing here is invented: a missing fact becomes a visible blank («…») and a gap, and a document with a gap carries
«DỰ THẢO» across every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model import Registry
from ..model.campaign import Campaign
from ..model.records import Signer
from ..text import lower_first, table_date

BLANK = "…"  # where a fact is missing: seen on paper, filled by hand
ROLES = {
    "chu-tich": "Chủ tịch Hội đồng",
    "pho-chu-tich": "Phó Chủ tịch Hội đồng",
    "thu-ky": "Ủy viên, Thư ký",
    "uy-vien": "Ủy viên",
}
VOTE_MODES = {"bo-phieu-kin": "bỏ phiếu kín", "gio-tay": "biểu quyết giơ tay"}


@dataclass(frozen=True)
class Gap:
    """A fact a document needs that its record does not hold: the record, the field, and what to write."""

    kind: str  # the record's kind (layout.KINDS): decision, meeting, nomination, person, unit, council
    ident: str
    scope: str | None  # the campaign folder of per-campaign records
    path: tuple[str | int, ...]  # the field in the record (its nearest written parent is pointed at)
    message: str  # Vietnamese: what is missing and what to write


@dataclass(frozen=True)
class Planned:
    """One document to write: its file, template, facts, and what its file's properties say."""

    campaign: str
    name: str  # file name, ASCII, without extension
    template: str  # the template's file name
    label: str  # what it is, in Vietnamese (a link's text)
    context: dict[str, Any]
    day: dt.date  # the document's own date: its file's times and properties
    author: str  # the issuing body
    gaps: tuple[Gap, ...] = ()
    offset: tuple[float, float] = (0.0, 0.0)  # mm, for the frames of the pre-printed certificate
    fictional: bool = False
    decision: str | None = None  # the decision it belongs to
    nomination: str | None = None  # the awardee, for a certificate

    @property
    def draft(self) -> bool:
        return bool(self.gaps)

    def facts(self) -> dict[str, Any]:
        """The template's context: the facts, and whether the document is a draft."""
        return {**self.context, "draft": self.draft}


@dataclass
class Gaps:
    """The gaps found while a document's facts are gathered."""

    found: list[Gap] = field(default_factory=list)

    def add(self, kind: str, ident: str, scope: str | None, path: tuple[str | int, ...], message: str) -> str:
        """Record a gap; the blank to print in its place."""
        self.found.append(Gap(kind, ident, scope, path, message))
        return BLANK


def upper(text: str) -> str:
    return text.upper()


def letterhead(registry: Registry, unit_id: str, own: str | None = None) -> dict[str, Any]:
    """The header block's left column: the authority line (the body above, not bold) and the issuing body's name
    (bold), as the unit's record writes them, else from the names of the unit and of its parent. ``own``: a body of the
    unit (its council) named below the unit."""
    unit = registry.units[unit_id]
    if own is not None:
        return {"authority": unit.letterhead.short or upper(unit.name), "body": [upper(own)]}
    parent = registry.units.get(unit.parent or "")
    authority = unit.letterhead.authority or (parent and (parent.letterhead.short or upper(parent.name))) or None
    return {"authority": authority, "body": list(unit.letterhead.name) or [upper(unit.name)]}


def written_date(day: dt.date) -> str:
    """A date in a document's text (Nghị định 30/2020, Phụ lục I): a zero before days below 10 and months 1 and 2
    only: ``ngày 05 tháng 02 năm 2025``, ``ngày 15 tháng 6 năm 2022``, ``ngày 10 tháng 12 năm 2025``."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(campaign: Campaign, day: dt.date | None) -> str:
    """``Kim Phượng, ngày 15 tháng 12 năm 2025``: the place of the campaign's documents, the document's date."""
    return f"{campaign.document.place}, {written_date(day) if day else 'ngày … tháng … năm …'}"


def number_text(number: str | None, symbol: str | None) -> str:
    """``215/QĐ-UBND``; without a number, a blank before the symbol (``…/QĐ-UBND``), never a number made up."""
    if number:
        return number
    return f"{BLANK}/{symbol}" if symbol else BLANK


def decision_symbol(campaign: Campaign) -> str | None:
    """The symbol of a decision of the body that issued the plan: the plan's symbol with QĐ for KH (``QĐ-UBND``)."""
    _, _, body = campaign.document.symbol.partition("-")
    return f"QĐ-{body}" if body else None


def signer_block(
    registry: Registry, signer: Signer, gaps: Gaps, where: tuple[str, str, str | None], path: tuple[str | int, ...]
) -> dict[str, Any]:
    """The signature block: the authority line (TM., KT., TL.) when the signer signs for someone, the title, the
    name. A title the records do not give is a blank and a gap. ``where``: the record (kind, id, campaign)."""
    person = registry.people.get(signer.person or "")
    name = person.name if person else signer.name or ""
    position = signer.position or (person.position if person else None)
    lines = []
    authority = signer.authority
    if authority is None and position and position.upper().startswith(("KT.", "TL.", "TM.")):
        authority, position = upper(position), person.position if person else None  # «KT. Chủ tịch»: the title is their own
    if authority:
        lines.append(upper(authority))
    title = signer.title or (upper(position) if position else None)
    if title is None:
        who = f"người ký {name}" if name else "người ký"
        title = gaps.add(
            *where,
            path,
            f"{who} chưa có chức danh: hãy ghi «title» (ví dụ CHỦ TỊCH) hoặc «position» cho người ký, hoặc «position» trong hồ sơ cá nhân.",
        )
    lines.append(title)
    return {"lines": lines, "name": name}


def person_block(registry: Registry, person_id: str, title: str) -> dict[str, Any]:
    """A signature block of a person under a role of the document (THƯ KÝ, CHỦ TỌA)."""
    person = registry.people.get(person_id)
    return {"lines": [title], "name": person.name if person else person_id}


def basis_lines(registry: Registry, campaign: Campaign, day: dt.date) -> list[str]:
    """«Căn cứ» lines: the legal texts the plan applies that are in force on the day, then the plan itself."""
    lines = []
    for ref in campaign.legal_basis:
        law = registry.laws.get(ref.law)
        if law is None or not law.in_force(day):
            continue
        name = law.name if law.name.startswith(law.kind) else f"{law.kind} {lower_first(law.name)}"
        lines.append(f"Căn cứ {name} số {law.number} {written_date(law.issued)};")
    plan = campaign.document
    number = f"số {plan.number_text} " if plan.number is not None else ""  # a plan signed without a number is cited so
    about = lower_first(plan.title) if plan.title.startswith(("Về", "về")) else f"về việc {lower_first(plan.title)}"
    lines.append(f"Căn cứ {plan.kind} {number}ngày {table_date(plan.date)} của {registry.units[campaign.issuer].name} {about};")
    return lines


def campaign_phrase(campaign: Campaign) -> str:
    """``phong trào thi đua “Chung tay Cải cách hành chính” năm 2025``."""
    return f"phong trào thi đua “{campaign.name}” năm {campaign.year}"


def count_text(collectives: int, individuals: int) -> str:
    """``01 tập thể và 01 cá nhân`` (numbers below 10 with two digits, as documents write them)."""
    parts = [f"{n:02d} {what}" for n, what in ((collectives, "tập thể"), (individuals, "cá nhân")) if n]
    return " và ".join(parts) or "00 tập thể, cá nhân"
