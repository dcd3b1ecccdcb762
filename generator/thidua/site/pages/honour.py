"""The honour board (bảng vàng): what decisions granted, by year, with revoked awards marked."""

from __future__ import annotations

from ...outputs.result_json import total_amount
from ...text import dong, name_sort_key, sort_key
from ...vocabulary import NomineeKind
from ..page import Page, Site


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
            name, unit = registry.nominee(n)
            award = c.award(g.award)
            found.append(
                (
                    c,
                    award.name if award else g.award,
                    n.kind,
                    name,
                    unit,
                    registry.units[unit].name,
                    decisions[g.decision],
                    decisions.get(g.revoked_by or ""),
                    g.revoked_reason,
                    decisions[g.decision].fictional or n.fictional,
                )
            )

    # Within a year: campaign, award in the plan's order, collectives before individuals, names in Vietnamese order.
    def order(entry: tuple[object, ...]) -> tuple[object, ...]:
        campaign, award_name, kind, name = entry[0], entry[1], entry[2], str(entry[3])
        awards = [a.name for a in campaign.awards]  # type: ignore[attr-defined]
        named = name_sort_key(name) if kind == NomineeKind.INDIVIDUAL else (sort_key(name),)
        return (campaign.id, awards.index(award_name) if award_name in awards else 0, kind != NomineeKind.COLLECTIVE, named)  # type: ignore[attr-defined]

    return sorted(found, key=order)


def _grouped(site: Site, year: int) -> list[tuple[object, list[tuple[object, ...]], str | None]]:
    """The year's entries, one group per campaign, with the money its decisions grant (revoked grants left out)."""
    groups: list[tuple[object, list[tuple[object, ...]], str | None]] = []
    for entry in _entries(site, year):
        if not groups or groups[-1][0] is not entry[0]:
            total = total_amount(site.results[entry[0].id])  # type: ignore[attr-defined]
            groups.append((entry[0], [], dong(total) if total is not None else None))
        groups[-1][1].append(entry)
    return groups


def pages(site: Site) -> list[Page]:
    years = sorted({c.year for c in site.campaigns() if site.results[c.id].granted}, reverse=True)
    latest = _grouped(site, years[0]) if years else []
    found = [
        Page(
            "bang-vang/index.md",
            site.render("honour_index.md.j2", years=years, groups=latest, illustrative=_illustrative(latest)),
            ("Bảng vàng", "Bảng vàng"),
        )
    ]
    for year in years:
        groups = _grouped(site, year)
        found.append(
            Page(
                f"bang-vang/{year}.md",
                site.render("honour_year.md.j2", year=year, groups=groups, illustrative=_illustrative(groups)),
                ("Bảng vàng", f"Năm {year}"),
            )
        )
    return found


def _illustrative(groups: list[tuple[object, list[tuple[object, ...]], str | None]]) -> bool:
    """Whether a row of the board comes from sample data (a fictional decision or nomination)."""
    return any(entry[-1] for _, entries, _ in groups for entry in entries)
