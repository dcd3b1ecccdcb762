"""The boards' tables, written as HTML by the generator.

A province's boards have ten thousand rows: written as Markdown, every cell went through Python-Markdown's inline
patterns, most of the build's time. As HTML, MkDocs passes them through. Each cell but the first carries its
column's name (``data-label``), which the card layout on phones shows before the value (docs/assets/thidua.css).
Links are written as the published addresses, worked out here from the pages' Markdown paths.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

Cell = str | Markup  # text from a record (escaped here) or HTML we wrote


@dataclass(frozen=True)
class Column:
    title: str
    numeric: bool = False  # right-aligned


def cell(value: Cell) -> str:
    return str(value) if isinstance(value, Markup) else escape(value, quote=False)


def table(columns: Sequence[Column], rows: Iterable[Sequence[Cell]]) -> Markup:
    """A board: an HTML table in a ``thidua-board`` block, one ``<tr>`` a line (a diff shows the rows that changed)."""
    head = "".join(f"<th{' class=thidua-num' if c.numeric else ''}>{escape(c.title)}</th>" for c in columns)
    attributes = [""] + [f' data-label="{escape(c.title)}"' + (' class="thidua-num"' if c.numeric else "") for c in columns[1:]]
    # Cells apart by a space: text read from the page (a copy, a search excerpt) keeps its words apart.
    body = "\n".join(
        "<tr>" + " ".join(f"<td{a}>{cell(v)}</td>" for a, v in zip(attributes, row, strict=True)) + "</tr>" for row in rows
    )
    return Markup(
        f'<div class="thidua-board">\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>'
    )


def sample_mark(sample: bool) -> Markup:
    """What follows a row's name when it comes from sample data (a record marked fictional)."""
    return Markup(" <em>(minh họa)</em>") if sample else Markup("")


def link(href: str, text: Cell) -> Markup:
    return Markup(f'<a href="{escape(href)}">{cell(text)}</a>')


@functools.lru_cache(maxsize=1 << 16)  # every row of a board links to its nominee's unit: the same few pairs again
def href(page: str, target: str, directory_urls: bool = True) -> str:
    """The address of ``target`` (a Markdown path from docs/, maybe with #anchor) as linked from ``page``, the way
    MkDocs publishes them: ``don-vi/x.md`` is ``don-vi/x/`` with directory URLs, ``don-vi/x.html`` without."""
    path, _, anchor = target.partition("#")
    suffix = f"#{anchor}" if anchor else ""
    if not path:
        return suffix
    here = posixpath.dirname(_published(page, directory_urls))
    there = _published(path, directory_urls)
    relative = posixpath.relpath(there or ".", here or ".")
    if there.endswith("/") or not there:
        relative = "./" if relative == "." else relative + "/"
    return relative + suffix


def _published(path: str, directory_urls: bool) -> str:
    """Where MkDocs writes a Markdown page, as an address from the site's root ("" for the home page)."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return f"{stem}/"
