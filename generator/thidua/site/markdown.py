"""Escape text from records so that Markdown and HTML show it as text."""

from __future__ import annotations

import functools
import html
import json
import re

from markupsafe import Markup

# Characters Python-Markdown lets a backslash escape, plus | for tables.
_INLINE = re.compile(r"([\\`*_{}\[\]#+!|])")
# At the start of a line: a list item, a setext underline, a numbered list ("1." or "1)").
_LINE_START = re.compile(r"^(\s*)(?:([-+])|(=)|(\d+)([.)]))")
# Characters with no backslash escape in Python-Markdown, written as character references: "~~~" opens a
# fenced code block, "=" underlines a heading.
_REFERENCES = {"~": "&#126;", "=": "&#61;"}


def _line_start(match: re.Match[str]) -> str:
    space, sign, equals, number, mark = match.groups()
    if sign:
        return f"{space}\\{sign}"
    if equals:
        return f"{space}{_REFERENCES['=']}"
    return f"{space}{number}\\{mark}"  # "1\." stays "1." on the page, but no list


# Characters escaping changes: Markdown and HTML specials, and every whitespace but the plain space.
_SPECIAL = re.compile("[\\\\`*_{}\\[\\]#+!|&<>\"'~\t-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _inert(text: str) -> bool:
    """True when escaping would return ``text`` unchanged (one character class, then plain string tests: fast)."""
    first = text[:1]
    return not (_SPECIAL.search(text) or "  " in text or first in (" ", "=", "-") or first.isdecimal() or text.endswith(" "))


def escape(value: object) -> str:
    """``value`` as inert Markdown text: no HTML, no links, no emphasis, no block, one line."""
    if isinstance(value, Markup):
        return str(value)
    return _escape_text(str(value))


@functools.lru_cache(maxsize=1 << 16)  # names, statuses and marks repeat in every row of the large boards
def _escape_text(text: str) -> str:
    if _inert(text):
        return text
    # One line, its spaces collapsed; a single space at either end stays (a template's " (…)" after a word).
    spaced = bool(text.strip())
    lead, trail = (" " if spaced and text[:1].isspace() else ""), (" " if spaced and text[-1:].isspace() else "")
    text = " ".join(text.split())
    text = html.escape(text, quote=True)
    text = _INLINE.sub(r"\\\1", text).replace("~", _REFERENCES["~"])
    return lead + _LINE_START.sub(_line_start, text) + trail


def finalize(value: object) -> object:
    """Jinja2 ``finalize``: every ``{{ … }}`` is escaped unless marked safe Markup."""
    if value is None:
        return ""
    return escape(value)


def front_title(value: object) -> Markup:
    """A page title for YAML front matter: HTML-escaped (themes print titles as HTML), quoted as a JSON string."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=False), ensure_ascii=False))
