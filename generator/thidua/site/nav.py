"""The site's navigation, written into a generated MkDocs config that inherits mkdocs.yml."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from .page import Page

_TITLE = re.compile(r"^---\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\n", re.M)


def _insert(tree: list[Any], trail: tuple[str, ...], path: str) -> None:
    head, rest = html.escape(trail[0], quote=False), trail[1:]  # themes print nav titles as HTML
    if not rest:
        tree.append({head: path})
        return
    for item in tree:
        if isinstance(item, dict) and head in item and isinstance(item[head], list):
            _insert(item[head], rest, path)
            return
    section: list[Any] = []
    tree.append({head: section})
    _insert(section, rest, path)


def hand_written(docs: Path, generated: set[str]) -> list[Page]:
    """Hand-written pages of docs/ as nav entries under their folder's first page title."""
    found = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel in generated:
            continue
        match = _TITLE.match(path.read_text("utf-8"))
        title = match.group(1).strip('"') if match else path.stem
        found.append(Page(rel, "", ("Hướng dẫn", title)))
    return found


def nav_config(pages: list[Page], docs: Path) -> str:
    """A config that inherits ../mkdocs.yml and lists every page in a deliberate order."""
    entries = [p for p in pages if p.nav] + hand_written(docs, {p.path for p in pages})
    tree: list[Any] = []
    for page in entries:
        _insert(tree, page.nav, page.path)
    # Paths in an inheriting config are relative to it (build/), hence ../ for the folders of mkdocs.yml.
    config = {
        "INHERIT": "../mkdocs.yml",
        "docs_dir": "../docs",
        "theme": {"name": "material", "custom_dir": "../overrides"},
        "nav": tree,
        # Pages reached from an index page rather than the sidebar (units, stories, a large board's unit pages): not an
        # omission. One pattern per folder, not per page: MkDocs matches every file against every pattern.
        "not_in_nav": "\n".join(
            sorted(
                {f"/{posixpath.dirname(p.path)}/*.md".replace("//", "/") for p in pages if p.path.endswith(".md") and not p.nav}
            )
        ),
    }
    header = "# Sinh tự động bởi thidua build từ hồ sơ; không sửa tay.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
