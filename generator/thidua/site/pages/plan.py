"""The plan page of each campaign, rendered whole from its record."""

from __future__ import annotations

from ...evaluation.describe import describe, describe_money, describe_ranking
from ...model.campaign import Campaign
from ..page import Page, Site
from . import documents, exports

# How the plan's window treats its first and last day.
ENDS = {
    "both": "tính cả ngày đầu và ngày cuối",
    "start": "tính ngày đầu, không tính ngày cuối",
    "end": "không tính ngày đầu, tính ngày cuối",
    "none": "không tính ngày đầu và ngày cuối",
}


def _plan_page(site: Site, c: Campaign) -> Page:
    downloads = exports.downloads(site, c)
    text = site.render(
        "plan.md.j2",
        c=c,
        rule_text=lambda rule: describe(rule, c, site.registry),
        ranking_text=lambda ranking: describe_ranking(ranking, c),
        money_text=lambda award: describe_money(award, site.registry, site.as_of),
        ends=ENDS,
        downloads=[(f"{exports.FOLDER}/{d.file}", d.label) for d in downloads],
        calendar=any(d.file.endswith(".ics") for d in downloads),
        documents=[(f"{documents.FOLDER}/{p.name}.docx", p.label, p.fictional) for p in documents.published(site, c)],
    )
    return Page(f"phong-trao/{c.id}/index.md", text, ("Phong trào", f"{c.short_name or c.name} {c.year}", "Kế hoạch"))


def pages(site: Site) -> list[Page]:
    return [_plan_page(site, c) for c in site.campaigns()]
