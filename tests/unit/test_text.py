"""Vietnamese text helpers: slugs word by word give what the whole-text definition gives."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from thidua.text import fold, slugify


def whole_text_slug(text: str) -> str:
    """The definition: NFD, marks dropped, lower case, every run of other characters one hyphen."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@given(st.one_of(st.text(alphabet=st.sampled_from("aĐđặêỮữ İ-–_.\t\n\u00a0\u3000\u0301Ab9"), max_size=20), st.text(max_size=12)))
def test_word_by_word_slug_is_the_whole_text_slug(text: str) -> None:
    assert slugify(text) == whole_text_slug(text)


def test_vietnamese_names() -> None:
    assert slugify("Đặng Văn Đức") == "dang-van-duc"
    assert slugify("  UBND xã Kim Phượng – Văn phòng  ") == "ubnd-xa-kim-phuong-van-phong"
    assert fold("Nguyễn Thị Lan") == "nguyen thi lan"
