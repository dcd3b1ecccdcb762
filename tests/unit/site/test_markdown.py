"""Escaping text from records for Markdown: the quick path for plain text gives what the full one gives."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import ROOT
from thidua.site.markdown import escape

_INLINE = re.compile(r"([\\`*_{}\[\]#+!|])")


def full_escape(value: str) -> str:
    """Every step, on every text (escape skips them for text none of them would change); one space kept at either end
    of a text that has more than spaces."""
    text = html.escape(" ".join(value.split()), quote=True)
    text = _INLINE.sub(r"\\\1", text).replace("~", "&#126;")
    text = re.sub(r"^([-+])", r"\\\1", text)
    text = re.sub(r"^=", "&#61;", text)
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    if not value.strip():
        return text
    return (" " if value[:1].isspace() else "") + text + (" " if value[-1:].isspace() else "")


@given(
    st.one_of(
        st.text(alphabet=st.sampled_from("aăđê Ữ1209.)-=_*|<>&\"'#`\\[]{}!+~\t\n\u00a0\u2028\u3000\x1c\x85٣xyz"), max_size=30),
        st.text(max_size=12),
    )
)
def test_quick_path_agrees_with_full_escape(text: str) -> None:
    assert escape(text) == full_escape(text)


def test_plain_vietnamese_text_is_returned_as_is() -> None:
    for text in ("Nguyễn Thị Lan", "2025-12-05", "Tờ trình 05/TTr-VP", "Giấy khen của Chủ tịch UBND xã"):
        assert escape(text) == text
    assert escape("1. đầu dòng") == "1\\. đầu dòng"
    assert escape("a  <b>") == "a &lt;b&gt;"


def _site_markdown() -> markdown.Markdown:
    """Markdown with the extensions the site is built with: MkDocs' own (toc, tables, fenced_code) and mkdocs.yml's."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


class _Shape(HTMLParser):
    """The tags and the text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


_SITE_MARKDOWN = _site_markdown()
_SYNTAX = "~`*_-+=#>!|[](){}<>&:.0123456789 \n\t?^\"'\\"


@settings(max_examples=400)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.sampled_from(_SYNTAX), min_size=1, max_size=12),
            st.sampled_from(
                [
                    "~~~",
                    "```",
                    "===",
                    "---",
                    "***",
                    "1. ",
                    "2) ",
                    "> ",
                    "# ",
                    "!!! note",
                    "    code",
                    "<b>",
                    "&amp;",
                    "[x](y)",
                    "{: .c}",
                    "| a |",
                    "- [ ]",
                    "a  b",
                ]
            ),
        ),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_escaped_text_renders_as_one_paragraph_of_the_same_text(text: str) -> None:
    """Whatever a record's text holds (fences, headings, lists, quotes, HTML, tables), the site shows it as text:
    one paragraph, no other element, the same characters (runs of whitespace become one space)."""
    for before in ("", "Đoạn trước\n"):  # on its own, and as the second line of a paragraph (a setext underline)
        shape = _Shape()
        shape.feed(_SITE_MARKDOWN.reset().convert(before + escape(text)))
        expected = " ".join((before + text).split())
        if not expected:
            assert shape.tags == []
            continue
        assert shape.tags == ["p"], (text, shape.tags)
        assert " ".join(shape.text.split()) == expected, (text, shape.text)
