"""Read the built site as a person would: the visible text of a page."""

from __future__ import annotations

import gzip
import html.parser
import json
import re
import zipfile
from pathlib import Path


class _Text(html.parser.HTMLParser):
    SKIP = {"script", "style", "svg", "noscript"}

    def __init__(self, root_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def main_html(path: Path) -> str:
    """The HTML of the page's main article (the whole page where it has none)."""
    source = path.read_text("utf-8")
    match = re.search(r"<article[^>]*>(.*)</article>", source, re.S)
    return match.group(1) if match else source


def text_of(html: str) -> str:
    """The visible text of some HTML, whitespace collapsed."""
    parser = _Text(None)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def page_text(path: Path) -> str:
    """The text of the page's main article, whitespace collapsed."""
    return text_of(main_html(path))


PAGEFIND = (".pf_fragment", ".pf_index", ".pf_meta")


def file_text(path: Path) -> str:
    """A built file's text; Pagefind's index files are gzipped and read unzipped, a workbook's or a Word document's
    parts read one after the other."""
    data = path.read_bytes()
    if path.suffix in (".xlsx", ".docx"):
        with zipfile.ZipFile(path) as workbook:
            data = b"\n".join(workbook.read(name) for name in workbook.namelist())
    return (gzip.decompress(data) if path.suffix in PAGEFIND else data).decode("utf-8", "replace")


def search_pages(site: Path) -> dict[str, dict[str, object]]:
    """The pages in the site's Pagefind index by URL: what it indexed of each (content, meta such as title)."""
    fragments = [json.loads(file_text(p).removeprefix("pagefind_dcd")) for p in sorted(site.glob("pagefind/fragment/*"))]
    return {fragment["url"]: fragment for fragment in fragments}
