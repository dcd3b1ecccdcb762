"""Per-campaign boards: dossiers sent, eligibility and council, results per task."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ...clock import VIETNAM
from ...evaluation.describe import ranking_group_name, standing_label, tie_words
from ...evaluation.results import AwardResult, CampaignResult, NominationResult
from ...evaluation.selection import award_order
from ...model.campaign import Award, Campaign, ValueRanking
from ...text import decimal, name_sort_key, sort_key, table_date
from ...vocabulary import CriterionState, NomineeKind, Standing, Timing
from .. import charts
from ..html_table import Cell, Column, cell, href, link, sample_mark, table
from ..page import Page, Site
from .board_paging import DOSSIERS, ELIGIBILITY, board_path, paged

STATE_MARKS = {CriterionState.MET: "✓ đạt", CriterionState.NOT_MET: "✗ không đạt"}
UNKNOWN_MARK = "? chưa đủ căn cứ"


@dataclass(frozen=True)
class Row:
    """One nomination as the boards show it."""

    result: NominationResult
    nominee: str
    unit: str  # the nominee's unit (the collective itself, or the person's): its page
    proposer: str

    @property
    def id(self) -> str:
        return self.result.nomination.id

    @property
    def sample(self) -> bool:
        """Sample data: the row says so."""
        return self.result.nomination.fictional


def rows(site: Site, result: CampaignResult) -> list[Row]:
    """Nominations, collectives first, then people by given name (Vietnamese order)."""
    registry = site.registry
    found = []
    for r in result.nominations:
        name, unit = registry.nominee(r.nomination)
        found.append(Row(r, name, unit, registry.units[r.nomination.proposed_by].name))
    return sorted(
        found,
        key=lambda row: (
            row.result.nomination.kind != NomineeKind.COLLECTIVE,
            name_sort_key(row.nominee) if row.result.nomination.kind == NomineeKind.INDIVIDUAL else (sort_key(row.nominee),),
            row.id,
        ),
    )


def submitted_local(r: NominationResult) -> dt.datetime | None:
    """When the dossier was sent, on Vietnam's clock (a record may write it in UTC), without its time zone."""
    at = r.dossier.submitted_at
    return at.astimezone(VIETNAM).replace(tzinfo=None) if at else None


def _moment(r: NominationResult) -> str:
    at = submitted_local(r)
    return f"{table_date(at.date())} {at:%H:%M}" if at else "—"


@dataclass(frozen=True)
class Share:
    """One proposing unit's part of a large board: its page and what a summary row says of it."""

    unit: str
    name: str
    rows: list[Row]


def shares(board: list[Row]) -> list[Share]:
    """The board's rows by proposing unit, units in Vietnamese order."""
    by_unit: dict[str, list[Row]] = {}
    for row in board:
        by_unit.setdefault(row.result.nomination.proposed_by, []).append(row)
    found = [Share(u, unit_rows[0].proposer, unit_rows) for u, unit_rows in by_unit.items()]
    return sorted(found, key=lambda share: (sort_key(share.name), share.unit))


# How a board renders one of its pages: the rows shown, the proposing units (on a summary), the unit the page is
# about (on a unit's page), and the page's own Markdown path (links are worked out from it).
Render = Callable[[list[Row], list[Share] | None, Share | None, str], str]
Count = tuple[str, Callable[[Share], int]]  # a column of a large board's summary: its title, and a unit's figure


def _board_pages(c: Campaign, result: CampaignResult, board: list[Row], kind: str, nav: str, render: Render) -> list[Page]:
    """The whole board on one page, or (when large) a summary page and a page per proposing unit."""
    trail = ("Phong trào", f"{c.short_name or c.name} {c.year}", nav)
    whole = board_path(c, kind)
    if not paged(result):
        return [Page(whole, render(board, None, None, whole), trail)]
    parts = shares(board)
    found = [Page(whole, render([], parts, None, whole), trail)]
    for share in parts:
        path = board_path(c, kind, share.unit)
        found.append(Page(path, render(share.rows, None, share, path)))
    return found


def _who(site: Site, row: Row, page: str, proposer: bool) -> Markup:
    """A row's first cell: the nominee, linked to their unit's page, marked when sample data; kind and proposer."""
    r = row.result
    kind = r.nomination.kind.label + (f", {row.proposer}" if proposer and r.nomination.kind == NomineeKind.INDIVIDUAL else "")
    named = link(href(page, f"don-vi/{row.unit}.md", site.publishing.directory_urls), row.nominee)
    return named + sample_mark(row.sample) + f" ({kind})"


def _summary(site: Site, c: Campaign, page: str, kind: str, parts: list[Share], counts: list[Count]) -> Markup:
    """A large board's summary: each proposing unit, linked to its page, with its counts."""
    columns = [Column("Đơn vị đề nghị")] + [Column(title, numeric=True) for title, _ in counts]
    return table(
        columns,
        (
            [link(href(page, board_path(c, kind, p.unit), site.publishing.directory_urls), p.name)]
            + [str(count(p)) for _, count in counts]
            for p in parts
        ),
    )


def dossier_pages_of(site: Site, c: Campaign, result: CampaignResult) -> list[Page]:
    # The documents of each row, worked out once per row: each document's name (escaped once, as HTML: the table is
    # HTML) and a constant mark.
    names = [cell(d.name) for d in c.dossier]
    columns = [Column("Đối tượng"), Column("Còn phải gửi"), Column("Thời hạn"), Column("Nộp lúc")]
    columns += [Column("Văn bản")] if c.dossier else []

    def documents(row: Row) -> list[Cell]:
        if not c.dossier:
            return []
        marks = (
            f'<span class="thidua-doc">{name}: {"✓" if row.result.nomination.document(d.id) else "✗ thiếu"}</span>'
            for name, d in zip(names, c.dossier, strict=True)
        )
        return [Markup(" ".join(marks))]

    def board_table(shown: list[Row], page: str) -> Markup:
        return table(
            columns,
            (
                [
                    _who(site, row, page, proposer=True),
                    "; ".join(row.result.dossier.to_send) or "—",
                    row.result.dossier.timing.label,
                    _moment(row.result),
                    *documents(row),
                ]
                for row in shown
            ),
        )

    board = rows(site, result)
    counts: list[Count] = [
        ("Số hồ sơ", lambda p: len(p.rows)),
        ("Còn phải gửi", lambda p: sum(bool(row.result.dossier.to_send) for row in p.rows)),
        ("Trễ hạn", lambda p: sum(row.result.dossier.timing == Timing.LATE for row in p.rows)),
    ]

    def render(shown: list[Row], parts: list[Share] | None, share: Share | None, page: str) -> str:
        return site.render(
            "dossiers.md.j2",
            c=c,
            result=result,
            rows=shown,
            board=board_table(shown, page) if not parts else "",
            summary=_summary(site, c, page, DOSSIERS, parts, counts) if parts else "",
            chart=charts.submissions(c, result) if share is None else "",
            parts=parts,
            share=share,
            illustrative=c.fictional or any(row.sample for row in (share.rows if share else board)),
        )

    return _board_pages(c, result, board, DOSSIERS, "Hồ sơ đề nghị", render)


# Outcomes reached before the criteria matter: their criteria cells show a dash, and the detail says why the
# criteria were not examined instead of listing them.
STOPPED_EARLY = {
    Standing.NOT_SUBMITTED: "hồ sơ chưa nộp",
    Standing.INCOMPLETE: "hồ sơ còn thiếu văn bản hoặc có văn bản chưa hợp lệ",
    Standing.LATE: "hồ sơ nộp sau hạn chót",
    Standing.BLOCKED: "người hoặc tập thể được đề nghị thuộc trường hợp chưa xét khen thưởng (xem dòng dưới)",
}
SYMBOLS = {CriterionState.MET: "✓", CriterionState.NOT_MET: "✗"}


def shown_outcome(site: Site, c: Campaign, result: CampaignResult, r: NominationResult) -> str:
    """The outcome as a reader should see it: the decision once there is one, a settled tie said as such."""
    decisions = {d.id: d for d in site.registry.decisions.get(c.id, ())}
    for g in result.granted:
        if g.nomination == r.nomination.id:
            granted = decisions[g.decision]
            if g.revoked_by:
                return f"Đã hủy khen thưởng (Quyết định số {decisions[g.revoked_by].number})"
            return f"Được khen (Quyết định số {granted.number} ngày {table_date(granted.date)})"
    settled = any(r.nomination.id in a.resolved_group for a in result.awards)
    words = tie_words(c, r.nomination.award)
    return standing_label(c, r.nomination.award, r.outcome) + (f" ({words.equal.lower()}, {words.settled})" if settled else "")


def _criteria_cells(r: NominationResult) -> Markup:
    """The criteria of a row, numbered as listed under the table: one mark each (constant text, nothing from a record)."""
    stopped = r.outcome in STOPPED_EARLY
    return Markup(
        " ".join(
            f'<span class="thidua-mark">TC{number} {"—" if stopped else SYMBOLS.get(cr.outcome.state, "?")}</span>'
            for number, cr in enumerate(r.criteria, 1)
        )
    )


def eligibility_pages_of(site: Site, c: Campaign, result: CampaignResult) -> list[Page]:
    council = site.registry.councils.get(result.meeting.council) if result.meeting else None
    board_sections = sections(site, c, result)
    winners = {ident for a in result.awards for ident in a.winners}
    board = rows(site, result)
    by_id = {row.id: row for row in board}
    counts: list[Count] = [
        ("Số hồ sơ", lambda p: len(p.rows)),
        ("Trong số lượng khen", lambda p: sum(row.id in winners for row in p.rows)),
    ]

    def section_table(award: Award, kind: NomineeKind, shown: list[Row], outcomes: dict[str, str]) -> Markup:
        criteria = bool(c.criteria_for(award, kind))
        columns = [Column("Đối tượng"), Column("Kết quả")]
        columns += ([Column("Phiếu", numeric=True)] if c.council else []) + ([Column("Tiêu chí")] if criteria else [])

        def cells(row: Row) -> list[Cell]:
            r = row.result
            found: list[Cell] = [
                link(f"#{row.id}", row.nominee) + sample_mark(row.sample),
                outcomes[row.id],
            ]
            found += [f"{r.vote.in_favour}/{r.vote.denominator}" if r.vote else "—"] if c.council else []
            return found + ([_criteria_cells(r)] if criteria else [])

        return table(columns, (cells(row) for row in shown))

    def render(shown: list[Row], parts: list[Share] | None, share: Share | None, page: str) -> str:
        # Worked out once per row here, not per cell in the template: a province's board has ten thousand rows.
        groups: dict[tuple[str, str], list[Row]] = {}
        for row in shown:
            groups.setdefault((row.result.nomination.award, row.result.nomination.kind), []).append(row)
        outcomes = {row.id: shown_outcome(site, c, result, row.result) for row in shown}
        awards = {a.id: a for a in c.awards}
        tables = {(a, k): section_table(awards[a], NomineeKind(k), found, outcomes) for (a, k), found in groups.items()}
        return site.render(
            "eligibility.md.j2",
            c=c,
            result=result,
            rows=shown,
            groups=groups,
            tables=tables,
            council=council,
            marks=STATE_MARKS,
            unknown=UNKNOWN_MARK,
            stopped=STOPPED_EARLY,
            shown=outcomes,
            several=len(c.awards) > 1,
            by_id=by_id,
            sections=board_sections,
            tie=lambda award: tie_words(c, award),
            nominees=lambda ids: ", ".join(by_id[ident].nominee for ident in ids),
            parts=parts,
            share=share,
            summary=_summary(site, c, page, ELIGIBILITY, parts, counts) if parts else "",
            root="../" * page.count("/"),
            illustrative=c.fictional or any(row.sample for row in (share.rows if share else board)),
        )

    return _board_pages(c, result, board, ELIGIBILITY, "Xét chọn", render)


@dataclass(frozen=True)
class Section:
    """One award for one kind of nominee on the eligibility board, with its ranking groups."""

    award: Award
    kind: NomineeKind
    quota: str  # "01 suất", "01 suất mỗi nhóm", "theo chỉ tiêu của từng đơn vị"
    groups: tuple[tuple[str | None, AwardResult], ...]  # (the group's name, its ranking)


def sections(site: Site, c: Campaign, result: CampaignResult) -> list[Section]:
    """Each award and kind in the order they were selected, each ranking group named (an attribute value, a unit)."""
    found: list[Section] = []
    for award in award_order(c):
        for kind, quota in award.quota:
            ranked = [a for a in result.awards if a.award == award.id and a.kind == kind]
            grouped = isinstance(award.ranking, ValueRanking) and award.ranking.per is not None
            if quota.target is not None:
                label = "theo chỉ tiêu của từng đơn vị"
            else:
                count = ranked[0].quota if ranked else quota.count or 0
                label = f"{count:02d} suất" + (" mỗi nhóm" if grouped else "")
            names = [ranking_group_name(c, site.registry, award.id, kind, a.group) for a in ranked]
            found.append(Section(award, kind, label, tuple(zip(names, ranked, strict=True))))
    return found


def tasks_page(site: Site, c: Campaign, result: CampaignResult) -> Page:
    reports = site.registry.reports.get(c.id, ())
    units = site.registry.units
    path = f"phong-trao/{c.id}/nhiem-vu.md"
    columns = [Column("Đơn vị"), Column("Kết quả"), Column("Ngày"), Column("Số liệu")]
    tables = {}
    for task in c.tasks:
        found = [(units[r.unit].name, r.unit, i, r.fictional) for r in reports for i in r.items if i.task == task.id]
        found.sort(key=lambda x: (x[2].subtask or "", sort_key(x[0]), x[2].date, x[2].id))
        subtasks = {s.id: s.name for s in task.subtasks}
        tables[task.id] = (
            table(
                columns,
                (
                    [
                        link(href(path, f"don-vi/{unit}.md", site.publishing.directory_urls), name) + sample_mark(sample),
                        i.title + (f" ({subtasks[i.subtask]})" if i.subtask in subtasks else ""),
                        table_date(i.date),
                        f"{decimal(i.figure[0])} {i.figure[1]}" if i.figure else "—",
                    ]
                    for name, unit, i, sample in found
                ),
            )
            if found
            else None
        )
    illustrative = c.fictional or any(r.fictional for r in reports)
    text = site.render("tasks.md.j2", c=c, tables=tables, chart=charts.tasks(c, reports), illustrative=illustrative)
    return Page(path, text, ("Phong trào", f"{c.short_name or c.name} {c.year}", "Kết quả theo nhiệm vụ"))


# Three sets of pages, rendered apart (the two boards of a large campaign are the longest pages of the site).
def dossier_pages(site: Site) -> list[Page]:
    return [page for c in site.campaigns() for page in dossier_pages_of(site, c, site.results[c.id])]


def eligibility_pages(site: Site) -> list[Page]:
    return [page for c in site.campaigns() for page in eligibility_pages_of(site, c, site.results[c.id])]


def task_pages(site: Site) -> list[Page]:
    return [tasks_page(site, c, site.results[c.id]) for c in site.campaigns()]
