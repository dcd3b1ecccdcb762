"""The home page: one card per campaign with its state and numbers."""

from __future__ import annotations

from ...outputs.result_json import counts
from ...text import table_date
from ...vocabulary import CampaignState
from ..page import Page, Site


def state_text(site: Site, campaign_id: str) -> str:
    result = site.results[campaign_id]
    deadline = result.campaign.deadline
    if deadline is None:
        return f"{result.state.label} (kế hoạch không đặt hạn nộp hồ sơ)"
    if result.state == CampaignState.OPEN:
        left = "hôm nay là hạn chót" if result.days_left == 0 else f"còn {result.days_left} ngày"
        return f"{result.state.label}: {left} (hạn chót {table_date(deadline)})"
    return f"{result.state.label} (hạn chót {table_date(deadline)})"


def pages(site: Site) -> list[Page]:
    cards = [(c, state_text(site, c.id), counts(site.results[c.id])) for c in site.campaigns()]
    samples = {
        c.id for c in site.campaigns() if c.fictional or any(r.nomination.fictional for r in site.results[c.id].nominations)
    }
    return [Page("index.md", site.render("home.md.j2", cards=cards, samples=samples), ("Trang chủ",))]
