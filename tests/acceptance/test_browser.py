"""The built portal in a real browser: Debian's chromium driven by Playwright.

Screenshots are saved under test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import ROOT, copy_repository
from thidua.cli import main

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = {
    "home": "/",
    "plan": "/phong-trao/chung-tay-cchc-2025/",
    "dossiers": "/phong-trao/chung-tay-cchc-2025/ho-so/",
    "eligibility": "/phong-trao/chung-tay-cchc-2025/xet-chon/",
    "tasks": "/phong-trao/chung-tay-cchc-2025/nhiem-vu/",
    "honour": "/bang-vang/",
    "honour-year": "/bang-vang/2025/",
    "unit": "/don-vi/van-phong-thong-ke/",
    "lookup": "/tra-cuu/",
    "news": "/tin-tuc/",
    "story": "/tin-tuc/chi-lan-mot-cua/",
    "guide": "/huong-dan/",
    "procedure": "/cach-xet-chon/",
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 at a free port, for as long as the block lasts."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def build_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built into a fresh copy of the repository; returns its site/ folder."""
    root = copy_repository(tmp_path_factory.mktemp("browser") / "repo")
    assert main(["--root", str(root), "build", "--as-of", "2025-12-20"]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site, built and served on 127.0.0.1 at a free port."""
    with served(build_sample(tmp_path_factory)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make browser` (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _visit(browser: Browser, url: str, size: tuple[int, int]) -> tuple[Page, list[str], list[str]]:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "request",
        lambda req: (
            outside.append(req.url)
            if urlparse(req.url).hostname not in ("127.0.0.1", None) and not req.url.startswith("data:")
            else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    return page, errors, outside


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_loads_cleanly(browser: Browser, site_url: str, name: str, width: str) -> None:
    """Each page renders in Vietnamese without console errors or requests leaving 127.0.0.1, and is screenshotted."""
    page, errors, outside = _visit(browser, site_url + PAGES[name], WIDTHS[width])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").first.is_visible()
    assert errors == []
    assert outside == []
    page.context.close()


def test_plan_page_shows_the_deadline_and_quota(browser: Browser, site_url: str) -> None:
    """A reader of the plan page sees the award, the quota and the deadline in Vietnamese."""
    page, _, _ = _visit(browser, site_url + PAGES["plan"], WIDTHS["phone"])
    text = page.locator("article").inner_text()
    assert "Hình thức khen thưởng: Giấy khen của Chủ tịch UBND xã" in text
    assert "Số lượng khen: 01 tập thể, 01 cá nhân" in text
    assert "Hồ sơ nộp đến hết ngày 05/12/2025 theo giờ Việt Nam (UTC+7)" in text
    page.context.close()


def test_home_links_to_the_plan(browser: Browser, site_url: str) -> None:
    """From the home page, a reader reaches the campaign's plan in one click."""
    page, _, _ = _visit(browser, site_url + "/", WIDTHS["desktop"])
    page.get_by_role("link", name="Kế hoạch", exact=True).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(PAGES["plan"])
    assert "Chung tay Cải cách hành chính" in page.locator("h1").inner_text()
    page.context.close()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nguyen thi lan", "Nguyễn Thị Lan"),
        ("van phong", "Văn phòng - thống kê"),
        ("dang thi", "Đặng Thị Thu Hương"),
        ("Đức", "Lê Văn Đức"),
    ],
)
def test_lookup_finds_names_typed_without_diacritics(browser: Browser, site_url: str, typed: str, expected: str) -> None:
    """A citizen typing without diacritics (or with them) finds the person or unit, and the link leads to the unit."""
    page, errors, outside = _visit(browser, site_url + PAGES["lookup"], WIDTHS["phone"])
    page.locator("#thidua-lookup-input").press_sequentially(typed)
    results = page.locator("#thidua-lookup-results li")
    results.first.wait_for()
    assert expected in results.all_inner_texts()[0] or any(expected in t for t in results.all_inner_texts())
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"lookup-{typed.replace(' ', '-')}.png"))
    results.first.locator("a").first.click()  # the name (an award, if any, follows)
    page.wait_for_load_state("networkidle")
    assert "/don-vi/" in page.url
    assert errors == [] and outside == []
    page.context.close()


def test_honour_board_shows_the_decision(browser: Browser, site_url: str) -> None:
    """The honour board names each winner with the decision's number and date."""
    page, _, _ = _visit(browser, site_url + PAGES["honour"], WIDTHS["desktop"])
    text = page.locator("article").inner_text()
    assert "Tư pháp - hộ tịch" in text and "Nguyễn Thị Lan" in text
    assert "Số 215/QĐ-UBND ngày 15/12/2025" in text
    page.context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_accessibility_violation(browser: Browser, site_url: str, name: str, width: str) -> None:
    """axe-core finds no accessibility violation of any impact on each page, at a phone's and a desktop's width."""
    from axe_playwright_python.sync_playwright import Axe

    page, _, _ = _visit(browser, site_url + PAGES[name], WIDTHS[width])
    results = Axe().run(page)
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
    page.context.close()


WIDE_TABLE_PAGE = """---
title: Bảng rộng
---

# Bảng rộng

## Số liệu các xóm

| Xóm | Hộ gia đình | Nhân khẩu | Hồ sơ trực tuyến | Thanh toán không dùng tiền mặt | Định danh điện tử | Ghi chú |
|---|---|---|---|---|---|---|
| Xóm Đồng Tâm | 312 | 1.204 | 186 | 140 | 1.020 | Hướng dẫn tại nhà văn hóa mỗi tối thứ Bảy |

## Số liệu các bộ phận

| Bộ phận | Hồ sơ tiếp nhận | Đúng hạn | Trễ hạn | Trực tuyến toàn trình | Một phần | Ghi chú |
|---|---|---|---|---|---|---|
| Văn phòng - thống kê | 1.520 | 1.508 | 12 | 820 | 410 | Bộ phận Một cửa |
"""


@pytest.fixture(scope="module")
def wide_table_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose staff guide has a hand-written page with two tables wider than a phone (the boards never are)."""
    root = copy_repository(tmp_path_factory.mktemp("wide") / "repo")
    (root / "docs/huong-dan/bang-rong.md").write_text(WIDE_TABLE_PAGE, "utf-8")
    assert main(["--root", str(root), "build", "--as-of", "2025-12-20"]) == 0
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_wide_table_scrolls_from_the_keyboard(browser: Browser, wide_table_url: str) -> None:
    """On a phone, a table wider than the screen is a named region the Tab key reaches and the arrow keys scroll;
    each such table has a name of its own."""
    page, _, _ = _visit(browser, wide_table_url + "/huong-dan/bang-rong/", WIDTHS["phone"])
    wide = page.locator(".md-typeset__scrollwrap[role=region]")
    names = [wide.nth(i).get_attribute("aria-label") for i in range(wide.count())]
    assert len(names) >= 2 and len(set(names)) == len(names)
    heading = page.locator("article h2").first.inner_text().removesuffix("¶").strip()
    assert names[0] == f"Bảng 1 – {heading} (cuộn ngang để xem hết)"
    table = wide.first
    for _ in range(200):
        page.keyboard.press("Tab")
        if table.evaluate("element => element === document.activeElement"):
            break
    assert table.evaluate("element => element === document.activeElement")
    assert table.evaluate("element => element.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("element => element.scrollLeft > 0", arg=table.element_handle())
    page.context.close()
