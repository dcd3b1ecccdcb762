"""Render the portal's Markdown pages from the domain model with Jinja2, and write those that changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from stat import S_ISREG

from ..evaluation.results import CampaignResult
from ..model import Registry
from ..speed.parallel import fork_map
from .page import Page, Publishing, Site, environment
from .pages import LONGEST, MADE_LATER, PAGE_SETS

PARALLEL_FROM = 2000  # people and nominations: below this, forking workers costs more than it saves


def render_pages(
    registry: Registry,
    results: dict[str, CampaignResult],
    as_of: dt.date,
    publishing: Publishing | None = None,
    *,
    parallel_from: int = PARALLEL_FROM,
    later: bool = False,
) -> list[Page]:
    """Every generated page, from every set of pages, in a stable order; the sets side by side in forked workers when
    the people and nominations number ``parallel_from`` or more (the pages are the same either way).

    With ``later`` (the preview), the downloads and documents are made when written: their sets are listed here, not in
    a worker (a file made later in a worker would never come back).
    """
    site = Site(registry, results, as_of, environment(), publishing or Publishing(), later)
    size = len(registry.people) + sum(len(group) for group in registry.nominations.values())
    if size < parallel_from:
        return [page for pages in PAGE_SETS for page in pages(site)]
    here = [i for i, pages in enumerate(PAGE_SETS) if later and pages in MADE_LATER]
    # One job per long set, longest first, then one job for all the short ones (each job costs a round trip).
    jobs = [[PAGE_SETS.index(long)] for long in LONGEST if PAGE_SETS.index(long) not in here]
    jobs += [[i for i, pages in enumerate(PAGE_SETS) if pages not in LONGEST and i not in here]]
    rendered = {i: PAGE_SETS[i](site) for i in here}
    rendered |= {
        i: pages
        for job, done in zip(jobs, fork_map(lambda job: [PAGE_SETS[i](site) for i in job], jobs), strict=True)
        for i, pages in zip(job, done, strict=True)
    }
    return [page for i in range(len(PAGE_SETS)) for page in rendered[i]]


def _content(page: Page, root: Path | None) -> bytes:
    if page.make is not None:
        return page.make()
    if page.data is not None:
        return page.data
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
        if _unchanged(target, content):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        stat = target.stat()
        _WRITTEN[target] = (stat.st_mtime_ns, stat.st_size, hash(content))
        written += 1
    return written


# What this process last wrote to each file: its time and size then, and its content's hash. The preview writes the
# pages again after every save; a file whose time and size are still those it was written with (as git's index
# trusts them) and whose new content hashes the same is not read back (two thousand files at 10,000 nominations).
# Any other file is read and compared.
_WRITTEN: dict[Path, tuple[int, int, int]] = {}


def _unchanged(target: Path, content: bytes) -> bool:
    try:
        stat = target.stat()
    except OSError:
        return False
    if not S_ISREG(stat.st_mode) or stat.st_size != len(content):
        return False
    if _WRITTEN.get(target) == (stat.st_mtime_ns, stat.st_size, hash(content)):
        return True
    return target.read_bytes() == content
