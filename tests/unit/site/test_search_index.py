"""The folded alias for Pagefind: the words with đ of a page's article, folded, on its data-pagefind-body tag."""

from __future__ import annotations

from pathlib import Path

from thidua.site.search_index import add_aliases, folded_alias, with_alias

PAGE = (
    '<html lang="vi"><body><nav>Đội ngũ</nav><article class="md-content__inner">'
    "<div data-pagefind-body><h1>Đinh Văn Cường</h1><p>Bà <b>Đặng</b> Thị Hương &amp; Đoàn, Đinh</p>"
    '<a href="#" title="Đỗ Văn Hải">x</a></div></article><footer>Địa chỉ</footer></body></html>'
)


def test_the_alias_holds_each_word_with_d_stroke_folded_once_in_order() -> None:
    """Only words holding đ are folded (Pagefind folds the tone marks itself); tags and attributes are not text."""
    assert folded_alias("<h1>Đinh Văn Cường</h1><p>Bà <b>Đặng</b> &amp; ĐOÀN, Đinh</p><a title='Đỗ'>x</a>") == "dang dinh doan"
    assert folded_alias("<p>Cải cách hành chính</p>") == ""


def test_the_alias_covers_the_article_only_and_sits_on_its_tag() -> None:
    """Navigation and footer words stay out; the page is otherwise unchanged."""
    aliased = with_alias(PAGE)
    assert aliased == PAGE.replace(
        "<div data-pagefind-body>", '<div data-pagefind-body data-pagefind-meta="folded:dang dinh doan">'
    )


def test_pages_without_an_article_or_without_d_stroke_are_left_alone(tmp_path: Path) -> None:
    """A page with no data-pagefind-body (404) or no word with đ is not rewritten."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(PAGE, "utf-8")
    plain = PAGE.replace("Đ", "N").replace("đ", "n")
    (tmp_path / "index.html").write_text(plain, "utf-8")
    (tmp_path / "404.html").write_text("<body><h1>Không tìm thấy trang</h1><p>Đường dẫn</p></body>", "utf-8")
    assert add_aliases(tmp_path) == 1
    assert 'data-pagefind-meta="folded:dang dinh doan"' in (tmp_path / "a/index.html").read_text("utf-8")
    assert (tmp_path / "index.html").read_text("utf-8") == plain
    assert "data-pagefind" not in (tmp_path / "404.html").read_text("utf-8")
