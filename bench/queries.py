"""What a reader downloads for one query: the header's search (Pagefind) and the lookup page, on a built site.

    python bench/queries.py SITE                     # e.g. build/bench/syn10000/site
    python bench/queries.py SITE --search "giay khen" --lookup "nguyen thi lan"

The site is served on 127.0.0.1 and opened in Debian's chromium (Playwright, never a downloaded browser), one
fresh browser context per query, so nothing is cached between queries. For each query it counts the bytes of every
response (body and headers, as served: Python's server compresses nothing, so HTML, CSS and scripts count in full,
where a host that gzips sends far less; Pagefind's index files are gzipped already): those of the page itself, then
those the query fetched, typed key by key as a person does, until the results are shown and nothing more is in
flight. A query must fetch less than LIMIT, and nothing from outside 127.0.0.1.

``measure(site)`` returns the figures; run by itself, the script prints them.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"]
SEARCH_PAGE, LOOKUP_PAGE = "/", "/tra-cuu/"
SEARCH_BOX, LOOKUP_BOX = "#thidua-search-input", "#thidua-lookup-input"
SEARCH_STATUS, LOOKUP_STATUS = "#thidua-search-status", "#thidua-lookup-status"
DONE = ("Tìm thấy", "Không tìm thấy", "Chưa tải được", "Không tải được")
LIMIT = 1_000_000  # bytes: what one query may download in total (index parts, data, results), at 10,000 nominations


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def a_person(site: Path) -> str:
    """The name of a person in the middle of the lookup's data, folded: a typical query typed without diacritics."""
    sys.path.insert(0, str(ROOT / "generator"))
    from thidua.text import fold

    blocks = sorted((site / "tra-cuu/du-lieu").glob("[0-9]*.json"), key=lambda p: int(p.stem))
    people = [e for e in json.loads(blocks[len(blocks) // 2].read_text("utf-8")) if "#thanh-vien" in e["url"]]
    return fold(people[len(people) // 2]["name"])


class _Traffic:
    """Bytes and requests seen by one page, split into what came before the query and what the query fetched."""

    def __init__(self) -> None:
        self.finished: list[Any] = []
        self.in_flight = 0
        self.outside: list[str] = []
        self.mark = 0

    def started(self, request: Any) -> None:
        self.in_flight += 1
        if urlparse(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:"):
            self.outside.append(request.url)

    def ended(self, request: Any) -> None:
        self.in_flight -= 1
        self.finished.append(request)

    def bytes_of(self, requests: list[Any]) -> int:
        total = 0
        for request in requests:
            sizes = request.sizes()
            total += max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
        return total


def _settle(page: Any, traffic: _Traffic, status: str) -> None:
    """Wait until the status says the query is answered and nothing has been in flight for half a second."""
    deadline = time.monotonic() + 120
    quiet_since = None
    while time.monotonic() < deadline:
        answered = page.locator(status).inner_text().startswith(DONE)
        if answered and traffic.in_flight == 0:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= 0.5:
                return
        else:
            quiet_since = None
        page.wait_for_timeout(50)
    raise SystemExit(f"truy vấn không xong sau 120 s: {page.locator(status).inner_text()!r}")


def _one(browser: Any, url: str, box: str, status: str, query: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    traffic = _Traffic()
    page.on("request", traffic.started)
    page.on("requestfinished", traffic.ended)
    page.on("requestfailed", traffic.ended)
    page.goto(url, wait_until="networkidle")
    before = list(traffic.finished)
    page.locator(box).press_sequentially(query, delay=60)
    _settle(page, traffic, status)
    fetched = traffic.finished[len(before) :]
    figures = {
        "page": traffic.bytes_of(before),
        "query": traffic.bytes_of(fetched),
        "requests": len(fetched),
        "status": page.locator(status).inner_text(),
        "outside": traffic.outside,
    }
    figures["total"] = figures["page"] + figures["query"]
    context.close()
    return figures


def largest(site: Path) -> dict[str, int]:
    """The largest file of each kind a query may load: what bounds a query the defaults do not try."""
    kinds = {
        "pagefind fragment": "pagefind/fragment/*.pf_fragment",
        "pagefind index": "pagefind/index/*.pf_index",
        "tra-cuu từ": "tra-cuu/du-lieu/tu-*.json",
        "tra-cuu khối": "tra-cuu/du-lieu/[0-9]*.json",
    }
    return {kind: max((p.stat().st_size for p in site.glob(pattern)), default=0) for kind, pattern in kinds.items()}


def measure(site: Path, search: list[str] | None = None, lookup: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """For each query, the bytes of its page, the bytes the query fetched, their total and the number of requests;
    under "largest", the largest file of each kind (``largest``).

    Defaults: for the search, the plan's words and a person of the site; for the lookup, that person, common words
    ("nguyen van", "xom"), one letter ("n") and a prefix of each word ("ng t lan").
    """
    from playwright.sync_api import sync_playwright

    person = a_person(site)
    search = search or ["cai cach hanh chinh", "giay khen", person, "nguyen van"]
    lookup = lookup or [person, "nguyen van", "xom", "n", "ng t lan"]
    figures: dict[str, dict[str, Any]] = {"search": {}, "lookup": {}, "largest": largest(site)}
    with _served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for query in search:
            figures["search"][query] = _one(browser, url + SEARCH_PAGE, SEARCH_BOX, SEARCH_STATUS, query)
        for query in lookup:
            figures["lookup"][query] = _one(browser, url + LOOKUP_PAGE, LOOKUP_BOX, LOOKUP_STATUS, query)
        browser.close()
    return figures


def report(figures: dict[str, dict[str, Any]]) -> bool:
    """Print the figures in Vietnamese; True when every query fetched less than LIMIT, all from 127.0.0.1."""
    ok = True
    print("Tệp lớn nhất: " + ", ".join(f"{kind} {size / 1000:.1f} kB" for kind, size in figures["largest"].items()))
    for kind, title in (("search", "Ô tìm kiếm (Pagefind)"), ("lookup", "Trang tra cứu")):
        print(title)
        for query, f in figures[kind].items():
            within = f["query"] < LIMIT and not f["outside"]
            ok = ok and within
            print(
                f"  {query!r:<28} trang {f['page'] / 1000:7.1f} kB + truy vấn {f['query'] / 1000:7.1f} kB "
                f"({f['requests']:3d} yêu cầu) = {f['total'] / 1000:7.1f} kB {'' if within else '  QUÁ GIỚI HẠN'}  — {f['status']}"
            )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description="Đo số byte một lần tìm kiếm, một lần tra cứu tải về trên trang đã dựng.")
    parser.add_argument("site", type=Path, help="thư mục trang đã dựng (site/)")
    parser.add_argument("--search", action="append", help="từ tìm ở ô tìm kiếm (lặp lại được)")
    parser.add_argument("--lookup", action="append", help="từ tra ở trang tra cứu (lặp lại được)")
    args = parser.parse_args()
    return 0 if report(measure(args.site, args.search, args.lookup)) else 1


if __name__ == "__main__":
    sys.exit(main())
