"""The boards' HTML tables: record text escaped, column names on cells, and links as MkDocs publishes pages."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from thidua.site.html_table import Column, href, link, table


@pytest.mark.parametrize(
    ("page", "target", "directory_urls", "expected"),
    [
        ("phong-trao/c/ho-so.md", "don-vi/x.md", True, "../../../don-vi/x/"),
        ("phong-trao/c/ho-so/u.md", "don-vi/x.md", True, "../../../../don-vi/x/"),
        ("phong-trao/c/ho-so.md", "phong-trao/c/ho-so/u.md", True, "u/"),
        ("phong-trao/c/ho-so/u.md", "phong-trao/c/xet-chon/u.md#n-1", True, "../../xet-chon/u/#n-1"),
        ("don-vi/x.md", "index.md", True, "../../"),
        ("don-vi/x.md", "don-vi/x.md#thanh-vien", True, "./#thanh-vien"),
        ("don-vi/x.md", "#thanh-vien", True, "#thanh-vien"),
        ("phong-trao/c/ho-so.md", "don-vi/x.md", False, "../../don-vi/x.html"),
        ("phong-trao/c/ho-so/u.md", "phong-trao/c/xet-chon/u.md#n", False, "../xet-chon/u.html#n"),
        ("index.md", "don-vi/index.md", False, "don-vi/index.html"),
    ],
)
def test_links_are_the_published_addresses(page: str, target: str, directory_urls: bool, expected: str) -> None:
    assert href(page, target, directory_urls) == expected


def test_a_table_escapes_record_text_and_names_each_cell() -> None:
    """Text from a record is shown as text; our own HTML stays; each cell but the first carries its column's name."""
    html = table(
        [Column("Đối tượng"), Column("Kết quả"), Column("Phiếu", numeric=True)],
        [[link("../x/", "<b>A & B</b>"), "*đạt* <script>", Markup("<em>6</em>/8")]],
    )
    assert '<td><a href="../x/">&lt;b&gt;A &amp; B&lt;/b&gt;</a></td>' in html
    assert '<td data-label="Kết quả">*đạt* &lt;script&gt;</td>' in html
    assert '<td data-label="Phiếu" class="thidua-num"><em>6</em>/8</td>' in html
    assert html.startswith('<div class="thidua-board">') and html.count("<tr>") == 2
