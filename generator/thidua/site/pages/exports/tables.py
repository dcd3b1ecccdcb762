"""The tables a campaign offers for download: the dossier board and the results of the selection, row for row what
the boards show (the same rows in the same order, the same outcomes and marks), as values a spreadsheet can sort.

Nothing here evaluates: every value comes from the campaign's evaluation as the boards read it, so nothing dated after
the as-of date can appear. Only public facts: names, units, documents, outcomes, votes; never a person's private field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ....evaluation.results import CampaignResult, NominationResult
from ....model.campaign import Campaign
from ...page import Site
from ..campaign_boards import (
    STATE_MARKS,
    STOPPED_EARLY,
    UNKNOWN_MARK,
    Row,
    Section,
    rows,
    sections,
    shown_outcome,
    submitted_local,
)

Cell = str | int | float | dt.date | dt.datetime | None
NOT_EXAMINED = "— không xét"  # the board's dash: the dossier stopped before the criteria
SENT, MISSING = "Đã gửi", "Thiếu"
SAMPLE = "Có"  # in the «Dữ liệu minh họa» column


@dataclass(frozen=True)
class Table:
    """One table: a sheet of a workbook, or one CSV file."""

    title: str  # what it is, in a sentence's words
    sheet: str  # a short name for its sheet in a workbook (cut to Excel's 31 characters where longer)
    slug: str  # what tells its CSV file apart, ASCII
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _illustrative(c: Campaign, board: list[Row]) -> bool:
    """Sample data on the board: the tables then say which rows are (all of them, for a sample plan)."""
    return c.fictional or any(row.sample for row in board)


def dossier_table(site: Site, c: Campaign, result: CampaignResult) -> Table:
    """The dossier board: who, which documents were sent, when, against the deadline, what is still to send."""
    board = rows(site, result)
    sample = _illustrative(c, board)
    columns = (
        ("STT", "Đối tượng", "Loại", "Đơn vị đề nghị", "Hình thức khen thưởng")
        + tuple(d.name for d in c.dossier)
        + ("Nộp lúc",)
        + (("Hạn nộp",) if c.deadline else ())
        + ("Thời hạn", "Còn phải gửi", "Ghi chú")
        + (("Dữ liệu minh họa",) if sample else ())
    )
    found = []
    for number, row in enumerate(board, 1):
        r = row.result
        n = r.nomination
        award = c.award(n.award)
        notes = r.dossier.problems + ((r.dossier.disagreement,) if r.dossier.disagreement else ())
        found.append(
            (number, row.nominee, _capital(n.kind.label), row.proposer, award.name if award else n.award)
            + tuple(SENT if n.document(d.id) else MISSING for d in c.dossier)
            + (submitted_local(r),)
            + ((c.deadline,) if c.deadline else ())
            + (r.dossier.timing.label, "; ".join(r.dossier.to_send), " ".join(notes))
            + ((SAMPLE if c.fictional or row.sample else "",) if sample else ())
        )
    return Table("Hồ sơ đề nghị khen thưởng", "Hồ sơ đề nghị", "ho-so", columns, tuple(found))


def section_slug(section: Section) -> str:
    return f"{section.award.id}-{section.kind}"


def section_title(section: Section) -> str:
    return f"{section.award.name}, {section.kind.label}"


def result_tables(site: Site, c: Campaign, result: CampaignResult) -> list[Table]:
    """The selection, one table per award and kind of nominee as on the eligibility board: criteria, points, votes,
    rank and outcome of each nomination."""
    board = rows(site, result)
    sample = _illustrative(c, board)
    council = site.registry.councils.get(result.meeting.council) if result.meeting else None
    of = "Số thành viên có mặt" if council and council.denominator == "present" else "Tổng số thành viên"
    tables = []
    for section in sections(site, c, result):
        ranks = {
            ident: (place, name)
            for name, ranking in section.groups
            if ranking.quota is not None
            for place, ident in enumerate(ranking.ranked, 1)
        }
        grouped = any(name for name, _ in section.groups)
        criteria = c.criteria_for(section.award, section.kind)
        chosen = [
            row for row in board if (row.result.nomination.award, row.result.nomination.kind) == (section.award.id, section.kind)
        ]
        points = any(row.result.points is not None for row in chosen)
        columns = (
            ("STT", "Đối tượng", "Đơn vị đề nghị")
            + tuple(f"TC{i}. {cr.text}" for i, cr in enumerate(criteria, 1))
            + (("Tổng điểm",) if points else ())
            + (("Phiếu đồng ý", of) if c.council else ())
            + (("Nhóm xếp hạng",) if grouped else ())
            + ("Thứ hạng", "Kết quả", "Ghi chú")
            + (("Dữ liệu minh họa",) if sample else ())
        )
        found = []
        for number, row in enumerate(chosen, 1):
            r = row.result
            place, group = ranks.get(row.id, (None, None))
            found.append(
                (number, row.nominee, row.proposer)
                + _criteria(r, tuple(cr.id for cr in criteria))
                + ((r.points,) if points else ())
                + (_votes(r) if c.council else ())
                + ((group,) if grouped else ())
                + (place, shown_outcome(site, c, result, r), " ".join(r.public_reasons))
                + ((SAMPLE if c.fictional or row.sample else "",) if sample else ())
            )
        # The kind first: the part that tells sheets apart stays when the award's name is cut.
        sheet = _capital(section.kind.label) + (f" - {section.award.name}" if len(c.awards) > 1 else "")
        tables.append(Table(section_title(section), sheet, section_slug(section), columns, tuple(found)))
    return tables


def _criteria(r: NominationResult, criteria: tuple[str, ...]) -> tuple[Cell, ...]:
    """Each criterion's mark as the board gives it, in words; a dossier stopped early was not examined."""
    if r.outcome in STOPPED_EARLY:
        return tuple(NOT_EXAMINED for _ in criteria)
    found = {cr.criterion: cr for cr in r.criteria}
    return tuple(STATE_MARKS.get(found[ident].outcome.state, UNKNOWN_MARK) if ident in found else None for ident in criteria)


def _votes(r: NominationResult) -> tuple[Cell, Cell]:
    """Votes in favour and out of how many, as the board's «6/8» (two numbers: a spreadsheet reads «6/8» as a date)."""
    return (r.vote.in_favour, r.vote.denominator) if r.vote else (None, None)
