"""The header's search box in a real browser (Debian's chromium): Pagefind's index, typed without diacritics.

Uses the sample site and the browser of test_browser.py; screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_browser import SHOTS, WIDTHS, _visit, browser, build_sample, served

from conftest import AS_OF, copy_repository
from thidua.cli import main

__all__ = ["browser"]  # the fixture shared with test_browser.py

PLAN = "/phong-trao/chung-tay-cchc-2025/"
RESULTS = "#thidua-search .md-search-result__item a"


def _search(page: Page, typed: str, phone: bool) -> list[str]:
    """Open the search box as a reader would, type, and return the links of the results shown."""
    if phone:
        page.get_by_role("button", name="Mở ô tìm kiếm").click()
    page.get_by_role("textbox", name="Tìm kiếm trên trang thông tin").press_sequentially(typed)
    page.locator(RESULTS).first.wait_for()
    return [link.get_attribute("href") or "" for link in page.locator(RESULTS).all()]


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize(
    ("typed", "expected", "heading"),
    [
        ("cai cach", PLAN, "Chung tay Cải cách hành chính"),
        ("dinh van cuong", "/don-vi/doan-thanh-nien/", "Đoàn Thanh niên"),  # Đinh Văn Cường heads this unit
        ("giay khen", "/bang-vang/", "Bảng vàng"),
    ],
)
def test_header_search_finds_pages_typed_without_diacritics(
    browser: Browser, site_url: str, typed: str, expected: str, heading: str, width: str
) -> None:
    """Typed without diacritics (đ as d too), the header's search lists the page, and its link leads there."""
    page, errors, outside = _visit(browser, site_url + "/", WIDTHS[width])
    links = _search(page, typed, phone=width == "phone")
    assert expected in links
    assert "Tìm thấy" in page.locator("#thidua-search-status").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"search-{typed.replace(' ', '-')}-{width}.png"))
    page.locator(f'{RESULTS}[href="{expected}"]').click()
    page.wait_for_url(site_url + expected)
    assert heading in page.locator("h1").first.inner_text()
    assert errors == [] and outside == []
    page.context.close()


def test_search_is_usable_from_the_keyboard(browser: Browser, site_url: str) -> None:
    """ "/" focuses the search box, Tab reaches the results, Enter follows one; Escape closes the box."""
    page, errors, outside = _visit(browser, site_url + "/tra-cuu/", WIDTHS["desktop"])
    page.keyboard.press("/")
    page.keyboard.type("cai cach")
    page.locator(RESULTS).first.wait_for()
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    page.keyboard.press("Enter")  # the first result
    page.wait_for_url(site_url + PLAN)
    page.keyboard.press("/")
    page.keyboard.type("giay khen")
    page.locator(RESULTS).first.wait_for()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search-result__link')"):
            break
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + target)
    assert errors == [] and outside == []
    page.context.close()


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory)


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    """The sample site with its search index, served on 127.0.0.1."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def unindexed_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same pages as `thidua serve` shows them: no pagefind/ index."""
    site = tmp_path_factory.mktemp("unindexed") / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    with served(site) as url:
        yield url


def test_without_an_index_the_search_box_says_where_search_works(browser: Browser, unindexed_url: str) -> None:
    """In a preview without the index (thidua serve), typing says search works on the built site; no script error."""
    page, errors, outside = _visit(browser, unindexed_url + "/", WIDTHS["desktop"])
    page.get_by_role("textbox", name="Tìm kiếm trên trang thông tin").press_sequentially("cai cach")
    status = page.locator("#thidua-search-status")
    status.filter(has_text="thidua build").wait_for()
    assert "Chưa tải được chỉ mục tìm kiếm" in status.inner_text()
    assert [e for e in errors if "Failed to load resource" not in e] == []  # only the missing index's 404
    assert outside == []
    page.context.close()


def test_a_name_holding_html_is_shown_as_text_in_the_results(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A unit named with HTML is found, and its title and excerpt show the markup as text: no element, no script."""
    root = copy_repository(tmp_path_factory.mktemp("hostile") / "repo")
    payload = "<img src=x onerror=alert(1)>Tư pháp"
    unit = root / "records/units/tu-phap-ho-tich.yml"
    unit.write_text(unit.read_text("utf-8").replace("name: Tư pháp - hộ tịch", f'name: "{payload}"'), "utf-8")
    assert main(["--root", str(root), "build", "--as-of", AS_OF]) == 0
    with served(root / "site") as url:
        page, errors, outside = _visit(browser, url + "/", WIDTHS["desktop"])
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        _search(page, "onerror", phone=False)
        results = page.locator("#thidua-search .md-search-result__list")
        assert payload in results.inner_text()
        assert results.locator("img").count() == 0
        assert dialogs == [] and errors == [] and outside == []
        page.context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_open_search_with_results_has_no_serious_accessibility_violation(browser: Browser, site_url: str, width: str) -> None:
    """axe-core finds no serious or critical violation with the search box open and showing results."""
    from axe_playwright_python.sync_playwright import Axe

    page, _, _ = _visit(browser, site_url + "/", WIDTHS[width])
    _search(page, "giay khen", phone=width == "phone")
    page.get_by_role("button", name="Xem thêm 5 trang").wait_for()
    results = Axe().run(page)
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    page.context.close()
