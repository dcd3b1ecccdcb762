"""The plan page of each campaign, rendered whole from its record."""

from __future__ import annotations

from ...evaluation.describe import describe, describe_money, describe_ranking
from .. import exports
from ..page import Page, Site

# How the plan's window treats its first and last day.
ENDS = {
    "both": "tính cả ngày đầu và ngày cuối",
    "start": "tính ngày đầu, không tính ngày cuối",
    "end": "không tính ngày đầu, tính ngày cuối",
    "none": "không tính ngày đầu và ngày cuối",
}


def pages(site: Site) -> list[Page]:
    return [
        Page(
            f"phong-trao/{c.id}/index.md",
            site.render(
                "plan.md.j2",
                c=c,
                rule_text=lambda rule, c=c: describe(rule, c, site.registry),
                ranking_text=lambda ranking, c=c: describe_ranking(ranking, c),
                money_text=lambda award: describe_money(award, site.registry, site.as_of),
                ends=ENDS,
                downloads=[(f"{exports.FOLDER}/{d.file}", d.label) for d in exports.downloads(site, c)],
            ),
            ("Phong trào", f"{c.short_name or c.name} {c.year}", "Kế hoạch"),
        )
        for c in site.campaigns()
    ]
