"""The site's search index: Pagefind run over the built pages, with a folded alias for đ.

Pagefind (the ``pagefind`` package and the binary ``pagefind_bin`` ships, both pinned) reads the built
HTML and writes ``pagefind/``, which the header's search box loads in fragments: a query fetches the
parts of the index for its words and the pages it shows, never the whole index. It indexes only what a
page wraps in ``data-pagefind-body`` (the article, see overrides/main.html).

Pagefind folds tone marks ("cai cach" finds "Cải cách") but not đ, a letter of its own: "dinh" would
miss "Đinh". So each page first gets, as Pagefind metadata on that same tag, the folded form of every
word with đ in its article ("dinh dang doan"): metadata is searched but never shown in an excerpt.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from ..text import fold

BODY = "<div data-pagefind-body>"
BODY_END = "</article>"  # the wrapper is the whole content of Material's article
FOLDED = "folded"  # the metadata key; its words are searched, never shown
BUNDLE = "pagefind"
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def folded_alias(article: str) -> str:
    """The folded forms of the words holding đ in an article's HTML, sorted, each once ("dang dinh")."""
    text = html.unescape(_TAG.sub(" ", article))
    words = {word for word in _WORD.findall(text) if "đ" in word or "Đ" in word}
    return " ".join(sorted({fold(word) for word in words} - {""}))


def with_alias(page: str) -> str:
    """The page with its folded alias on the data-pagefind-body tag (unchanged when no word holds đ)."""
    start = page.find(BODY)
    if start < 0:
        return page
    end = page.find(BODY_END, start)
    alias = folded_alias(page[start + len(BODY) : end if end >= 0 else len(page)])
    if not alias:
        return page
    tag = f'<div data-pagefind-body data-pagefind-meta="{FOLDED}:{html.escape(alias)}">'
    return page[:start] + tag + page[start + len(BODY) :]


def add_aliases(site: Path) -> int:
    """Write the folded alias into every page of ``site`` that needs one; returns how many pages changed."""
    changed = 0
    for path in sorted(site.rglob("*.html")):
        page = path.read_text("utf-8")
        aliased = with_alias(page)
        if aliased != page:
            path.write_text(aliased, "utf-8")
            changed += 1
    return changed


def pagefind_command(site: Path) -> list[str]:
    """The pinned Pagefind binary over ``site``, every page read as Vietnamese, headings' "¶" links left out."""
    return [
        sys.executable,
        "-m",
        "pagefind_bin",
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        "vi",
        "--exclude-selectors",
        ".headerlink",
        "--quiet",
    ]


def index_site(site: Path) -> str | None:
    """Add the folded aliases, then write ``site/pagefind/``; returns what went wrong, or None.

    Pagefind reads a pagefind.yml and PAGEFIND_* variables from where it runs: it runs in an empty folder,
    with none of them, so that the same pages always give the same index.
    """
    add_aliases(site)
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix="thidua-pagefind-") as empty:
        try:
            done = subprocess.run(pagefind_command(site), cwd=empty, env=env, capture_output=True, text=True, check=False)
        except OSError as error:
            return str(error)
    if done.returncode != 0 or not (site / BUNDLE / "pagefind-entry.json").is_file():
        return (done.stdout + done.stderr).strip() or f"Pagefind thoát với mã {done.returncode}"
    return None
