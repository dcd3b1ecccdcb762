"""Render the portal's Markdown pages from the domain model with Jinja2."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..evaluation.evaluate import CampaignResult
from ..speed.parallel import fork_map
from .markdown import finalize, front_title
from ..model import Registry
from ..model.campaign import Campaign, Quota
from ..model.commune import Law
from ..text import decimal, document_date, table_date
from ..vocabulary import NomineeKind

PARALLEL_FROM = 2000  # people and nominations: below this, forking workers costs more than it saves
_ROUNDING = {"down": "làm tròn xuống", "up": "làm tròn lên", "nearest": "làm tròn"}
_OF = {"participants": "số đơn vị, cá nhân tham gia", "nominations": "số hồ sơ đề nghị"}


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "phong-trao/chung-tay-cchc-2025/index.md"
    text: str
    nav: tuple[str, ...] = ()  # where the page sits in the navigation: section titles, then its own title
    copy_of: str | None = None  # a repository file published byte for byte instead of ``text`` (a story's photo)


@dataclass(frozen=True)
class Publishing:
    """What mkdocs.yml says about the published site, for what is read outside it (the news feed)."""

    site_name: str = ""
    site_url: str | None = None  # absolute, ending in "/", or None when mkdocs.yml has none
    directory_urls: bool = True


@dataclass(frozen=True)
class Site:
    """What every page is rendered from: the model, the evaluations and the as-of date."""

    registry: Registry
    results: dict[str, CampaignResult]
    as_of: dt.date
    env: jinja2.Environment
    publishing: Publishing = Publishing()

    def render(self, template: str, **values: object) -> str:
        return self.env.get_template(template).render(registry=self.registry, as_of=self.as_of, **values)

    def campaigns(self) -> list[Campaign]:
        """Campaigns, newest year first."""
        return sorted(self.registry.campaigns.values(), key=lambda c: (-c.year, c.id))


def quota_text(kind: NomineeKind, quota: Quota) -> str:
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


def render_pages(registry: Registry, results: dict[str, CampaignResult], as_of: dt.date,
                 publishing: Publishing | None = None) -> list[Page]:
    """Every generated page, from every set of pages, in a stable order; the sets side by side when the records are many."""
    from .pages import LONGEST, PAGE_SETS

    site = Site(registry, results, as_of, environment(), publishing or Publishing())
    size = len(registry.people) + sum(len(group) for group in registry.nominations.values())
    if size < PARALLEL_FROM:
        return [page for pages in PAGE_SETS for page in pages(site)]
    # One job per long set, longest first, then one job for all the short ones (each job costs a round trip).
    jobs = [[PAGE_SETS.index(long)] for long in LONGEST] + [[i for i, pages in enumerate(PAGE_SETS) if pages not in LONGEST]]
    rendered = {i: pages for job, done in zip(jobs, fork_map(lambda job: [PAGE_SETS[i](site) for i in job], jobs), strict=True)
                for i, pages in zip(job, done, strict=True)}
    return [page for i in range(len(PAGE_SETS)) for page in rendered[i]]


def _content(page: Page, root: Path | None) -> bytes:
    if page.copy_of is None:
        return page.text.encode("utf-8")
    source = (root.resolve() / page.copy_of).resolve() if root else None
    if root is None or source is None or not source.is_relative_to(root.resolve()):
        raise ValueError(f"{page.path}: {page.copy_of} is not a file of the repository")
    return source.read_bytes()


def write_pages(pages: list[Page], docs_dir: Path, root: Path | None = None) -> int:
    """Write pages whose content changed; return how many were written.

    A page that is a copy of a repository file (``copy_of``) is read from under ``root``.
    """
    written = 0
    for page in pages:
        target = docs_dir / page.path
        content = _content(page, root)
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += 1
    return written
