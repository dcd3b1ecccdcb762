"""A page per unit: its people, its reported results and its nominations and awards across campaigns."""

from __future__ import annotations

from markupsafe import Markup

from ...evaluation.results import NominationResult
from ...model.campaign import Campaign
from ...text import name_sort_key, sort_key
from ..html_table import Column, cell, href, link, sample_mark, table
from ..page import Page, Site
from .board_paging import detail_path
from .campaign_boards import shown_outcome

UNIT_KINDS = {
    "co-quan": "Cơ quan",
    "bo-phan": "Bộ phận chuyên môn",
    "mat-tran": "Mặt trận Tổ quốc",
    "doan-the": "Tổ chức đoàn thể",
    "xom": "Xóm",
    "truong": "Trường học",
    "khac": "Đơn vị khác",
}


def _by_unit(site: Site) -> dict[str, list[tuple[Campaign, NominationResult]]]:
    """Each unit's nominations (as nominee's unit or as proposer), campaign by campaign, in board order."""
    registry = site.registry
    grouped: dict[str, list[tuple[Campaign, NominationResult]]] = {}
    for c in site.campaigns():
        for r in site.results[c.id].nominations:
            n = r.nomination
            home = registry.nominee(n)[1]
            for unit in dict.fromkeys((home, n.proposed_by)):
                grouped.setdefault(unit, []).append((c, r))
    return grouped


def _unit_page(site: Site, unit_id: str, concerning: list[tuple[Campaign, NominationResult]]) -> Page:
    registry = site.registry
    unit = registry.units[unit_id]
    people = sorted(registry.members_of(unit_id), key=lambda p: name_sort_key(p.name))
    reports = []
    for c in site.campaigns():
        tasks = {t.id: t.name for t in c.tasks}
        order = [t.id for t in c.tasks]
        items = [(i, r.fictional) for r in registry.reports.get(c.id, ()) if r.unit == unit_id for i in r.items]
        if items:
            ranked = sorted(
                items, key=lambda x: (order.index(x[0].task) if x[0].task in order else len(order), x[0].date, x[0].id)
            )
            reports.append((c, [(tasks.get(i.task, i.task), i, sample) for i, sample in ranked]))
    path = f"don-vi/{unit_id}.md"
    rows = []
    for c, r in concerning:
        n = r.nomination
        result = site.results[c.id]
        award = c.award(n.award)
        rows.append(
            [
                Markup(cell(f"{registry.nominee(n)[0]} ({n.kind.label})")) + sample_mark(n.fictional),
                shown_outcome(site, c, result, r),
                award.name if award else n.award,
                link(href(path, detail_path(c, result, n), site.publishing.directory_urls), f"{c.short_name or c.name} {c.year}"),
            ]
        )
    columns = [Column("Đối tượng"), Column("Kết quả"), Column("Hình thức"), Column("Phong trào")]
    nominations = table(columns, rows) if rows else None
    text = site.render(
        "unit.md.j2",
        unit=unit,
        kind=UNIT_KINDS[unit.kind],
        people=people,
        reports=reports,
        nominations=nominations,
        stories=registry.news(site.as_of, unit_id),
        parent=registry.units.get(unit.parent or ""),
        head=registry.people.get(unit.head or ""),
        illustrative=unit.fictional
        or any(p.fictional for p in people)
        or any(sample for _, items in reports for _, _, sample in items)
        or any(r.nomination.fictional for _, r in concerning)
        or any(s.fictional for s in registry.news(site.as_of, unit_id)),
    )
    # Not in the sidebar: a province has hundreds of units; «Tất cả đơn vị» lists them by kind.
    return Page(f"don-vi/{unit_id}.md", text)


def pages(site: Site) -> list[Page]:
    units = sorted(site.registry.units.values(), key=lambda u: (list(UNIT_KINDS).index(u.kind), sort_key(u.name)))
    groups = [(label, [u for u in units if u.kind == kind]) for kind, label in UNIT_KINDS.items()]
    index = Page("don-vi/index.md", site.render("units.md.j2", groups=[g for g in groups if g[1]]), ("Đơn vị", "Tất cả đơn vị"))
    concerning = _by_unit(site)
    return [index] + [_unit_page(site, u.id, concerning.get(u.id, [])) for u in units]
