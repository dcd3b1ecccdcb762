"""The official documents of each decided campaign (phong-trao/<id>/van-ban/): the Tờ trình, the council's Biên bản,
the Quyết định with its list and the Giấy khen, as Word files. Drafts (a fact still missing) are not published."""

from __future__ import annotations

from functools import partial

from ...documents.collect import campaign_documents, docx_bytes
from ...documents.facts import Planned
from ...model.campaign import Campaign
from ..page import Page, Site

FOLDER = "van-ban"  # under the campaign's folder


def published(site: Site, c: Campaign) -> list[Planned]:
    """The documents a campaign publishes: once a numbered decision grants awards, every document that is not a draft."""
    if not any(d.kind == "khen-thuong" for d in site.registry.decisions.get(c.id, ())):
        return []
    return [p for p in campaign_documents(site.registry, site.results[c.id]) if not p.draft]


def path(c: Campaign, planned: Planned) -> str:
    """Where a document is written, relative to docs/."""
    return f"phong-trao/{c.id}/{FOLDER}/{planned.name}.docx"


def pages(site: Site) -> list[Page]:
    found = []
    for c in site.campaigns():
        for planned in published(site, c):
            make = partial(docx_bytes, planned, site.publishing.root)
            found.append(Page(path(c, planned), "", make=make) if site.later else Page(path(c, planned), "", data=make()))
    return found
