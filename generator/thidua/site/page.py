"""What a page of the portal is, and what every page is rendered from: the model, the evaluations, the as-of date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..evaluation.results import CampaignResult
from ..model import Registry
from ..model.campaign import Campaign, Quota
from ..model.commune import Law
from ..text import decimal, document_date, table_date
from ..vocabulary import NomineeKind
from .markdown import finalize, front_title

_ROUNDING = {"down": "làm tròn xuống", "up": "làm tròn lên", "nearest": "làm tròn"}
_OF = {"participants": "số đơn vị, cá nhân tham gia", "nominations": "số hồ sơ đề nghị"}


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "phong-trao/chung-tay-cchc-2025/index.md"
    text: str
    nav: tuple[str, ...] = ()  # where the page sits in the navigation: section titles, then its own title
    copy_of: str | None = None  # a repository file published byte for byte instead of ``text`` (a story's photo)
    data: bytes | None = None  # a file published as these bytes instead of ``text`` (a download: a spreadsheet, a calendar)
    make: Callable[[], bytes] | None = None  # such bytes, made when written (the preview writes downloads last)


@dataclass(frozen=True)
class Publishing:
    """What mkdocs.yml says about the published site, for what is read outside it (the news feed)."""

    site_name: str = ""
    site_url: str | None = None  # absolute, ending in "/", or None when mkdocs.yml has none
    directory_urls: bool = True
    root: Path | None = None  # the repository (its own document templates, templates/documents/), when known


@dataclass(frozen=True)
class Site:
    """What every page is rendered from: the model, the evaluations and the as-of date."""

    registry: Registry
    results: dict[str, CampaignResult]
    as_of: dt.date
    env: jinja2.Environment
    publishing: Publishing = Publishing()
    later: bool = False  # downloads are made when written, after the pages (the preview shows pages first)

    def render(self, template: str, **values: object) -> str:
        return self.env.get_template(template).render(registry=self.registry, as_of=self.as_of, **values)

    def campaigns(self) -> list[Campaign]:
        """Campaigns, newest year first."""
        return sorted(self.registry.campaigns.values(), key=lambda c: (-c.year, c.id))


def quota_text(kind: NomineeKind, quota: Quota) -> str:
    if quota.target is not None:
        return f"không quá chỉ tiêu của từng đơn vị đối với {kind.label}"
    if quota.count is not None:
        return f"{quota.count:02d} {kind.label}"
    percent = decimal(quota.percent or 0)
    return f"không quá {percent}% {_OF[quota.of or '']} ({_ROUNDING[quota.rounding or '']}) đối với {kind.label}"


def law_title(law: Law) -> str:
    """``Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022``."""
    if law.name.startswith(law.kind):
        return f"{law.name} số {law.number} ngày {table_date(law.issued)}"
    return f"{law.kind} số {law.number} ngày {table_date(law.issued)} {law.name[:1].lower()}{law.name[1:]}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("thidua.site", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        comment_start_string="{#--",  # headings use {#anchor}
        comment_end_string="--#}",
    )
    env.filters["doc_date"] = document_date
    env.filters["table_date"] = table_date
    env.filters["decimal"] = decimal
    env.filters["quota"] = lambda pair: quota_text(*pair)
    env.filters["law_title"] = law_title
    env.filters["front_title"] = front_title
    env.globals["NomineeKind"] = NomineeKind
    return env
