"""Per-campaign boards: dossiers sent, eligibility and council, results per task."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ...clock import VIETNAM
from ...evaluation.describe import ranking_group_name, standing_label, tie_words
from ...evaluation.results import AwardResult, CampaignResult, NominationResult
from ...evaluation.selection import award_order
from ...model.campaign import Award, Campaign, ValueRanking
from ...text import name_sort_key, sort_key, table_date
from ...vocabulary import CriterionState, NomineeKind, Standing
from .. import charts
from ..page import Page, Site

STATE_MARKS = {CriterionState.MET: "✓ đạt", CriterionState.NOT_MET: "✗ không đạt"}
UNKNOWN_MARK = "? chưa đủ căn cứ"


@dataclass(frozen=True)
class Row:
    """One nomination as the boards show it."""

    result: NominationResult
    nominee: str
    nominee_link: str
    proposer: str

    @property
    def id(self) -> str:
        return self.result.nomination.id

    @property
    def sample(self) -> bool:
        """Sample data: the row says so."""
        return self.result.nomination.fictional


def rows(site: Site, result: CampaignResult, prefix: str = "../../") -> list[Row]:
    """Nominations, collectives first, then people by given name (Vietnamese order)."""
    registry = site.registry
    found = []
    for r in result.nominations:
        name, unit = registry.nominee(r.nomination)
        found.append(Row(r, name, f"{prefix}don-vi/{unit}.md", registry.units[r.nomination.proposed_by].name))
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


def dossier_page(site: Site, c: Campaign, result: CampaignResult) -> Page:
    board = rows(site, result)
    # The document columns of each row, worked out once per row (constant marks, nothing from a record).
    cells = {
        row.id: Markup(" | ".join("✓" if row.result.nomination.document(d.id) else "✗ thiếu" for d in c.dossier)) for row in board
    }
    text = site.render(
        "dossiers.md.j2",
        c=c,
        result=result,
        rows=board,
        cells=cells,
        moment=_moment,
        chart=charts.submissions(c, result),
        illustrative=c.fictional or any(row.sample for row in board),
    )
    return Page(f"phong-trao/{c.id}/ho-so.md", text, ("Phong trào", f"{c.short_name or c.name} {c.year}", "Hồ sơ đề nghị"))


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
    """The criteria columns of a row: one mark each (constant text, nothing from a record)."""
    if r.outcome in STOPPED_EARLY:
        return Markup(" | ".join("—" for _ in r.criteria))
    return Markup(" | ".join(SYMBOLS.get(cr.outcome.state, "?") for cr in r.criteria))


def eligibility_page(site: Site, c: Campaign, result: CampaignResult) -> Page:
    board = rows(site, result)
    council = site.registry.councils.get(result.meeting.council) if result.meeting else None
    # Worked out once per row here, not per cell in the template: a province's board has ten thousand rows.
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in board:
        groups.setdefault((row.result.nomination.award, row.result.nomination.kind), []).append(row)
    shown = {row.id: shown_outcome(site, c, result, row.result) for row in board}
    cells = {row.id: _criteria_cells(row.result) for row in board}
    by_id = {row.id: row for row in board}
    text = site.render(
        "eligibility.md.j2",
        c=c,
        result=result,
        rows=board,
        groups=groups,
        council=council,
        marks=STATE_MARKS,
        unknown=UNKNOWN_MARK,
        stopped=STOPPED_EARLY,
        shown=shown,
        cells=cells,
        several=len(c.awards) > 1,
        by_id=by_id,
        sections=sections(site, c, result),
        tie=lambda award: tie_words(c, award),
        nominees=lambda ids: ", ".join(by_id[ident].nominee for ident in ids),
        illustrative=c.fictional or any(row.sample for row in board),
    )
    return Page(f"phong-trao/{c.id}/xet-chon.md", text, ("Phong trào", f"{c.short_name or c.name} {c.year}", "Xét chọn"))


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
    items = {}
    for task in c.tasks:
        found = [(units[r.unit].name, r.unit, i, r.fictional) for r in reports for i in r.items if i.task == task.id]
        items[task.id] = sorted(found, key=lambda x: (x[2].subtask or "", sort_key(x[0]), x[2].date, x[2].id))
    illustrative = c.fictional or any(r.fictional for r in reports)
    text = site.render("tasks.md.j2", c=c, items=items, chart=charts.tasks(c, reports), illustrative=illustrative)
    return Page(
        f"phong-trao/{c.id}/nhiem-vu.md", text, ("Phong trào", f"{c.short_name or c.name} {c.year}", "Kết quả theo nhiệm vụ")
    )


# Three sets of pages, rendered apart (the two boards of a large campaign are the longest pages of the site).
def dossier_pages(site: Site) -> list[Page]:
    return [dossier_page(site, c, site.results[c.id]) for c in site.campaigns()]


def eligibility_pages(site: Site) -> list[Page]:
    return [eligibility_page(site, c, site.results[c.id]) for c in site.campaigns()]


def task_pages(site: Site) -> list[Page]:
    return [tasks_page(site, c, site.results[c.id]) for c in site.campaigns()]
