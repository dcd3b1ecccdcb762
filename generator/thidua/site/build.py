"""Render the Markdown pages and build the site with MkDocs, replacing site/ only on success."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..clock import epoch_of
from ..model import registry_from
from ..outputs import output_folder
from ..outputs.evaluation_files import evaluate_tree
from ..records.record import Result
from ..speed.gcpause import paused_collection
from . import search_index
from .cms.publish import publish_cms
from .crawl import publish_crawl_files
from .nav import nav_config
from .page import Page, Publishing
from .render import render_pages, write_pages

# Folders and files under docs/ that the generator owns; everything else there is hand-written.
GENERATED = ("index.md", "phong-trao", "bang-vang", "don-vi", "tra-cuu", "tin-tuc", "cach-xet-chon")
NAV_CONFIG = "build/mkdocs.yml"


@paused_collection()
def generate(result: Result, root: Path, as_of: dt.date, later: list[Page] | None = None) -> int:
    """Evaluate, then write the generated Markdown into docs/ and the navigation config.

    Generated pages that no longer exist are removed; unchanged files are not rewritten
    (mkdocs serve would reload forever otherwise). With ``later`` (the preview), a download whose file exists is not
    made now but added to ``later``, to be written once the pages are shown.
    """
    docs = root / "docs"
    registry = registry_from(result.records)
    results = {evaluated.campaign.id: evaluated for evaluated in evaluate_tree(registry, root, as_of)}
    pages = render_pages(registry, results, as_of, publishing(root / "mkdocs.yml"), later=later is not None)
    wanted = {docs / page.path for page in pages}
    if later is not None:
        deferred = [p for p in pages if p.make is not None and (docs / p.path).is_file()]
        later.extend(deferred)
        pages = [p for p in pages if all(p is not d for d in deferred)]
    for owned in GENERATED[1:]:
        for stale in sorted((docs / owned).rglob("*")) if (docs / owned).is_dir() else []:
            if stale.is_file() and stale not in wanted:
                stale.unlink()
    written = write_pages(pages, docs, root)
    written += write_pages([Page(NAV_CONFIG, nav_config(pages, docs))], root)
    return written


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; the tags MkDocs understands (!ENV, !!python/name:…) are read as nothing."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _settings(config: Path) -> dict[str, object]:
    data = yaml.load(config.read_text("utf-8"), _ConfigLoader) if config.is_file() else None
    return data if isinstance(data, dict) else {}


def publishing(config: Path) -> Publishing:
    """The site name, site_url and use_directory_urls of mkdocs.yml (defaults when it has none)."""
    data = _settings(config)
    url = data.get("site_url")
    url = url.rstrip("/") + "/" if isinstance(url, str) and url.startswith(("http://", "https://")) else None
    name = data.get("site_name")
    return Publishing(
        name if isinstance(name, str) else "", url, data.get("use_directory_urls", True) is not False, config.parent
    )


def site_url_problem(config: Path) -> str | None:
    """What to fix when mkdocs.yml's site_url is written but is not a whole web address (MkDocs says it in English)."""
    url = _settings(config).get("site_url")
    if url in (None, "") or (isinstance(url, str) and publishing(config).site_url):
        return None
    return (
        f"mkdocs.yml: dòng «site_url: {url}» phải ghi địa chỉ đầy đủ của trang thông tin, bắt đầu bằng https:// "
        "(hoặc http://), ví dụ «site_url: https://thidua.ten-xa.gov.vn/»; hãy sửa dòng này (hoặc xóa nếu chưa có địa chỉ) "
        "rồi chạy lại. Trang cũ (nếu có) được giữ nguyên.\n"
    )


def build_site(result: Result, root: Path, site_dir: Path, as_of: dt.date) -> int:
    """Build into a staging folder, then swap it in; ``site_dir`` was checked by ``output_folder.check``."""
    site_dir = output_folder.under(root, site_dir)
    if problem := site_url_problem(root / "mkdocs.yml"):
        sys.stdout.write(problem)
        return 1
    generate(result, root, as_of)
    staging = output_folder.staging(site_dir)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch_of(as_of)))
    # No --quiet: it hides warnings from MkDocs, and --strict then has nothing to count.
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(root / NAV_CONFIG),
        "--site-dir",
        str(staging),
    ]
    done = output_folder.in_staging(
        staging, lambda: subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    )
    if done.returncode != 0:
        output_folder.discard(staging)
        sys.stdout.write(done.stdout + done.stderr)
        sys.stdout.write(
            "MkDocs không dựng được trang (chế độ --strict); trang cũ được giữ nguyên. "
            "Hãy sửa các cảnh báo ở trên rồi chạy lại.\n"
        )
        return 1
    # robots.txt and sitemap.xml for search engines (crawl.py): a step of its own, after MkDocs.
    publish_crawl_files(staging, publishing(root / "mkdocs.yml"), as_of)
    if cms_problems := publish_cms(staging, root, _settings(root / "mkdocs.yml")):
        output_folder.discard(staging)
        sys.stdout.write("\n".join(cms_problems) + "\nTrang cũ được giữ nguyên.\n")
        return 1
    problem = output_folder.in_staging(staging, lambda: search_index.index_site(staging))
    if problem is not None:
        output_folder.discard(staging)
        sys.stdout.write(
            f"{problem}\nPagefind không dựng được chỉ mục tìm kiếm (lời báo ở trên); trang cũ được giữ nguyên. "
            "Nếu máy thiếu Pagefind, hãy cài lại các gói đã ghim (make portal) rồi chạy lại.\n"
        )
        return 1
    output_folder.swap(staging, site_dir)
    shown = site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir
    sys.stdout.write(
        f"Đã dựng trang thông tin vào {shown}/ (số liệu tính đến ngày {as_of:%d/%m/%Y}). "
        f"Mở {shown}/index.html, hoặc chạy «thidua serve» để xem thử.\n"
    )
    return 0
