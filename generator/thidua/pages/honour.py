"""The honour board (bảng vàng): what decisions granted, by year, with revoked awards marked."""

from __future__ import annotations

from ..render import KIND_NAMES, Page, Site


def _entries(site: Site, year: int) -> list[tuple[object, ...]]:
    registry = site.registry
    found: list[tuple[object, ...]] = []
    for c in site.campaigns():
        if c.year != year:
            continue
        result = site.results[c.id]
        decisions = {d.id: d for d in registry.decisions.get(c.id, ())}
        nominations = {n.id: n for n in registry.nominations.get(c.id, ())}
        for g in result.granted:
            n = nominations[g.nomination]
            if n.kind == "tap-the":
                name, unit = registry.units[n.nominee].name, n.nominee
            else:
                name, unit = registry.people[n.nominee].name, registry.people[n.nominee].unit
            award = c.award(g.award)
            found.append((c, award.name if award else g.award, n.kind, name, unit, registry.units[unit].name, decisions[g.decision],
                          decisions.get(g.revoked_by or ""), g.revoked_reason))
    return found


def pages(site: Site) -> list[Page]:
    years = sorted({c.year for c in site.campaigns() if site.results[c.id].granted}, reverse=True)
    found = [Page("bang-vang/index.md", site.render("honour_index.md.j2", years=years,
                                                     latest=_entries(site, years[0]) if years else [], kinds=KIND_NAMES),
                  ("Bảng vàng", "Bảng vàng"))]
    for year in years:
        found.append(Page(f"bang-vang/{year}.md", site.render("honour_year.md.j2", year=year, entries=_entries(site, year),
                                                              kinds=KIND_NAMES), ("Bảng vàng", f"Năm {year}")))
    return found
