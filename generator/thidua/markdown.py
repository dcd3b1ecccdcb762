"""Escape text from records so that Markdown and HTML show it as text."""

from __future__ import annotations

import functools
import html
import json
import re

from markupsafe import Markup

# Characters Python-Markdown lets a backslash escape, plus | for tables.
_INLINE = re.compile(r"([\\`*_{}\[\]#+!|])")
_LINE_START = re.compile(r"^(\s*)([-=]|\d+(?=[.)]))")


# Characters escaping changes: Markdown and HTML specials, and every whitespace but the plain space.
_SPECIAL = re.compile("[\\\\`*_{}\\[\\]#+!|&<>\"'\t-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _inert(text: str) -> bool:
    """True when escaping would return ``text`` unchanged (one character class, then plain string tests: fast)."""
    first = text[:1]
    return not (_SPECIAL.search(text) or "  " in text or first in (" ", "=", "-") or first.isdecimal() or text.endswith(" "))


def escape(value: object) -> str:
    """``value`` as inert Markdown text: no HTML, no links, no emphasis, one line."""
    if isinstance(value, Markup):
        return str(value)
    return _escape_text(str(value))


@functools.lru_cache(maxsize=1 << 16)  # names, statuses and marks repeat in every row of the large boards
def _escape_text(text: str) -> str:
    if _inert(text):
        return text
    text = " ".join(text.split())
    text = html.escape(text, quote=True)
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def finalize(value: object) -> object:
    """Jinja2 ``finalize``: every ``{{ … }}`` is escaped unless marked safe Markup."""
    if value is None:
        return ""
    return escape(value)


def front_title(value: object) -> Markup:
    """A page title for YAML front matter: HTML-escaped (themes print titles as HTML), quoted as a JSON string."""
    return Markup(json.dumps(html.escape(" ".join(str(value).split()), quote=False), ensure_ascii=False))
