"""Escape text from records so that Markdown and HTML show it as text."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

# Characters Python-Markdown lets a backslash escape, plus | for tables.
_INLINE = re.compile(r"([\\`*_{}\[\]#+!|])")
_LINE_START = re.compile(r"^(\s*)([-=]|\d+(?=[.)]))")


# Text with none of these is already inert: escaping would return it unchanged.
_NEEDS_ESCAPE = re.compile(r"[\\`*_{}\[\]#+!|&<>\"']|[^\S ]|  |^[ =\d-]| $")


def escape(value: object) -> str:
    """``value`` as inert Markdown text: no HTML, no links, no emphasis, one line."""
    if isinstance(value, Markup):
        return str(value)
    text = str(value)
    if not _NEEDS_ESCAPE.search(text):
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
