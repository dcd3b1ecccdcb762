"""Render the Markdown pages and build the site with MkDocs, replacing site/ only on success."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .clock import epoch_of
from .model import registry_from
from .render import render_pages, write_pages
from .validate import Result

# Folders and files under docs/ that the generator owns; everything else there is hand-written.
GENERATED = ("index.md", "phong-trao")


def generate(result: Result, root: Path, as_of: dt.date) -> int:
    """Write the generated Markdown into docs/, removing generated pages that no longer exist."""
    docs = root / "docs"
    pages = render_pages(registry_from(result.records), as_of)
    wanted = {docs / page.path for page in pages}
    for owned in GENERATED[1:]:
        for stale in sorted((docs / owned).rglob("*.md")) if (docs / owned).is_dir() else []:
            if stale not in wanted:
                stale.unlink()
    return write_pages(pages, docs)


def build_site(result: Result, root: Path, site_dir: Path, as_of: dt.date) -> int:
    generate(result, root, as_of)
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch_of(as_of)))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(staging)]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        sys.stdout.write(done.stdout + done.stderr)
        sys.stdout.write("MkDocs không dựng được trang (chế độ --strict); trang cũ được giữ nguyên. "
                         "Hãy sửa các cảnh báo ở trên rồi chạy lại.\n")
        return 1
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    shown = site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir
    sys.stdout.write(f"Đã dựng trang thông tin vào {shown}/ (số liệu tính đến ngày {as_of:%d/%m/%Y}). "
                     f"Mở {shown}/index.html, hoặc chạy «thidua serve» để xem thử.\n")
    return 0
