"""The plan page of each campaign, rendered whole from its record."""

from __future__ import annotations

from ..page import Page, Site
from ...evaluation.describe import describe


def pages(site: Site) -> list[Page]:
    return [
        Page(f"phong-trao/{c.id}/index.md",
             site.render("plan.md.j2", c=c, rule_text=lambda rule, c=c: describe(rule, c, site.registry)),
             ("Phong trào", f"{c.short_name or c.name} {c.year}", "Kế hoạch"))
        for c in site.campaigns()
    ]
