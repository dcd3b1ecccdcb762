"""thidua build writes a Pagefind search index of the articles, with a folded alias for đ (browser: test_search_browser)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import AS_OF, copy_repository, write
from site_text import page_text, search_pages
from thidua.cli import main


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("search") / "repo")
    assert main(["--root", str(root), "build", "--as-of", AS_OF]) == 0
    return root / "site"


def test_every_article_is_indexed_and_nothing_around_it(site: Path) -> None:
    """Each page's article is in the index under its URL and h1; the header, navigation and footer are not; nor is 404."""
    indexed = search_pages(site)
    # /quan-tri/ is the CMS, an application with no article: Pagefind leaves it out like the search bundle.
    pages = sorted(p for p in site.rglob("index.html") if p.parent.name != "pagefind" and p.parent.name != "quan-tri")
    assert sorted(indexed) == sorted("/" + "".join(f"{part}/" for part in p.parent.relative_to(site).parts) for p in pages)
    unit = indexed["/don-vi/doan-thanh-nien/"]
    assert unit["meta"]["title"] == "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Kim Phượng"  # type: ignore[index]
    assert "Người đứng đầu: Đinh Văn Cường" in str(unit["content"])
    everything = " ".join(str(page["content"]) for page in indexed.values())
    for around in ("Chuyển đến nội dung", "Trang thông tin dựng từ hồ sơ", "Tìm kiếm trên trang", "¶"):
        assert around not in everything
    assert page_text(site / "don-vi/doan-thanh-nien/index.html").startswith(str(unit["content"])[:40])


def test_words_with_d_stroke_are_also_indexed_folded(site: Path) -> None:
    """Pagefind folds tone marks but not đ: each page carries its đ-words folded, searched but never shown."""
    unit = search_pages(site)["/don-vi/doan-thanh-nien/"]
    folded = str(unit["meta"]["folded"]).split()  # type: ignore[index]
    assert {"dinh", "doan", "dang"} <= set(folded) and folded == sorted(folded)
    assert " dinh " not in f" {unit['content']} "  # the excerpt shows the page's own text only
    home = (site / "index.html").read_text("utf-8")
    assert '<div data-pagefind-body data-pagefind-meta="folded:' in home


def test_a_failing_index_keeps_the_old_site(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When Pagefind fails, the build exits 1 in Vietnamese, site/ stays as it was and no staging folder is left."""
    import thidua.site.search_index as search_index

    site = write(tree, "site/index.html", "trang cũ")
    write(tree, "site/.thidua-site", "")
    monkeypatch.setattr(
        search_index, "pagefind_command", lambda folder: [sys.executable, "-c", "import sys; sys.exit('Pagefind hỏng')"]
    )
    assert main(["--root", str(tree), "build", "--as-of", AS_OF]) == 1
    out = capsys.readouterr().out
    assert "Pagefind hỏng" in out and "Pagefind không dựng được chỉ mục tìm kiếm" in out and "trang cũ được giữ nguyên" in out
    assert site.read_text("utf-8") == "trang cũ"
    assert sorted(p.name for p in tree.iterdir() if p.name.startswith(".site-")) == []
