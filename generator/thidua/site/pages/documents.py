"""The documents of each decision (phong-trao/<id>/van-ban/): the Quyết định with its list and the awardees' Giấy khen,
as Word files. Drafts (a fact still missing) are not published; nor the Tờ trình and the council's Biên bản, working
papers whose number grows with the nominations (thidua documents writes them), while the site shows their facts."""

from __future__ import annotations

from functools import partial

from ...documents.collect import docx_bytes
from ...documents.decision import decision_documents
from ...documents.facts import Planned
from ...model.campaign import Campaign
from ..page import Page, Site

FOLDER = "van-ban"  # under the campaign's folder


def published(site: Site, c: Campaign) -> list[Planned]:
    """The documents a campaign publishes: those of its numbered decisions that are not drafts."""
    if not any(d.kind == "khen-thuong" for d in site.registry.decisions.get(c.id, ())):
        return []
    return [p for p in decision_documents(site.registry, site.results[c.id]) if not p.draft]


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
