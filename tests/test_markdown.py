"""Escaping text from records for Markdown: the quick path for plain text gives what the full one gives."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from thidua.markdown import escape

_INLINE = re.compile(r"([\\`*_{}\[\]#+!|])")
_LINE_START = re.compile(r"^(\s*)([-=]|\d+(?=[.)]))")


def full_escape(value: str) -> str:
    """Every step, on every text (escape skips them for text none of them would change)."""
    text = html.escape(" ".join(value.split()), quote=True)
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


@given(st.one_of(st.text(alphabet=st.sampled_from("aăđê Ữ1209.)-=_*|<>&\"'#`\\[]{}!+\t\n\u00a0\u2028\u3000\x1c\x85٣xyz"),
                         max_size=30), st.text(max_size=12)))
def test_quick_path_agrees_with_full_escape(text: str) -> None:
    assert escape(text) == full_escape(text)


def test_plain_vietnamese_text_is_returned_as_is() -> None:
    for text in ("Nguyễn Thị Lan", "2025-12-05", "Tờ trình 05/TTr-VP", "Giấy khen của Chủ tịch UBND xã"):
        assert escape(text) == text
    assert escape("1. đầu dòng") == "\\1. đầu dòng"
    assert escape("a  <b>") == "a &lt;b&gt;"
