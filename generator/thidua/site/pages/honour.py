"""The honour board (bảng vàng): what decisions granted, by year, why, with revoked awards marked."""

from __future__ import annotations

from dataclasses import dataclass

from ...evaluation.results import NominationResult
from ...model.campaign import Campaign
from ...model.records import Decision
from ...model.stories import Story
from ...outputs.result_json import total_amount
from ...text import dong, name_sort_key, sort_key
from ...vocabulary import CriterionState, NomineeKind
from ..page import Page, Site
from . import documents
from .board_paging import detail_path


@dataclass(frozen=True)
class Honour:
    """One award granted by a decision, with the reasons a reader can check."""

    campaign: Campaign
    award: str
    kind: NomineeKind
    name: str
    unit: str  # the unit's id: the nominee itself, or the person's unit
    unit_name: str
    decision: Decision
    revoking: Decision | None
    revoked_reason: str | None
    sample: bool
    nomination: str  # the nomination's id: the entry's anchor and the eligibility detail's
    summary: str | None
    met: tuple[str, ...]  # the criteria met, as the plan words them
    votes: str | None  # «6/8»: the council's vote that stands
    detail: str  # the eligibility detail, from docs/
    stories: tuple[Story, ...]
    documents: tuple[tuple[str, str], ...] = ()  # (link from the board, label): the decision and the certificate


def _met(campaign: Campaign, result: NominationResult) -> tuple[str, ...]:
    texts = {c.id: c.text for c in campaign.criteria}
    return tuple(
        texts[cr.criterion] for cr in result.criteria if cr.outcome.state == CriterionState.MET and cr.criterion in texts
    )


def _stories(published: tuple[Story, ...], campaign: Campaign, kind: NomineeKind, nominee: str) -> tuple[Story, ...]:
    """Stories published by the day of the site about this person (or this unit), in this campaign or none."""

    def about(story: Story) -> bool:
        return story.person == nominee if kind == NomineeKind.INDIVIDUAL else story.unit == nominee and not story.person

    return tuple(s for s in published if about(s) and s.campaign in (None, campaign.id))


def _entries(site: Site, year: int) -> list[Honour]:
    registry = site.registry
    published = registry.news(site.as_of)  # once: every entry looks for its stories in it
    found: list[Honour] = []
    for c in site.campaigns():
        if c.year != year:
            continue
        result = site.results[c.id]
        decisions = {d.id: d for d in registry.decisions.get(c.id, ())}
        evaluated = {r.nomination.id: r for r in result.nominations}
        files = {p.name: p for p in documents.published(site, c)}
        for g in result.granted:
            r = evaluated[g.nomination]
            n = r.nomination
            name, unit = registry.nominee(n)
            award = c.award(g.award)
            found.append(
                Honour(
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
                    n.id,
                    n.summary,
                    _met(c, r),
                    f"{r.vote.in_favour}/{r.vote.denominator}" if r.vote else None,
                    detail_path(c, result, n),
                    _stories(published, c, n.kind, n.nominee),
                    tuple(
                        (f"../{documents.path(c, files[name])}", label)
                        for name, label in (
                            (f"quyet-dinh-{g.decision}", "Quyết định kèm danh sách"),
                            (f"giay-khen-{g.decision}-{n.id}", "Giấy khen"),
                        )
                        if name in files
                    ),
                )
            )

    # Within a year: campaign, award in the plan's order, collectives before individuals, names in Vietnamese order.
    def order(entry: Honour) -> tuple[object, ...]:
        awards = [a.name for a in entry.campaign.awards]
        named = name_sort_key(entry.name) if entry.kind == NomineeKind.INDIVIDUAL else (sort_key(entry.name),)
        place = awards.index(entry.award) if entry.award in awards else 0
        return (entry.campaign.id, place, entry.kind != NomineeKind.COLLECTIVE, named)

    return sorted(found, key=order)


@dataclass(frozen=True)
class Group:
    """One campaign's honours in a year, with the money its decisions grant (revoked grants left out)."""

    campaign: Campaign
    honours: list[Honour]
    total: str | None


def _grouped(site: Site, year: int) -> list[Group]:
    groups: list[Group] = []
    for entry in _entries(site, year):
        if not groups or groups[-1].campaign is not entry.campaign:
            total = total_amount(site.results[entry.campaign.id])
            groups.append(Group(entry.campaign, [], dong(total) if total is not None else None))
        groups[-1].honours.append(entry)
    return groups


def pages(site: Site) -> list[Page]:
    years = sorted({c.year for c in site.campaigns() if site.results[c.id].granted}, reverse=True)
    latest = _grouped(site, years[0]) if years else []
    found = [
        Page(
            "bang-vang/index.md",
            site.render("honour_index.md.j2", years=years, groups=latest, level=3, illustrative=_illustrative(latest)),
            ("Bảng vàng", "Bảng vàng"),
        )
    ]
    for year in years:
        groups = _grouped(site, year)
        found.append(
            Page(
                f"bang-vang/{year}.md",
                site.render("honour_year.md.j2", year=year, groups=groups, level=2, illustrative=_illustrative(groups)),
                ("Bảng vàng", f"Năm {year}"),
            )
        )
    return found


def _illustrative(groups: list[Group]) -> bool:
    """Whether an entry of the board comes from sample data (a fictional decision or nomination)."""
    return any(entry.sample for group in groups for entry in group.honours)
