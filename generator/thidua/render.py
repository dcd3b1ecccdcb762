"""Render the portal's Markdown pages from the domain model with Jinja2."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .evaluate import CampaignResult
from .markdown import finalize, front_title
from .model import Registry
from .model.campaign import Campaign, Quota
from .model.commune import Law
from .text import document_date, table_date

KIND_NAMES = {"tap-the": "tập thể", "ca-nhan": "cá nhân"}
_ROUNDING = {"down": "làm tròn xuống", "up": "làm tròn lên", "nearest": "làm tròn"}
_OF = {"participants": "số đơn vị, cá nhân tham gia", "nominations": "số hồ sơ đề nghị"}


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "phong-trao/chung-tay-cchc-2025/index.md"
    text: str
    nav: tuple[str, ...] = ()  # where the page sits in the navigation: section titles, then its own title


@dataclass(frozen=True)
class Site:
    """What every page is rendered from: the model, the evaluations and the as-of date."""

    registry: Registry
    results: dict[str, CampaignResult]
    as_of: dt.date
    env: jinja2.Environment

    def render(self, template: str, **values: object) -> str:
        return self.env.get_template(template).render(registry=self.registry, as_of=self.as_of, **values)

    def campaigns(self) -> list[Campaign]:
        """Campaigns, newest year first."""
        return sorted(self.registry.campaigns.values(), key=lambda c: (-c.year, c.id))


def quota_text(kind: str, quota: Quota) -> str:
    if quota.count is not None:
        return f"{quota.count:02d} {KIND_NAMES[kind]}"
    percent = f"{quota.percent:g}".replace(".", ",")
    return f"không quá {percent}% {_OF[quota.of or '']} ({_ROUNDING[quota.rounding or '']}) đối với {KIND_NAMES[kind]}"


def law_title(law: Law) -> str:
    """``Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/06/2022``."""
    if law.name.startswith(law.kind):
        return f"{law.name} số {law.number} ngày {table_date(law.issued)}"
    return f"{law.kind} số {law.number} ngày {table_date(law.issued)} {law.name[:1].lower()}{law.name[1:]}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("thidua", "templates"),
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
    env.filters["quota"] = lambda pair: quota_text(*pair)
    env.filters["law_title"] = law_title
    env.filters["front_title"] = front_title
    return env


def render_pages(registry: Registry, results: dict[str, CampaignResult], as_of: dt.date) -> list[Page]:
    """Every generated page, from every page module, in a stable order."""
    from .pages import MODULES

    site = Site(registry, results, as_of, environment())
    return [page for module in MODULES for page in module.pages(site)]


def write_pages(pages: list[Page], docs_dir: Path) -> int:
    """Write pages whose content changed; return how many were written."""
    written = 0
    for page in pages:
        target = docs_dir / page.path
        if target.is_file() and target.read_text("utf-8") == page.text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, "utf-8")
        written += 1
    return written
