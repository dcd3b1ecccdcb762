"""The public posting page of each campaign whose plan posts its proposed list for opinions (công khai)."""

from __future__ import annotations

from ...model.campaign import Campaign
from ..page import Page, Site


def _posting_page(site: Site, c: Campaign) -> Page:
    registry = site.registry
    nominations = {n.id: n for n in registry.nominations.get(c.id, ())}
    names = {n.id: registry.nominee(n)[0] for n in nominations.values()}
    rule = c.posting
    assert rule is not None  # only plans that post have this page
    postings = []
    posted = [p for p in registry.postings.get(c.id, ()) if p.date <= site.as_of]  # none later is known yet
    for p in sorted(posted, key=lambda p: (p.date, p.id)):
        rows = []
        for ident in p.nominations:
            n = nominations[ident]
            award = c.award(n.award)
            rows.append((names[ident], award.name if award else n.award, registry.units[n.proposed_by].name, n.fictional))
        postings.append((p, rule.last_day(p.date), rows))
    illustrative = c.fictional or any(p.fictional for p in posted)
    text = site.render("posting.md.j2", c=c, postings=postings, names=names, illustrative=illustrative)
    return Page(f"phong-trao/{c.id}/cong-khai.md", text, ("Phong trào", f"{c.short_name or c.name} {c.year}", "Công khai"))


def pages(site: Site) -> list[Page]:
    return [_posting_page(site, c) for c in site.campaigns() if c.posting is not None]
