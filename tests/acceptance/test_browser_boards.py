"""The boards as a reader sees them on a phone (390 px) and on a desktop (1280 px), in Debian's chromium.

Each row must show the cells that answer the reader's question (who, the result or what is still missing, the
deadline) inside the window, without sideways scrolling; screenshots of each board at both sizes are saved.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from test_browser import PAGES, SHOTS, WIDTHS, _visit, browser, site_url  # noqa: F401  (fixtures used by name)

# The key columns: name to deadline; name, result, votes; unit and result; nominee, result, award.
BOARDS = {"dossiers": 4, "eligibility": 3, "tasks": 2, "unit": 3}


# For every row of every board: the key cells' right edges against the window and against the box that would clip
# them (Material wraps tables in a scrolling box), and whether any box on the page scrolls sideways.
_MEASURE = """(keys) => {
  const rows = [...document.querySelectorAll('.thidua-board tbody tr')];
  const width = document.documentElement.clientWidth;
  const outside = [];
  for (const row of rows) {
    const cells = [...row.children].slice(0, keys);
    for (const cell of cells) {
      const box = cell.getBoundingClientRect();
      const clip = cell.closest('.md-typeset__scrollwrap') || document.body;
      const edge = Math.min(width, clip.getBoundingClientRect().right);
      if (box.right > edge + 1 || box.left < -1) outside.push(row.children[0].innerText + ' / ' + cell.innerText);
    }
  }
  // The header row is hidden from sight (not from screen readers) on a phone, in a 1-px box: not a scrolling box.
  const scrolls = [...document.querySelectorAll('.thidua-board *')]
    .filter(e => !e.closest('thead') && e.scrollWidth > e.clientWidth + 1);
  const lines = (cell) => {  // the text's own height (a cell stretches to its row), in lines
    const range = document.createRange();
    range.selectNodeContents(cell);
    return range.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight);
  };
  const names = rows.map(r => lines(r.children[0]));
  return {rows: rows.length, outside, scrolling: scrolls.length, page: document.documentElement.scrollWidth > width,
          tallest_name: Math.max(...names)};
}"""


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("board", sorted(BOARDS))
def test_board_key_cells_are_inside_the_window(browser: Browser, site_url: str, board: str, width: str) -> None:  # noqa: F811
    """Every row's key cells are inside the window, nothing scrolls sideways, and names do not wrap over many lines."""
    page, errors, _ = _visit(browser, site_url + PAGES[board], WIDTHS[width])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"board-{board}-{width}.png"), full_page=True)
    seen = page.evaluate(_MEASURE, BOARDS[board])
    assert seen["rows"] >= 2
    assert seen["outside"] == []
    assert seen["scrolling"] == 0 and seen["page"] is False
    if width == "desktop":
        assert seen["tallest_name"] <= 4  # a name over eight lines was the complaint
    assert errors == []
    page.context.close()


def test_phone_card_names_each_cell(browser: Browser, site_url: str) -> None:  # noqa: F811
    """On a phone each row is a card: the column's name is shown before each value; on a desktop it is not."""
    shown = """(row) => [...row.children].map(cell => getComputedStyle(cell, '::before').content)"""
    phone, _, _ = _visit(browser, site_url + PAGES["dossiers"], WIDTHS["phone"])
    names = phone.locator(".thidua-board tbody tr").first.evaluate(shown)
    assert names[:4] == ["none", '"Còn phải gửi: "', '"Thời hạn: "', '"Nộp lúc: "']
    phone.context.close()
    desktop, _, _ = _visit(browser, site_url + PAGES["dossiers"], WIDTHS["desktop"])
    assert set(desktop.locator(".thidua-board tbody tr").first.evaluate(shown)) == {"none"}
    desktop.context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_chart_text_is_readable(browser: Browser, site_url: str, width: str) -> None:  # noqa: F811
    """The dossier chart's text is drawn at 12 px or more at both widths (it was 7–8 px on a phone)."""
    page, _, _ = _visit(browser, site_url + PAGES["dossiers"], WIDTHS[width])
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.thidua-chart svg text')]
             .filter(t => t.getBoundingClientRect().height > 0)
             .map(t => t.getBoundingClientRect().height)"""
    )
    assert sizes and min(sizes) >= 12
    page.context.close()


@pytest.mark.parametrize("name", ["home", "story", "unit"])
def test_sidebar_shows_lookup_and_guide_above_the_fold(browser: Browser, site_url: str, name: str) -> None:  # noqa: F811
    """At 1280×800 the sidebar's «Tra cứu» and «Hướng dẫn» are in sight without scrolling (stories and units are
    reached from their index pages, not listed one by one in the sidebar)."""
    page, _, _ = _visit(browser, site_url + PAGES[name], (1280, 800))
    sidebar = page.locator(".md-sidebar--primary")
    for label in ("Tra cứu", "Hướng dẫn"):
        box = sidebar.get_by_text(label, exact=True).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 800, label
    assert sidebar.get_by_text("Chị Lan và những buổi trưa ở Bộ phận Một cửa").count() == 0
    page.context.close()


def test_lookup_leads_a_person_to_their_award(browser: Browser, site_url: str) -> None:  # noqa: F811
    """Looking up Nguyễn Thị Lan (typed without diacritics) shows her award after her unit, and the award's link
    opens the honour board at her entry, which says why she was awarded."""
    page, errors, outside = _visit(browser, site_url + PAGES["lookup"], WIDTHS["phone"])
    page.locator("#thidua-lookup-input").press_sequentially("nguyen thi lan")
    result = page.locator("#thidua-lookup-results li").first
    result.wait_for()
    assert "Khen thưởng: Giấy khen của Chủ tịch UBND xã (2025)" in result.inner_text()
    result.get_by_role("link", name="Giấy khen của Chủ tịch UBND xã (2025)").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/bang-vang/2025/#chung-tay-cchc-2025-ca-nhan-nguyen-thi-lan")
    entry = page.locator("#chung-tay-cchc-2025-ca-nhan-nguyen-thi-lan")
    assert entry.is_visible() and entry.bounding_box()["y"] < WIDTHS["phone"][1]  # type: ignore[index]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "lookup-to-honour-phone.png"))
    assert errors == [] and outside == []
    page.context.close()
